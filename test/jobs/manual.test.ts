import { describe, expect, it } from "vitest";
import { liveReplicas } from "../../src/db/repositories/replicas.ts";
import { startHeartbeat } from "../../src/jobs/heartbeat.ts";
import { JobCommandError, runJobByName } from "../../src/jobs/manual.ts";
import { insertOrg, local, logger, monthlyJob, useReplicas } from "./helpers.ts";

describe("pbb jobs run, by name", () => {
  const replicas = useReplicas("pglite", 1);

  it("runs the occurrence --at names, in the org's time zone, once", async () => {
    const db = replicas()[0]!;
    await insertOrg(db, { firstAppliedAt: local("2026-11-01 00:00") });
    const { job, runs } = monthlyJob("monthly-reminder");
    const env = { db, jobs: [job], logger, runner: "cli:1" };
    const first = await runJobByName(env, "monthly-reminder", "2026-12-01T09:00");
    expect(first).toMatchObject({ status: "ran", at: local("2026-12-01 09:00") });
    const second = await runJobByName(env, "monthly-reminder", "2026-12-01T01:00:00Z");
    expect(second).toMatchObject({ status: "already-ran", state: "done" });
    expect(runs).toHaveLength(1);
  });

  it("names the known jobs when asked for an unknown one, and asks for an org first", async () => {
    const db = replicas()[0]!;
    const env = { db, jobs: [monthlyJob("monthly-reminder").job], logger, runner: "cli:1" };
    await expect(runJobByName(env, "monthly-reminder", undefined)).rejects.toThrow(/org apply/);
    await expect(runJobByName(env, "nope", undefined)).rejects.toThrow(
      new JobCommandError('unknown job "nope"; jobs: monthly-reminder'),
    );
  });

  it("a running bot is seen through its heartbeat until it stops", async () => {
    const db = replicas()[0]!;
    const beat = startHeartbeat(db, "replica-a", logger, 60_000);
    await beat.ready;
    expect((await liveReplicas(db, new Date(), 60_000)).map((r) => r.id)).toEqual(["replica-a"]);
    await beat.stop();
    expect(await liveReplicas(db, new Date(), 60_000)).toEqual([]);
  });
});
