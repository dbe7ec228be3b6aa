/**
 * The monthly reminder for 200 branches, delivered by three replicas against Slack's rate limits
 * and 5% injected 5xx errors, while a replica is SIGKILLed twice mid-fan-out (and restarted each
 * time): every branch gets exactly one reminder. A killed replica's claimed deliveries come back
 * when their lease (120 s) ends; the next claimant first looks in the channel's history for a
 * message the dead one may already have posted, so the test takes a little over two minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import {
  acceptedPosts,
  type Cluster,
  createCluster,
  errorLines,
  notExactlyOnce,
  phases,
  postedMessages,
  replicasEnabled,
  waitUntil,
} from "./helpers.ts";

const enabled = replicasEnabled("replica fan-out tests");
const BRANCHES = 200;
const JOB = "monthly-reminder";
const REMINDER = "tasklist:%:reminder";

const topLevel = (args: Record<string, unknown>) => args.thread_ts === undefined;

async function reminderCounts(db: Database) {
  const rows = await db.prisma.$queryRaw<{ status: string; n: number }[]>`
    SELECT status::text AS status, count(*)::int AS n FROM "Delivery"
    WHERE "dedupeKey" LIKE ${REMINDER} GROUP BY status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** The running replica holding the most claimed deliveries (the one whose death costs most). */
async function busiestReplica(cluster: Cluster, db: Database) {
  const claims = await db.prisma.delivery.groupBy({
    by: ["claimedBy"],
    where: { status: "PENDING", claimedBy: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { id: "desc" } },
  });
  for (const claim of claims) {
    const pid = Number(claim.claimedBy?.split(":").at(-2));
    const replica = cluster.running.find((r) => r.pid === pid);
    if (replica) return { replica, claims: claim._count._all };
  }
  const replica = cluster.running[0];
  if (!replica) throw new Error("no replica running");
  return { replica, claims: 0 };
}

describe.skipIf(!enabled)("three replicas fan out the monthly reminder to 200 branches", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await createCluster({ branches: BRANCHES });
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it("when a replica is SIGKILLed twice during the fan-out, then every branch gets exactly one reminder", async () => {
    const phase = phases("fan-out");
    await cluster.start(3);
    phase("three replicas started (migrations, 200-branch org file)");
    const jobs = await cluster.pbb(["jobs", "list"]);
    if (!jobs.stdout.includes(JOB)) {
      throw new Error(
        `the "${JOB}" job is not registered (src/app/features.ts): this test needs it to fan out the reminder.\n${jobs.stdout}${jobs.stderr}`,
      );
    }
    const db = await cluster.db();
    // An org applied long ago, so this month's reminder is not "before the org was first applied".
    await db.prisma.organization.update({
      where: { id: 1 },
      data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
    });
    cluster.emulator.setRateLimits(true);
    cluster.emulator.setFaults({ errorRate: 0.05, errorStatuses: [500, 503] });

    // The job commits branch by branch, so the replicas start sending while it still runs.
    const firing = cluster.pbb(["jobs", "run", JOB, "--at", new Date().toISOString()]);
    const channels = cluster.fixture.branchChannels;
    const sent = () => [...acceptedPosts(cluster.emulator, topLevel).values()].length;
    for (const threshold of [30, 100]) {
      await waitUntil(`${threshold} reminders posted`, () => sent() >= threshold, {
        timeoutMs: 90_000,
        describe: cluster.logs,
      });
      const { replica, claims } = await busiestReplica(cluster, db);
      await cluster.kill(replica, "SIGKILL");
      phase(`SIGKILLed ${replica.name} holding ${claims} claims after ${sent()} posts`);
      await cluster.restart(replica);
      phase("restarted it");
    }
    const fired = await firing;
    expect(errorLines(fired.stderr)).toEqual([]);
    expect(fired.code).toBe(0);
    expect(fired.stdout).toMatch(/: ran/);
    expect(fired.stdout).toMatch(/delivery: by the running bot/);
    phase("`pbb jobs run` returned");

    await waitUntil(
      "every reminder sent",
      async () => (await reminderCounts(db)).SENT === BRANCHES,
      {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        describe: async () => JSON.stringify(await reminderCounts(db)),
      },
    );
    const injected = cluster.emulator.calls.failures().length;
    const lookups = cluster.emulator.calls.of("conversations.history").length;
    phase(`all 200 sent (${injected} failed or refused calls, ${lookups} history look-ups)`);

    expect(await reminderCounts(db)).toEqual({ SENT: BRANCHES });
    const accepted = acceptedPosts(cluster.emulator, topLevel);
    expect(notExactlyOnce(channels, accepted)).toEqual([]);
    expect(notExactlyOnce(channels, postedMessages(cluster.emulator, channels))).toEqual([]);
    // Each branch's list stores the ts of the one message in its channel.
    const lists = await db.prisma.taskList.findMany({ include: { branch: true } });
    expect(lists).toHaveLength(BRANCHES);
    for (const list of lists) {
      const [message] = cluster.emulator.workspace.history(list.branch.channelId);
      expect(list.reminderTs).toBe(message?.ts);
    }
    // The faults did fire, and the job ran once.
    expect(cluster.emulator.calls.failures().length).toBeGreaterThan(0);
    expect(await db.prisma.jobRun.count({ where: { job: JOB } })).toBe(1);
  }, 300_000);
});
