/**
 * Replicas that start at once on an empty PostgreSQL database: the first to take the start-up
 * lock migrates and applies ORG_FILE; the others find nothing left to do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrationList } from "../../src/db/migrations.ts";
import { type Cluster, createCluster, replicasEnabled } from "./helpers.ts";

const enabled = replicasEnabled("replica start-up tests");

describe.skipIf(!enabled)("three replicas starting at once on one PostgreSQL database", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await createCluster({ branches: 20 });
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it("when they start together, then migrations and the org file are applied exactly once", async () => {
    const replicas = await cluster.start(3);
    expect(replicas.map((r) => r.port()).every((p) => p > 0)).toBe(true);
    expect(new Set(replicas.map((r) => r.port())).size).toBe(3);

    const db = await cluster.db();
    const local = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    const recorded = await db.prisma.$queryRaw<{ name: string; n: number }[]>`
      SELECT migration_name AS name, count(*)::int AS n FROM _prisma_migrations
      GROUP BY migration_name ORDER BY migration_name`;
    expect(recorded).toEqual(local.map((name) => ({ name, n: 1 })));

    const applies = await db.prisma.auditLog.findMany({ where: { action: "org.apply" } });
    expect(applies).toHaveLength(1);
    expect(applies[0]?.actor).toBe("ORG_FILE");
    expect(await db.prisma.branch.count({ where: { active: true } })).toBe(20);

    // Every replica is alive and heartbeating, and each logged at most its own start line.
    const live = await db.prisma.replica.findMany();
    expect(live.map((r) => r.pid).sort()).toEqual(replicas.map((r) => r.pid).sort());
    const appliedLines = replicas.flatMap((r) => r.output().match(/ORG_FILE .* applied/g) ?? []);
    expect(appliedLines).toHaveLength(1);
    const migrationLines = replicas.flatMap(
      (r) => r.output().match(/applied migration \S+/g) ?? [],
    );
    expect(migrationLines.sort()).toEqual(local.map((name) => `applied migration ${name}`));
  }, 180_000);

  it("when a replica restarts with the same org file, then nothing is applied again", async () => {
    const [first] = cluster.running;
    if (!first) throw new Error("no replica running");
    await cluster.kill(first);
    const again = await cluster.restart(first);
    expect(again.output()).not.toMatch(/ORG_FILE .* applied|applied migration/);
    const db = await cluster.db();
    expect(await db.prisma.auditLog.count({ where: { action: "org.apply" } })).toBe(1);
  }, 120_000);
});
