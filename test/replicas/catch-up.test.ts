/**
 * Every replica is stopped across a fire time; the one started next catches the fire up, once.
 * The job is the test-only "replica-probe" (fixtures/probe-job.ts): one message per branch at
 * PBB_PROBE_FIRE_AT, so the test does not wait for a wall-clock schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedPosts,
  type Cluster,
  createCluster,
  errorLines,
  notExactlyOnce,
  phases,
  postedMessages,
  replicasEnabled,
  sleep,
  waitUntil,
} from "./helpers.ts";

const enabled = replicasEnabled("replica catch-up tests");
const BRANCHES = 20;
const isProbe = (text: string) => text.startsWith("probe ");

describe.skipIf(!enabled)("catch-up after every replica was down at a fire time", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await createCluster({ branches: BRANCHES, probe: true });
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it("when one replica starts after the fire time, then it runs the missed fire once, and later replicas and `pbb jobs run` do not", async () => {
    const phase = phases("catch-up");
    await cluster.start(2);
    phase("two replicas started");
    await cluster.stopAll();
    phase("stopped");
    const db = await cluster.db();
    expect(await db.prisma.replica.count()).toBe(0);

    // The fire time passes while nothing runs.
    const fireAt = new Date(Math.ceil(Date.now() / 1000) * 1000);
    await sleep(fireAt.getTime() - Date.now() + 500);
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: 1 } });
    expect(org.firstAppliedAt.getTime()).toBeLessThan(fireAt.getTime());
    const env = { PBB_PROBE_FIRE_AT: fireAt.toISOString() };

    const [first] = await cluster.start(1, env);
    phase("one replica started after the fire time");
    const runs = await db.prisma.jobRun.findMany({ where: { job: "replica-probe" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ occurrence: fireAt.toISOString(), source: "catch-up" });
    expect(runs[0]?.runner).toContain(`:${first?.pid}:`);
    const channels = cluster.fixture.branchChannels;
    await waitUntil(
      "every branch's probe message",
      async () => (await db.prisma.delivery.count({ where: { status: "SENT" } })) === BRANCHES,
      { timeoutMs: 60_000, describe: cluster.logs },
    );

    phase("its messages delivered");
    // Two more replicas start at once, and the fire is asked for by hand: nothing runs again.
    await cluster.start(2, env);
    const repeat = await cluster.pbb(
      ["jobs", "run", "replica-probe", "--at", fireAt.toISOString()],
      env,
    );
    expect(errorLines(repeat.stderr)).toEqual([]);
    expect(repeat.code).toBe(0);
    expect(repeat.stdout).toMatch(/already ran/);
    phase("two more started, `pbb jobs run` repeated");
    await sleep(2_000);

    expect(await db.prisma.jobRun.count({ where: { job: "replica-probe" } })).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(BRANCHES);
    const accepted = acceptedPosts(cluster.emulator, (args) => isProbe(String(args.text)));
    expect(notExactlyOnce(channels, accepted)).toEqual([]);
    expect(notExactlyOnce(channels, postedMessages(cluster.emulator, channels, isProbe))).toEqual(
      [],
    );
  }, 240_000);
});
