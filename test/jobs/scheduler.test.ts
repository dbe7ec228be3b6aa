import { describe, expect, it } from "vitest";
import { createDbRunCoordinator } from "../../src/jobs/coordinator.ts";
import { createScheduler, nextFireTimes, SCHEDULER_TASK } from "../../src/jobs/scheduler.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { STORES } from "../helpers/database.ts";
import { gridJob, insertOrg, local, logger, monthlyJob, useReplicas } from "./helpers.ts";

const MINUTE = 60_000;

describe.each(STORES)("the scheduler on %s", (kind) => {
  const replicas = useReplicas(kind, 3);

  it("when 3 replicas see 50 cron fires, then the coordinator elects one per fire and each occurrence runs once", async () => {
    const dbs = replicas();
    const base = local("2026-12-01 09:00");
    await insertOrg(dbs[0]!, { firstAppliedAt: base });
    const { job, runs } = gridJob("test-minutely", 1);
    const nodes = dbs.map((db, i) => {
      const replicaId = `replica-${i}`;
      return {
        coordinator: createDbRunCoordinator(db, replicaId, logger),
        scheduler: createScheduler({ db, logger, replicaId, jobs: () => [job] }),
      };
    });
    // Each replica starts (catch-up runs the 09:00 fire once), then 50 fires follow.
    await Promise.all(nodes.map((n) => n.scheduler.catchUp(base)));
    expect(runs.map((r) => r.at)).toEqual([base]);
    runs.length = 0;
    let elected = 0;
    for (let i = 1; i <= 50; i += 1) {
      const fire = new Date(base.getTime() + i * MINUTE);
      const key = `${SCHEDULER_TASK}:${fire.toISOString()}`;
      await Promise.all(
        nodes.map(async (n) => {
          if (!(await n.coordinator.shouldRun(key, MINUTE))) return;
          elected += 1;
          await n.scheduler.tick(fire);
        }),
      );
    }
    expect(elected).toBe(50);
    expect(runs).toHaveLength(50);
    expect(new Set(runs.map((r) => r.key)).size).toBe(50);
    expect(await dbs[0]!.prisma.jobRun.count()).toBe(51);
    expect(await dbs[0]!.prisma.cronTick.count()).toBe(50);
  });

  it("when every replica ticks every fire anyway, then each occurrence still runs once", async () => {
    const dbs = replicas();
    const base = local("2026-12-01 09:00");
    await insertOrg(dbs[0]!, { firstAppliedAt: base });
    const { job, runs } = gridJob("test-minutely", 1);
    const schedulers = dbs.map((db, i) =>
      createScheduler({ db, logger, replicaId: `replica-${i}`, jobs: () => [job] }),
    );
    await Promise.all(schedulers.map((s) => s.catchUp(base)));
    runs.length = 0;
    for (let i = 1; i <= 50; i += 1) {
      const fire = new Date(base.getTime() + i * MINUTE);
      await Promise.all(schedulers.map((s) => s.tick(fire)));
    }
    expect(runs).toHaveLength(50);
    expect(await dbs[0]!.prisma.jobRun.count()).toBe(51);
  });

  it("when a replica missed ticks, then its next tick covers the gap since its last check", async () => {
    const db = replicas()[0]!;
    const base = local("2026-12-01 09:00");
    await insertOrg(db, { firstAppliedAt: new Date(base.getTime() - MINUTE) });
    const { job, runs } = gridJob("test-every-5", 5);
    const scheduler = createScheduler({ db, logger, replicaId: "r", jobs: () => [job] });
    await scheduler.catchUp(base);
    runs.length = 0;
    const report = await scheduler.tick(new Date(base.getTime() + 17 * MINUTE));
    expect(report?.from).toEqual(base);
    expect(runs.map((r) => r.key)).toEqual([
      "2026-12-01T01:05:00.000Z",
      "2026-12-01T01:10:00.000Z",
      "2026-12-01T01:15:00.000Z",
    ]);
    // The job runs "as if it fired" at its fire time.
    expect(runs[0]!.at).toEqual(new Date("2026-12-01T01:05:00.000Z"));
  });

  it("after downtime, catch-up runs fires within the window once and reports older ones unsent", async () => {
    const db = replicas()[0]!;
    const now = local("2026-12-01 10:30");
    await insertOrg(db, { firstAppliedAt: local("2026-11-30 22:30") });
    const hourly = gridJob("test-hourly", 60);
    const monthly = monthlyJob();
    const metrics = createMetrics();
    const scheduler = createScheduler({
      db,
      logger,
      metrics,
      replicaId: "r",
      jobs: () => [hourly.job, monthly.job],
      now: () => now,
      missedLookbackHours: 24,
    });
    const report = await scheduler.catchUp();
    // Window 6 h: 05:00 … 10:00 local run; 23:00 … 04:00 are missed (22:00 precedes the first apply).
    expect(hourly.runs.map((r) => r.at)).toEqual(
      [5, 6, 7, 8, 9, 10].map((h) => local(`2026-12-01 ${String(h).padStart(2, "0")}:00`)),
    );
    expect(monthly.runs.map((r) => r.key)).toEqual(["2026-12"]);
    expect(report?.missed.map((m) => m.fireAt)).toEqual([
      local("2026-11-30 23:00"),
      ...[0, 1, 2, 3, 4].map((h) => local(`2026-12-01 0${h}:00`)),
    ]);
    expect(report?.ran.every((r) => r.outcome.status === "ran")).toBe(true);
    expect(report?.ran).toHaveLength(7);
    const missed = await metrics.registry.getSingleMetricAsString("pbb_job_runs_total");
    expect(missed).toContain('pbb_job_runs_total{job="test-hourly",outcome="missed"} 6');

    // A second replica starting now, or a restart, runs nothing again.
    const again = await createScheduler({
      db,
      logger,
      replicaId: "r2",
      jobs: () => [hourly.job, monthly.job],
      now: () => now,
      missedLookbackHours: 24,
    }).catchUp();
    expect(again?.ran).toEqual([]);
    expect(hourly.runs).toHaveLength(6);
    expect(monthly.runs).toHaveLength(1);
  });

  it("the org's schedules.catchUpWindowHours sets the window", async () => {
    const db = replicas()[0]!;
    const now = local("2026-12-01 10:30");
    await insertOrg(db, {
      firstAppliedAt: local("2026-11-01 00:00"),
      settings: { schedules: { catchUpWindowHours: 2 } },
    });
    const hourly = gridJob("test-hourly", 60);
    const report = await createScheduler({
      db,
      logger,
      replicaId: "r",
      jobs: () => [hourly.job],
      now: () => now,
      missedLookbackHours: 4,
    }).catchUp();
    expect(hourly.runs.map((r) => r.at)).toEqual([
      local("2026-12-01 09:00"),
      local("2026-12-01 10:00"),
    ]);
    expect(report?.missed.map((m) => m.fireAt)).toEqual([
      local("2026-12-01 07:00"),
      local("2026-12-01 08:00"),
    ]);
  });

  it("on a fresh install, nothing fired before the org was first applied runs or is reported", async () => {
    const db = replicas()[0]!;
    const applied = local("2026-12-01 10:00");
    await insertOrg(db, { firstAppliedAt: applied });
    const monthly = monthlyJob();
    let now = new Date(applied.getTime() + MINUTE);
    const scheduler = createScheduler({
      db,
      logger,
      replicaId: "r",
      jobs: () => [monthly.job],
      now: () => now,
    });
    const report = await scheduler.catchUp();
    expect(report).toMatchObject({ ran: [], missed: [], failed: [] });
    now = new Date(applied.getTime() + 2 * MINUTE);
    await scheduler.tick(now);
    expect(monthly.runs).toEqual([]);
    expect(await db.prisma.jobRun.count()).toBe(0);
    // The next month's fire does run.
    await scheduler.catchUp(local("2027-01-01 09:01"));
    expect(monthly.runs.map((r) => r.key)).toEqual(["2027-01"]);
  });

  it("a failed run is retried by a later tick after its backoff", async () => {
    const db = replicas()[0]!;
    const fire = local("2026-12-01 09:00");
    await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    let failures = 1;
    const monthly = monthlyJob("test-monthly", () => failures-- > 0);
    const scheduler = createScheduler({ db, logger, replicaId: "r", jobs: () => [monthly.job] });
    await scheduler.catchUp(new Date(fire.getTime() - MINUTE));
    const first = await scheduler.tick(fire);
    expect(first?.failed).toMatchObject([{ job: "test-monthly", key: "2026-12", error: "boom" }]);
    await scheduler.tick(new Date(fire.getTime() + MINUTE));
    expect(monthly.runs).toEqual([]);
    const later = await scheduler.tick(new Date(fire.getTime() + 3 * MINUTE));
    expect(later?.ran.map((r) => r.outcome.status)).toEqual(["ran"]);
    expect(monthly.runs.map((r) => r.key)).toEqual(["2026-12"]);
    expect(await db.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      status: "DONE",
      attempts: 2,
    });
  });

  it("when no org was applied yet, start-up and ticks do nothing", async () => {
    const db = replicas()[0]!;
    const monthly = monthlyJob();
    const scheduler = createScheduler({ db, logger, replicaId: "r", jobs: () => [monthly.job] });
    expect(await scheduler.catchUp(local("2026-12-01 09:30"))).toBeNull();
    expect(await scheduler.tick(local("2026-12-01 09:31"))).toBeNull();
  });
});

describe("nextFireTimes", () => {
  it("lists each job's next occurrence after now", () => {
    const org = {
      timezone: "Asia/Shanghai",
      locale: "en",
      settings: {},
      firstAppliedAt: new Date(0),
    };
    const next = nextFireTimes(org, local("2026-12-01 09:00"), [
      monthlyJob().job,
      gridJob("test-hourly", 60).job,
    ]);
    expect(next).toEqual([
      { job: "test-monthly", next: { key: "2027-01", fireAt: local("2027-01-01 09:00") } },
      {
        job: "test-hourly",
        next: { key: "2026-12-01T02:00:00.000Z", fireAt: local("2026-12-01 10:00") },
      },
    ]);
  });
});

describe("the scheduler's cron task", () => {
  const replicas = useReplicas("pglite", 1);

  it("start runs catch-up and schedules the minute task; stop removes it", async () => {
    const db = replicas()[0]!;
    const now = local("2026-12-01 09:30");
    await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    const monthly = monthlyJob();
    const scheduler = createScheduler({
      db,
      logger,
      replicaId: "r",
      jobs: () => [monthly.job],
      now: () => now,
    });
    const report = await scheduler.start();
    expect(report?.ran.map((r) => r.outcome.status)).toEqual(["ran"]);
    const { getTasks } = await import("node-cron");
    const names = [...getTasks().values()].map((t) => t.name);
    expect(names).toContain(SCHEDULER_TASK);
    await scheduler.stop();
    expect([...getTasks().values()].map((t) => t.name)).not.toContain(SCHEDULER_TASK);
  });
});
