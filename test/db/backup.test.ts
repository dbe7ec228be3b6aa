import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { createBackup, restoreBackup } from "../../src/db/backup/index.ts";
import { applyMigrationsNamed } from "../../src/db/backup/replay.ts";
import type { Database } from "../../src/db/client.ts";
import { readMigrationList } from "../../src/db/migrations.ts";
import { txGateFor } from "../../src/db/tx-gate.ts";
import { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";
import { modeOf } from "../helpers/file-modes.ts";
import { orgFixture } from "../replicas/org-fixture.ts";
import { jsonNulls, populateStore, snapshotStore } from "../replicas/store-data.ts";

const ORG = orgFixture(4).text;

async function pbb(db: Database, argv: string[], opts: { insideBot?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const ctx: CommandContext = {
    db,
    io,
    cwd: process.cwd(),
    resolver: offlineResolver,
    insideBot: opts.insideBot ?? false,
    now: () => new Date("2026-11-28T08:00:00Z"),
    client: null,
  };
  const code = await runProgram(argv, io, async () => ({ ctx, release: async () => {} }));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const localMigrations = async () =>
  (await readMigrationList()).migrationDirectories.map((d) => d.path);

async function readLines(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file))
    .toString("utf8")
    .trimEnd()
    .split("\n");
}

describe.each(STORES)("pbb db backup of a %s store", (from) => {
  let source: Database;
  let dir: string;
  let file: string;
  let original: Record<string, string[]>;
  beforeAll(async () => {
    source = await createTestDatabase(from);
    await populateStore(source, ORG);
    original = await snapshotStore(source);
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-backup-"));
    file = path.join(dir, "store.jsonl.gz");
    const r = await pbb(source, ["db", "backup", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*store\.jsonl\.gz: \d+ rows in \d+ tables/);
  });
  afterAll(async () => {
    await source?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("then the file is owner-only (0600), also when it replaces an older backup, and no temporary file is left", async () => {
    expect(await modeOf(file)).toBe(0o600);
    const older = path.join(dir, "older.jsonl.gz");
    await writeFile(older, "an older backup");
    await chmod(older, 0o644);
    const r = await pbb(source, ["db", "backup", older]);
    expect(r.code).toBe(0);
    expect(await modeOf(older)).toBe(0o600);
    expect((await readLines(older))[0]).toContain('"kind":"header"');
    expect((await readdir(dir)).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("then the file is gzip'd JSON lines: a header naming the migrations and every model's table, a line per row, and an end line with the counts", async () => {
    const lines = await readLines(file);
    const header = JSON.parse(lines[0] ?? "{}");
    expect(header).toMatchObject({ kind: "header", format: "pbb-backup", version: 1, store: from });
    expect(header.migrations).toEqual(await localMigrations());
    const tables = (header.tables as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(Object.values(Prisma.ModelName)));
    // Parents come before their children.
    expect(tables.indexOf("Branch")).toBeLessThan(tables.indexOf("TaskList"));
    expect(tables.indexOf("TaskList")).toBeLessThan(tables.indexOf("TaskListRevision"));
    expect(tables.indexOf("TaskListRevision")).toBeLessThan(tables.indexOf("TaskItem"));
    const end = JSON.parse(lines.at(-1) ?? "{}");
    expect(end.kind).toBe("end");
    for (const [table, rows] of Object.entries(original)) {
      if (table !== "_prisma_migrations")
        expect([table, end.counts[table]]).toEqual([table, rows.length]);
    }
    const rows = lines.slice(1, -1).map((l) => JSON.parse(l) as { t: string; r: object });
    expect(rows).toHaveLength(
      Object.values(end.counts as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    const item = rows.find((r) => r.t === "TaskItem")?.r;
    expect(item).toMatchObject({
      title: '学习 "two-way"\nsecond line ✓ \\ end',
      category: "THEORY_STUDY",
    });
  });

  it.each(STORES)(
    "when restored into an empty %s store, then every table holds the same rows and new ids continue after the highest",
    async (to) => {
      const target = await createTestDatabase(to);
      try {
        const r = await pbb(target, ["db", "restore", file]);
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/restored .* \(made .* on (pglite|postgres)\): \d+ rows/);
        expect(await snapshotStore(target)).toEqual(original);
        expect(await jsonNulls(target)).toEqual(await jsonNulls(source));
        expect((await jsonNulls(target)).json).toEqual(["json.null"]);
        const max = await target.prisma.auditLog.aggregate({ _max: { id: true } });
        const next = await target.prisma.auditLog.create({
          data: { actor: "test", action: "after-restore", entity: "x" },
        });
        expect(next.id).toBe((max._max.id ?? 0) + 1);
        const person = await target.prisma.person.create({ data: { slackUserId: "U0NEW" } });
        expect(person.id).toBe(await target.prisma.person.count());
      } finally {
        await target.close();
      }
    },
  );

  it("when the store already holds rows, then restore refuses, and with --force replaces everything", async () => {
    const target = await createTestDatabase(from);
    try {
      await populateStore(target, orgFixture(2).text);
      const before = await snapshotStore(target);
      const refused = await pbb(target, ["db", "restore", file]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /the store is not empty \(.*\): restore into an empty store, or pass --force/,
      );
      expect(await snapshotStore(target)).toEqual(before);
      const forced = await pbb(target, ["db", "restore", file, "--force"]);
      expect(forced.code).toBe(0);
      expect(await snapshotStore(target)).toEqual(original);
    } finally {
      await target.close();
    }
  });

  it("when the backup comes from a newer schema, then restore refuses and changes nothing", async () => {
    const lines = await readLines(file);
    const header = JSON.parse(lines[0] ?? "{}");
    header.migrations.push("29991231000000_from_the_future");
    const newer = path.join(dir, "newer.jsonl.gz");
    await writeFile(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join("\n")));
    const target = await createTestDatabase(from);
    try {
      const r = await pbb(target, ["db", "restore", newer]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        "pbb db restore: the backup comes from a newer schema: migration 29991231000000_from_the_future is unknown to this pbb; upgrade pbb, then restore",
      );
      expect(await target.prisma.person.count()).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("when the backup is cut short, then restore refuses and the store keeps what it had", async () => {
    const lines = await readLines(file);
    const cut = path.join(dir, "cut.jsonl.gz");
    await writeFile(cut, gzipSync(lines.slice(0, -3).join("\n")));
    const target = await createTestDatabase(from);
    try {
      await populateStore(target, orgFixture(2).text);
      const before = await snapshotStore(target);
      const r = await pbb(target, ["db", "restore", cut, "--force"]);
      expect(r.code).toBe(1);
      expect(r.err).toBe("pbb db restore: the backup is truncated: it has no end line");
      expect(await snapshotStore(target)).toEqual(before);
      const missing = await pbb(target, ["db", "restore", path.join(dir, "nope.gz")]);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/pbb db restore: ENOENT: no such file/);
    } finally {
      await target.close();
    }
  });

  it("when run inside the running bot, then backup works and restore refuses: stop the bot first", async () => {
    const inside = await pbb(source, ["db", "backup", path.join(dir, "inside.jsonl.gz")], {
      insideBot: true,
    });
    expect(inside.code).toBe(0);
    const restore = await pbb(source, ["db", "restore", file, "--force"], { insideBot: true });
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/the bot is running on this store; stop the bot first/);
    const copy = await pbb(source, ["db", "copy", "--to", "postgres://127.0.0.1:1/x"], {
      insideBot: true,
    });
    expect(copy.code).toBe(1);
    expect(copy.err).toMatch(/stop the bot first/);
    expect(await snapshotStore(source)).toEqual(original);
  });

  it.runIf(from === "postgres")(
    "when a replica is alive on the database, then restore refuses",
    async () => {
      const target = await createTestDatabase(from);
      try {
        await target.prisma.replica.create({
          data: { id: "live:1:x", host: "live", pid: 1, heartbeatAt: new Date() },
        });
        const r = await pbb(target, ["db", "restore", file, "--force"]);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/1 bot replica is running on this database; stop the bot first/);
      } finally {
        await target.close();
      }
    },
  );
});

describe("a backup made at an older schema", () => {
  // Replays every migration on PGlite: the list grows with each practice, and on a loaded
  // two-core machine that took over the default minute.
  it("when restored, then it is loaded at its own schema and migrated forward", async () => {
    const [first, ...rest] = await localMigrations();
    if (!first) throw new Error("no migrations");
    const pglite = await PGlite.create();
    const adapter = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter });
    const old: Database = {
      kind: "pglite",
      prisma,
      adapter,
      gate: txGateFor("pglite"),
      withExclusiveLock: (_n, fn) => fn(),
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
    const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-old-"));
    const target = await createTestDatabase("pglite");
    try {
      expect(await applyMigrationsNamed(adapter, [first])).toEqual([first]);
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Person" ("slackUserId", "name", "updatedAt") VALUES ('U0OLD', 'Old Timer', now())`,
      );
      await prisma.$executeRawUnsafe(
        `INSERT INTO "JobRun" ("job", "occurrence", "firedAt", "source") VALUES ('monthly-reminder', '2026-10', now(), 'cron')`,
      );
      const file = path.join(dir, "old.jsonl.gz");
      const made = await createBackup(old, file);
      expect(made.migrations).toEqual([first]);

      const report = await restoreBackup(target, file);
      expect(report.migratedForward).toEqual(rest);
      expect(
        await target.prisma.person.findMany({ select: { slackUserId: true, name: true } }),
      ).toEqual([{ slackUserId: "U0OLD", name: "Old Timer" }]);
      const run = await target.prisma.jobRun.findFirstOrThrow();
      expect(run).toMatchObject({ job: "monthly-reminder", occurrence: "2026-10", attempts: 1 });
      expect((await snapshotStore(target))._prisma_migrations).toEqual(await localMigrations());
    } finally {
      await old.close();
      await target.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
