/**
 * What a scheduled job is. A job names its occurrences (job + month, job + session date …):
 * the occurrence key, not the time it was asked to run at, is what runs once.
 */
import type { Database } from "../db/client.ts";
import type { Logger } from "../observability/logger.ts";
import type { Homes } from "../services/home/refresh.ts";

/** The organisation as stored, as much of it as the framework needs. */
export interface JobOrg {
  timezone: string;
  locale: string;
  /** Organization.settings (schedules, lecture hall, calendar …) as validated when applied. */
  settings: unknown;
  firstAppliedAt: Date;
}

export interface Occurrence {
  /** Stable within the job: "2026-12", "2026-12#2", a session date … */
  key: string;
  /** When the schedule fires it. */
  fireAt: Date;
}

/** cron: the scheduler's tick; catch-up: start-up after downtime; manual: `pbb jobs run`. */
export type RunSource = "cron" | "catch-up" | "manual" | "retry";

/**
 * What the running bot lends the jobs it runs (the scheduler, and `pbb jobs run` handed to it).
 * A `pbb jobs run` in a process of its own has none: no Home is re-published (it is rendered
 * afresh when opened). Messages and files go through the outbox either way.
 */
export interface JobServices {
  /** Re-publishes the Homes a job's change concerns. */
  homes?: Homes;
}

export interface JobContext<O extends JobOrg = JobOrg> extends JobServices {
  db: Database;
  org: O;
  logger: Logger;
  /** Who holds the claim (replica id, or "cli:<pid>"). */
  runner: string;
  source: RunSource;
  /** 1 on the first try; more when a failed or abandoned run is taken up again. */
  attempt: number;
}

// Method syntax on purpose: a job declared for a richer org type still registers as a JobDefinition.
export interface JobDefinition<O extends JobOrg = JobOrg, S = unknown> {
  name: string;
  /** The occurrence that `at` belongs to (what `pbb jobs run --at` runs), or null: nothing due. */
  occurrenceFor(org: O, at: Date): Occurrence | null;
  /** Occurrences with `from < fireAt <= to`, in fireAt order. */
  occurrencesBetween(org: O, from: Date, to: Date): Occurrence[];
  /**
   * Does the occurrence's work as if it were `at`. It must be safe to run again after a partial
   * failure (write state idempotently, enqueue deliveries with stable dedupe keys). The summary
   * is stored on the JobRun row and printed by the CLI.
   */
  run(ctx: JobContext<O>, occurrence: Occurrence, at: Date): Promise<S>;
  /**
   * For a frequent job that mostly finds nothing to do (hourly): the first fire after `after`
   * that will have work, or null. The sandbox's clock panel jumps there.
   */
  nextWorkAt?(db: Database, org: O, after: Date): Promise<Date | null>;
}

export function defineJob<O extends JobOrg = JobOrg, S = unknown>(
  definition: JobDefinition<O, S>,
): JobDefinition<O, S> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`job name "${definition.name}": use lowercase letters, digits and -`);
  }
  return definition;
}

export type AnyJob = JobDefinition<JobOrg, unknown>;
