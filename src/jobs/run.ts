/**
 * Running one occurrence under its claim. Cron fires, catch-up, retries and `pbb jobs run` all
 * come through here, so an occurrence runs once whichever path reaches it first.
 *
 * A run that throws marks its claim FAILED (with the error) rather than deleting it: the row keeps
 * the attempt count, and the next ensure — a scheduler tick's retry pass, a restart's catch-up, or
 * `pbb jobs run` — claims it again with a conditional update. A claim left RUNNING by a process
 * that died is taken again once older than the lease.
 */
import type { Database } from "../db/client.ts";
import { claimJobRun, completeJobRun, failJobRun } from "../db/repositories/job-runs.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { JobDefinition, JobOrg, JobServices, Occurrence, RunSource } from "./define.ts";

export const DEFAULT_RUN_LEASE_MS = 30 * 60_000;

export interface JobEnv<O extends JobOrg = JobOrg> extends JobServices {
  db: Database;
  org: O;
  logger: Logger;
  runner: string;
  metrics?: Metrics;
  /** Wall clock for claim bookkeeping (startedAt, finishedAt); defaults to the system clock. */
  now?: () => Date;
  leaseMs?: number;
}

export interface RunOptions {
  /** Run even when the fire time precedes Organization.firstAppliedAt (never by default). */
  allowBeforeFirstApplied?: boolean;
}

export type RunOutcome<S = unknown> =
  | { status: "ran"; occurrence: Occurrence; summary: S }
  | { status: "already-ran"; occurrence: Occurrence; ranAt: Date; state: "done" | "running" }
  | {
      status: "not-due";
      reason: "no-occurrence" | "before-first-applied";
      occurrence?: Occurrence;
    };

/** Runs the occurrence `at` belongs to, as if it were `at`. Rethrows what the job throws. */
export async function runJobOccurrence<O extends JobOrg, S>(
  env: JobEnv<O>,
  job: JobDefinition<O, S>,
  at: Date,
  source: RunSource,
  options: RunOptions = {},
): Promise<RunOutcome<S>> {
  const occurrence = job.occurrenceFor(env.org, at);
  if (!occurrence) {
    env.metrics?.jobRuns.inc({ job: job.name, outcome: "not-due" });
    return { status: "not-due", reason: "no-occurrence" };
  }
  return runOccurrence(env, job, occurrence, at, source, options);
}

export async function runOccurrence<O extends JobOrg, S>(
  env: JobEnv<O>,
  job: JobDefinition<O, S>,
  occurrence: Occurrence,
  at: Date,
  source: RunSource,
  options: RunOptions = {},
): Promise<RunOutcome<S>> {
  const clock = env.now ?? (() => new Date());
  const count = (outcome: string) => env.metrics?.jobRuns.inc({ job: job.name, outcome });
  if (!options.allowBeforeFirstApplied && occurrence.fireAt < env.org.firstAppliedAt) {
    count("not-due");
    return { status: "not-due", reason: "before-first-applied", occurrence };
  }
  const claim = await claimJobRun(env.db, {
    job: job.name,
    occurrence: occurrence.key,
    firedAt: occurrence.fireAt,
    source,
    runner: env.runner,
    now: clock(),
    leaseMs: env.leaseMs ?? DEFAULT_RUN_LEASE_MS,
  });
  if (!claim.claimed) {
    count("already-ran");
    const { existing } = claim;
    const done = existing.status === "DONE";
    return {
      status: "already-ran",
      occurrence,
      ranAt: (done ? existing.finishedAt : null) ?? existing.startedAt,
      state: done ? "done" : "running",
    };
  }
  const finish = { job: job.name, occurrence: occurrence.key, runner: env.runner };
  const log = env.logger.child({ job: job.name, occurrence: occurrence.key, source });
  try {
    const summary = await job.run({ ...env, source, attempt: claim.attempt }, occurrence, at);
    await completeJobRun(env.db, { ...finish, now: clock(), result: toJson(summary) });
    count("ran");
    log.info({ attempt: claim.attempt }, "job ran");
    return { status: "ran", occurrence, summary };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await failJobRun(env.db, { ...finish, now: clock(), error: message }).catch((markError) =>
      log.error({ err: markError }, "could not mark the failed run"),
    );
    count("failed");
    log.error({ err: error, attempt: claim.attempt }, "job failed");
    throw error;
  }
}

function toJson(summary: unknown): Prisma.InputJsonValue {
  if (summary === undefined || summary === null) return {};
  return JSON.parse(JSON.stringify(summary)) as Prisma.InputJsonValue;
}
