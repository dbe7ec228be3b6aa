/**
 * The scheduler: the only node-cron import. One task fires every minute (in the org's time zone)
 * in distributed mode, so one replica runs each minute's tick; a tick asks every job for the
 * occurrences due since the last check and ensures each ran. Ensuring is idempotent (the JobRun
 * claim), so a tick on a second replica, a repeated tick or an overlap with catch-up is harmless.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import { pruneProcessedEvents } from "../db/repositories/processed-events.ts";
import { pruneCronTicks } from "../db/repositories/replicas.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import {
  type CatchUpReport,
  catchUp,
  DEFAULT_CATCH_UP_WINDOW_HOURS,
  retryFailedRuns,
  runSafely,
} from "./catch-up.ts";
import { createDbRunCoordinator } from "./coordinator.ts";
import type { AnyJob, JobOrg, JobServices, Occurrence } from "./define.ts";
import { catchUpWindowHoursOf, loadJobOrg } from "./org.ts";
import { DEFAULT_RUN_LEASE_MS, type JobEnv } from "./run.ts";

export const SCHEDULER_TASK = "pbb-scheduler";
const HOUR = 3600_000;
const PRUNE_AFTER_MS = 2 * 24 * HOUR;

export interface SchedulerOptions extends JobServices {
  db: Database;
  logger: Logger;
  replicaId: string;
  metrics?: Metrics;
  /** The jobs to schedule (the features' list; read on every tick). */
  jobs: () => readonly AnyJob[];
  loadOrg?: (db: Database) => Promise<JobOrg | null>;
  now?: () => Date;
  /** Used when the org settings set no `schedules.catchUpWindowHours`. */
  catchUpWindowHours?: number;
  missedLookbackHours?: number;
  runLeaseMs?: number;
}

export interface TickReport extends CatchUpReport {
  from: Date;
  to: Date;
}

export interface Scheduler {
  /** Catch-up, then the cron task. Returns the catch-up report (null: no org applied yet). */
  start(): Promise<CatchUpReport | null>;
  catchUp(now?: Date): Promise<CatchUpReport | null>;
  /** One tick as if the cron task fired at `now`; what the cron task calls. */
  tick(now?: Date): Promise<TickReport | null>;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.now ?? (() => new Date());
  const { jobs } = options;
  const loadOrg = options.loadOrg ?? loadJobOrg;
  const leaseMs = options.runLeaseMs ?? DEFAULT_RUN_LEASE_MS;
  let lastCheck: Date | undefined;
  let task: ScheduledTask | undefined;
  // Ticks of one process run one after another; other replicas are kept apart by the claims.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };

  // Claims are stamped with the tick's time, so leases and retry backoffs follow the same clock.
  const envFor = (org: JobOrg, now: Date): JobEnv => ({
    db: options.db,
    org,
    homes: options.homes,
    logger: options.logger,
    runner: options.replicaId,
    metrics: options.metrics,
    now: () => now,
    leaseMs,
  });
  const windowHours = (org: JobOrg) =>
    catchUpWindowHoursOf(org) ?? options.catchUpWindowHours ?? DEFAULT_CATCH_UP_WINDOW_HOURS;

  async function doCatchUp(now: Date): Promise<CatchUpReport | null> {
    const org = await loadOrg(options.db);
    if (!org) return null;
    const report = await catchUp(envFor(org, now), jobs(), now, {
      windowHours: windowHours(org),
      lookbackHours: options.missedLookbackHours,
    });
    lastCheck = now;
    options.logger.info(
      { ran: report.ran.length, missed: report.missed, failed: report.failed },
      "catch-up done",
    );
    return report;
  }

  async function doTick(now: Date): Promise<TickReport | null> {
    const org = await loadOrg(options.db);
    if (!org) return null;
    const env = envFor(org, now);
    const earliest = now.getTime() - windowHours(org) * HOUR;
    const from = new Date(Math.max(lastCheck?.getTime() ?? now.getTime() - 60_000, earliest));
    const report: TickReport = { from, to: now, ran: [], missed: [], failed: [] };
    for (const job of jobs()) {
      let due: Occurrence[];
      try {
        due = job.occurrencesBetween(org, from, now);
      } catch (error) {
        options.logger.error({ err: error, job: job.name }, "occurrencesBetween failed");
        continue;
      }
      for (const occurrence of due) await runSafely(env, job, occurrence, "cron", report);
    }
    const retried = await retryFailedRuns(env, jobs(), now, windowHours(org), leaseMs);
    report.ran.push(...retried.ran);
    report.failed.push(...retried.failed);
    if (!lastCheck || now > lastCheck) lastCheck = now;
    if (now.getUTCMinutes() === 0) await prune(options.db, now, options.logger);
    return report;
  }

  return {
    async start() {
      const report = await serial(() => doCatchUp(clock()));
      const org = await loadOrg(options.db);
      task = cron.createTask("* * * * *", (context) => serial(() => doTick(context.date)), {
        name: SCHEDULER_TASK,
        timezone: org?.timezone,
        distributed: true,
        runCoordinator: createDbRunCoordinator(options.db, options.replicaId, options.logger),
        noOverlap: true,
        logger: cronLogger(options.logger),
      });
      await task.start();
      return report;
    },
    catchUp: (now = clock()) => serial(() => doCatchUp(now)),
    tick: (now = clock()) => serial(() => doTick(now)),
    async stop() {
      await task?.destroy();
      task = undefined;
      await queue;
    },
  };
}

async function prune(db: Database, now: Date, logger: Logger): Promise<void> {
  const before = new Date(now.getTime() - PRUNE_AFTER_MS);
  await Promise.all([pruneCronTicks(db, before), pruneProcessedEvents(db, before)]).catch((err) =>
    logger.warn({ err }, "pruning old ticks and events failed"),
  );
}

function cronLogger(logger: Logger) {
  return {
    info: (message: string) => logger.debug({ component: "node-cron" }, message),
    warn: (message: string) => logger.warn({ component: "node-cron" }, message),
    error: (message: string | Error, err?: Error) =>
      logger.error({ component: "node-cron", err: err ?? message }, String(message)),
    debug: (message: string | Error) => logger.debug({ component: "node-cron" }, String(message)),
  };
}

export interface NextFire {
  job: string;
  next: Occurrence | null;
}

const HORIZON_MS = 400 * 24 * HOUR;

/** Each job's next occurrence after `now` (within about a year), for `pbb jobs list`. */
export function nextFireTimes(org: JobOrg, now: Date, jobs: readonly AnyJob[]): NextFire[] {
  return jobs.map((job) => ({
    job: job.name,
    next: job.occurrencesBetween(org, now, new Date(now.getTime() + HORIZON_MS))[0] ?? null,
  }));
}
