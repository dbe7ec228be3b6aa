/** `pbb jobs run <job> [--at]`: the same claim as cron and catch-up, keyed by the occurrence. */
import type { Database } from "../db/client.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import { parseAtOption } from "./at-option.ts";
import type { AnyJob, JobOrg, JobServices } from "./define.ts";
import { loadJobOrg } from "./org.ts";
import { type RunOptions, type RunOutcome, runJobOccurrence } from "./run.ts";

export class JobCommandError extends Error {
  override name = "JobCommandError";
}

export interface ManualRunEnv extends JobServices {
  /** The jobs that exist (the features' list: `jobsOf(features)`). */
  jobs: readonly AnyJob[];
  db: Database;
  logger: Logger;
  runner: string;
  metrics?: Metrics;
  loadOrg?: (db: Database) => Promise<JobOrg | null>;
}

/** Runs the named job as if it fired at `atText` (org-local without an offset), or at `now`. */
export async function runJobByName(
  env: ManualRunEnv,
  name: string,
  atText: string | undefined,
  now: Date = new Date(),
  options: RunOptions = {},
): Promise<RunOutcome & { at: Date }> {
  const { jobs, loadOrg, ...jobEnv } = env;
  const job = jobs.find((j) => j.name === name);
  if (!job) {
    const known = [...jobs].map((j) => j.name).sort((a, b) => a.localeCompare(b));
    throw new JobCommandError(`unknown job "${name}"; jobs: ${known.join(", ") || "(none)"}`);
  }
  const org = await (loadOrg ?? loadJobOrg)(env.db);
  if (!org)
    throw new JobCommandError("no organisation applied yet: run `pbb org apply <file>` first");
  const at = atText === undefined ? now : parseAtOption(atText, org.timezone);
  const outcome = await runJobOccurrence({ ...jobEnv, org }, job, at, "manual", options);
  return { ...outcome, at };
}
