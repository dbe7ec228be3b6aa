/**
 * `pbb db copy --to postgres://…` moves a populated PGlite store into an empty PostgreSQL
 * database, and a bot started there carries on: same rows, the outbox's pending messages sent
 * once, ORG_FILE not applied again, a new job run recorded and delivered after the copied ids.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrations.ts";
import { migratedPgliteDir } from "../helpers/database.ts";
import {
  acceptedPosts,
  type Cluster,
  createCluster,
  errorLines,
  notExactlyOnce,
  phases,
  replicasEnabled,
  waitUntil,
} from "../replicas/helpers.ts";
import { populateStore, snapshotStore } from "../replicas/store-data.ts";

const enabled = replicasEnabled("pbb db copy tests");

describe.skipIf(!enabled)("pbb db copy from a PGlite store into PostgreSQL", () => {
  let cluster: Cluster;
  let dir: string;
  beforeAll(async () => {
    cluster = await createCluster({ branches: 4, probe: true });
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-copy-"));
  });
  afterAll(async () => {
    await cluster?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("when the store is copied and the bot started on the server, then it carries on as if nothing happened", async () => {
    const phase = phases("copy");
    const store = await migratedPgliteDir(path.join(dir, "pglite"));
    const local = await openDatabase({ kind: "pglite", dir: store });
    expect(await applyMigrations(local.adapter)).toEqual([]);
    await populateStore(local, cluster.fixture.text);
    const before = await snapshotStore(local);
    await local.close();
    phase("populated the PGlite store");

    const fromPglite = { DATABASE_URL: `pglite:${store}` };
    const copied = await cluster.pbb(["db", "copy", "--to", cluster.databaseUrl], fromPglite);
    expect(errorLines(copied.stderr)).toEqual([]);
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/target: applied migration \d+_init/);
    expect(copied.stdout).toMatch(/copied \d+ rows into postgres:\/\/.* row counts match/);
    phase("pbb db copy");
    const server = await cluster.db();
    expect(await snapshotStore(server)).toEqual(before);

    const again = await cluster.pbb(["db", "copy", "--to", cluster.databaseUrl], fromPglite);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the target is not empty .* pass --force/);

    const [bot] = await cluster.start(1);
    phase("bot started on PostgreSQL");
    expect(bot?.output()).not.toMatch(/ORG_FILE .* applied|applied migration/);
    expect(await server.prisma.auditLog.count({ where: { action: "org.apply" } })).toBe(1);
    const moved = { dedupeKey: { startsWith: "moved:" } };
    await waitUntil(
      "the copied pending messages sent",
      async () =>
        (await server.prisma.delivery.count({ where: { ...moved, status: "SENT" } })) === 3,
      { timeoutMs: 30_000, describe: cluster.logs },
    );
    const movedChannels = cluster.fixture.branchChannels.slice(0, 3);
    const movedPosts = acceptedPosts(cluster.emulator, (a) =>
      /before the move/.test(String(a.text)),
    );
    expect(notExactlyOnce(movedChannels, movedPosts)).toEqual([]);

    const failed = await cluster.pbb(["deliveries", "--failed"]);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(/FAILED\s+dm\s+@U0CHAIR\s+2\s+\S+\s+cannot_dm_bot/);

    const maxCopied = (await server.prisma.delivery.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const fireAt = new Date().toISOString();
    const run = await cluster.pbb(["jobs", "run", "replica-probe", "--at", fireAt], {
      PBB_PROBE_FIRE_AT: fireAt,
    });
    expect(errorLines(run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/replica-probe .*: ran/);
    expect(run.stdout).toMatch(/delivery: by the running bot \(1 replica\)/);
    const probe = { dedupeKey: { startsWith: "probe:" } };
    await waitUntil(
      "the new run's messages sent",
      async () =>
        (await server.prisma.delivery.count({ where: { ...probe, status: "SENT" } })) === 4,
      { timeoutMs: 30_000, describe: cluster.logs },
    );
    phase("a new job run delivered");
    const ids = (await server.prisma.delivery.findMany({ where: probe })).map((d) => d.id);
    expect(Math.min(...ids)).toBeGreaterThan(maxCopied);
    const probePosts = acceptedPosts(cluster.emulator, (a) => String(a.text).startsWith("probe "));
    expect(notExactlyOnce(cluster.fixture.branchChannels, probePosts)).toEqual([]);
  }, 240_000);
  it("while a bot runs on the PGlite store, then `pbb db backup` is handed to it and restore and copy refuse", async () => {
    const store = path.join(dir, "pglite");
    const onPglite = { DATABASE_URL: `pglite:${store}` };
    const [bot] = await cluster.start(1, onPglite);
    try {
      const file = path.join(dir, "from-the-bot.jsonl.gz");
      const backup = await cluster.pbb(["db", "backup", file], onPglite);
      expect(errorLines(backup.stderr)).toEqual([]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/wrote .*from-the-bot\.jsonl\.gz: \d+ rows .*\(pglite, /);
      const restore = await cluster.pbb(["db", "restore", file, "--force"], onPglite);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(
        /pbb db restore: the bot is running on this store; stop the bot first/,
      );
      const copy = await cluster.pbb(
        ["db", "copy", "--to", cluster.databaseUrl, "--force"],
        onPglite,
      );
      expect(copy.code).toBe(1);
      expect(copy.stderr).toMatch(
        /pbb db copy: the bot is running on this store; stop the bot first/,
      );
      const listed = await cluster.pbb(["deliveries", "--failed"], onPglite);
      expect(listed.stdout).toMatch(/FAILED\s+dm\s+@U0CHAIR/);
    } finally {
      if (bot) await cluster.kill(bot, "SIGTERM");
    }
  }, 180_000);
});
