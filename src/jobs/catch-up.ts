/**
 * After downtime: occurrences that fired within the catch-up window and were never claimed run
 * once now; older ones are reported, not sent (a month-old reminder would only confuse); and a
 * fire time before Organization.firstAppliedAt is neither run nor reported.
 */
import { claimedOccurrences, retryableRuns } from "../db/repositories/job-runs.ts";
import type { AnyJob, JobOrg, Occurrence } from "./define.ts";
import { type JobEnv, type RunOutcome, runOccurrence } from "./run.ts";

const HOUR = 3600_000;
export const DEFAULT_CATCH_UP_WINDOW_HOURS = 6;
/** How far back missed fires are looked for, to report them. */
export const DEFAULT_MISSED_LOOKBACK_HOURS = 7 * 24;
const MAX_RUN_ATTEMPTS = 5;

export interface MissedFire {
  job: string;
  key: string;
  fireAt: Date;
}

export interface JobFailure {
  job: string;
  key: string;
  error: string;
}

export interface CatchUpReport {
  ran: { job: string; outcome: RunOutcome }[];
  /** Fired before the window and never run: reported, not sent. */
  missed: MissedFire[];
  failed: JobFailure[];
}

export async function catchUp(
  env: JobEnv,
  jobs: readonly AnyJob[],
  now: Date,
  opts: { windowHours: number; lookbackHours?: number },
): Promise<CatchUpReport> {
  const report: CatchUpReport = { ran: [], missed: [], failed: [] };
  const windowStart = now.getTime() - opts.windowHours * HOUR;
  const lookback = Math.max(opts.lookbackHours ?? DEFAULT_MISSED_LOOKBACK_HOURS, opts.windowHours);
  const from = new Date(
    Math.max(now.getTime() - lookback * HOUR, env.org.firstAppliedAt.getTime() - 1),
  );
  for (const job of jobs) {
    const due = job
      .occurrencesBetween(env.org, from, now)
      .filter((o) => o.fireAt >= env.org.firstAppliedAt);
    const claimed = await claimedOccurrences(
      env.db,
      job.name,
      due.map((o) => o.key),
    );
    for (const occurrence of due) {
      if (claimed.has(occurrence.key)) continue;
      if (occurrence.fireAt.getTime() < windowStart) {
        report.missed.push({ job: job.name, key: occurrence.key, fireAt: occurrence.fireAt });
        env.metrics?.jobRuns.inc({ job: job.name, outcome: "missed" });
        env.logger.warn(
          { job: job.name, occurrence: occurrence.key, fireAt: occurrence.fireAt },
          "missed fire outside the catch-up window: not sent",
        );
        continue;
      }
      await runSafely(env, job, occurrence, "catch-up", report);
    }
  }
  return report;
}

/**
 * Claims again FAILED runs (and ones abandoned RUNNING past their lease) fired within the window,
 * with a backoff of 2^attempts minutes, up to MAX_RUN_ATTEMPTS.
 */
export async function retryFailedRuns(
  env: JobEnv,
  jobs: readonly AnyJob[],
  now: Date,
  windowHours: number,
  leaseMs: number,
): Promise<CatchUpReport> {
  const report: CatchUpReport = { ran: [], missed: [], failed: [] };
  const candidates = await retryableRuns(env.db, {
    since: new Date(now.getTime() - windowHours * HOUR),
    now,
    leaseMs,
    maxAttempts: MAX_RUN_ATTEMPTS,
  });
  for (const run of candidates) {
    const job = jobs.find((j) => j.name === run.job);
    if (!job) continue;
    const backoff = 2 ** run.attempts * 60_000;
    if (run.finishedAt && now.getTime() - run.finishedAt.getTime() < backoff) continue;
    await runSafely(env, job, { key: run.occurrence, fireAt: run.firedAt }, "retry", report);
  }
  return report;
}

export async function runSafely(
  env: JobEnv<JobOrg>,
  job: AnyJob,
  occurrence: Occurrence,
  source: "catch-up" | "retry" | "cron",
  report: CatchUpReport,
): Promise<void> {
  try {
    const outcome = await runOccurrence(env, job, occurrence, occurrence.fireAt, source);
    report.ran.push({ job: job.name, outcome });
  } catch (error) {
    report.failed.push({
      job: job.name,
      key: occurrence.key,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
