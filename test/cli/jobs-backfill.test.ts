/**
 * `pbb jobs run <job> --at <time> --backfill`: a committee that installs on the 1st at 10:00
 * (Shanghai) can still send that morning's 09:00 monthly reminder, once; without the flag the
 * command refuses, says why and names the flag; catch-up never runs such an occurrence.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features, jobsOf } from "../../src/app/features.ts";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import type { Database } from "../../src/db/client.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { silentLogger } from "../../src/observability/logger.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";

const root = path.resolve(import.meta.dirname, "../..");
/** 2026-12-01 10:00 in Shanghai: an hour after the month's reminder fired (09:00). */
const INSTALLED = new Date("2026-12-01T02:00:00Z");
const NOW = new Date("2026-12-01T04:00:00Z");

async function pbb(db: Database, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const ctx: CommandContext = {
    db,
    io,
    cwd: root,
    resolver: offlineResolver,
    insideBot: false,
    now: () => NOW,
    client: null,
  };
  const code = await runProgram(argv, io, async () => ({ ctx, release: async () => {} }));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function recorded(db: Database) {
  const [runs, deliveries] = await Promise.all([
    db.prisma.jobRun.findMany({ where: { job: "monthly-reminder" } }),
    db.prisma.delivery.count(),
  ]);
  return { runs: runs.map((r) => ({ occurrence: r.occurrence, status: r.status })), deliveries };
}

describe.each(STORES)("pbb jobs run --backfill on %s", (store) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(store);
    const text = await readFile(path.join(root, "examples/org.yml"), "utf8");
    const applied = await applyOrgText(db, offlineResolver, text, "org.yml", {
      actor: "test",
      source: "test",
    });
    expect(applied.status).toBe("applied");
    await db.prisma.organization.update({ where: { id: 1 }, data: { firstAppliedAt: INSTALLED } });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("catch-up does not run an occurrence that fired before the org was first applied", async () => {
    const scheduler = createScheduler({
      db,
      logger: silentLogger,
      replicaId: "test",
      jobs: () => jobsOf(features),
      now: () => NOW,
    });
    const report = await scheduler.catchUp(NOW);
    expect(report?.ran.map((r) => r.job)).not.toContain("monthly-reminder");
    expect(report?.missed).toEqual([]);
    expect(await recorded(db)).toEqual({ runs: [], deliveries: 0 });
  });

  it("without --backfill: says why it did not run, names --backfill, exit 1, nothing recorded", async () => {
    const result = await pbb(db, "jobs", "run", "monthly-reminder", "--at", "2026-12-01T09:00");
    expect(result.code).toBe(1);
    expect(result.err).toContain("before the organisation was first applied");
    expect(result.err).toContain("2026-12-01 10:00 Asia/Shanghai");
    expect(result.err).toContain("--backfill");
    expect(await recorded(db)).toEqual({ runs: [], deliveries: 0 });
  });

  it("--backfill without --at is refused: it names a past occurrence", async () => {
    const result = await pbb(db, "jobs", "run", "monthly-reminder", "--backfill");
    expect(result.code).toBe(2);
    expect(result.err).toContain("--backfill needs --at");
    expect(await recorded(db)).toEqual({ runs: [], deliveries: 0 });
  });

  it("with --backfill: runs once; a repeat in another spelling, or catch-up, does nothing", async () => {
    const first = await pbb(
      db,
      "jobs",
      "run",
      "monthly-reminder",
      "--backfill",
      "--at",
      "2026-12-01T09:00",
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain("monthly-reminder 2026-12: ran");
    const after = await recorded(db);
    expect(after.runs).toEqual([{ occurrence: "2026-12", status: "DONE" }]);
    // One reminder per branch of the example org, waiting in the outbox (no Slack token here).
    const branches = await db.prisma.branch.count();
    expect(branches).toBeGreaterThan(0);
    expect(after.deliveries).toBeGreaterThanOrEqual(branches);

    const again = await pbb(
      db,
      "jobs",
      "run",
      "monthly-reminder",
      "--backfill",
      "--at",
      "2026-12-01T01:00:00Z",
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain("already ran");
    const scheduler = createScheduler({
      db,
      logger: silentLogger,
      replicaId: "test",
      jobs: () => jobsOf(features),
      now: () => NOW,
    });
    await scheduler.catchUp(NOW);
    expect(await recorded(db)).toEqual(after);
  });
});
