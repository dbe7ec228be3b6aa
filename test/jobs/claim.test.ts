import { describe, expect, it } from "vitest";
import { parseAtOption } from "../../src/jobs/at-option.ts";
import { type RunOutcome, runJobOccurrence } from "../../src/jobs/run.ts";
import { STORES } from "../helpers/database.ts";
import { insertOrg, local, logger, monthlyJob, TZ, useReplicas } from "./helpers.ts";

describe.each(STORES)("the occurrence claim on %s", (kind) => {
  const replicas = useReplicas(kind, 3);

  it("when 3 replicas claim the same occurrence 50 times at once, then it runs exactly once", async () => {
    const dbs = replicas();
    const org = await insertOrg(dbs[0]!, { firstAppliedAt: local("2026-11-01 00:00") });
    const { job, runs } = monthlyJob();
    const at = local("2026-12-01 09:00");
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const db = dbs[i % 3]!;
        return runJobOccurrence({ db, org, logger, runner: `r${i % 3}` }, job, at, "cron");
      }),
    );
    const ran = outcomes.filter((o) => o.status === "ran");
    expect(ran).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "already-ran")).toHaveLength(49);
    expect(runs).toEqual([{ key: "2026-12", at }]);
    const rows = await dbs[0]!.prisma.jobRun.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ job: "test-monthly", occurrence: "2026-12", status: "DONE" });
    expect(rows[0]!.result).toEqual({ month: "2026-12" });
  });

  it("when --at is spelled three ways for one occurrence, then the job runs once", async () => {
    const db = replicas()[0]!;
    const org = await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    const { job, runs } = monthlyJob();
    const spellings = ["2026-12-01T09:00", "2026-12-01T01:00:00Z", "2026-12-01T09:00:00+08:00"];
    const outcomes: RunOutcome[] = [];
    for (const text of spellings) {
      const at = parseAtOption(text, TZ);
      outcomes.push(await runJobOccurrence({ db, org, logger, runner: "cli" }, job, at, "manual"));
    }
    expect(outcomes.map((o) => o.status)).toEqual(["ran", "already-ran", "already-ran"]);
    expect(outcomes[1]).toMatchObject({ state: "done", occurrence: { key: "2026-12" } });
    expect(runs.map((r) => r.key)).toEqual(["2026-12"]);
    // A later time in the same month is the same occurrence too.
    const later = parseAtOption("2026-12-15 10:00", TZ);
    const again = await runJobOccurrence({ db, org, logger, runner: "cli" }, job, later, "manual");
    expect(again.status).toBe("already-ran");
  });

  it("when a run throws, then its claim is marked FAILED and the next ensure runs it again", async () => {
    const db = replicas()[0]!;
    const org = await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    let failNext = true;
    const { job, runs } = monthlyJob("test-monthly", () => {
      const fail = failNext;
      failNext = false;
      return fail;
    });
    const at = local("2026-12-01 09:00");
    const env = { db, org, logger, runner: "r1" };
    await expect(runJobOccurrence(env, job, at, "cron")).rejects.toThrow("boom");
    const failed = await db.prisma.jobRun.findFirstOrThrow();
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toContain("boom");
    const retried = await runJobOccurrence(env, job, at, "manual");
    expect(retried.status).toBe("ran");
    expect(runs).toHaveLength(1);
    expect(await db.prisma.jobRun.findFirstOrThrow()).toMatchObject({
      status: "DONE",
      attempts: 2,
    });
  });

  it("when a runner died mid-run, then its claim is taken again only after the lease", async () => {
    const db = replicas()[0]!;
    const org = await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    const { job, runs } = monthlyJob();
    const fireAt = local("2026-12-01 09:00");
    await db.prisma.jobRun.create({
      data: {
        job: job.name,
        occurrence: "2026-12",
        firedAt: fireAt,
        source: "cron",
        runner: "dead",
        startedAt: fireAt,
      },
    });
    const env = (minutes: number) => ({
      db,
      org,
      logger,
      runner: "r2",
      leaseMs: 30 * 60_000,
      now: () => new Date(fireAt.getTime() + minutes * 60_000),
    });
    const early = await runJobOccurrence(env(10), job, fireAt, "cron");
    expect(early).toMatchObject({ status: "already-ran", state: "running" });
    const late = await runJobOccurrence(env(31), job, fireAt, "catch-up");
    expect(late.status).toBe("ran");
    expect(runs).toHaveLength(1);
  });

  it("when the fire time precedes the org's first apply, then nothing runs", async () => {
    const db = replicas()[0]!;
    const org = await insertOrg(db, { firstAppliedAt: local("2026-12-01 10:00") });
    const { job, runs } = monthlyJob();
    const outcome = await runJobOccurrence(
      { db, org, logger, runner: "cli" },
      job,
      local("2026-12-01 09:30"),
      "manual",
    );
    expect(outcome).toMatchObject({ status: "not-due", reason: "before-first-applied" });
    expect(runs).toEqual([]);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });
});
