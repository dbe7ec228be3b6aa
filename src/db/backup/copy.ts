/**
 * `pbb db copy --to`: this store, with all its history, into another (a PostgreSQL server,
 * typically). The target is migrated first; it must then be at the same schema and empty
 * (unless forced). Every table is read in one snapshot of the source and written in one
 * transaction of the target, parents first; sequences continue after the highest ids, and the
 * row counts are compared before the target commits.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "../client.ts";
import { applyMigrations } from "../migrations.ts";
import { appliedMigrationNames, countRows, nonEmptyTables, readCatalog } from "./catalog.ts";
import { readBatches } from "./dump.ts";
import { insertBatches, resetSequences, truncateAll, verifyCounts } from "./load.ts";
import { DbOpRefused, listSome, sameList } from "./refusal.ts";
import { inTransaction, query } from "./sql.ts";

export interface CopyOptions {
  force?: boolean;
  log?: (line: string) => void;
  /** Bot replicas alive on a store (they would write into the copy while it is made). */
  liveReplicas?: (db: Database) => Promise<number>;
}

export interface CopyReport {
  migrationsApplied: string[];
  counts: Record<string, number>;
}

export async function copyStore(
  source: Database,
  target: Database,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const log = options.log ?? (() => {});
  if (source.kind === "postgres" && target.kind === "postgres") {
    if (await sameDatabase(source, target)) {
      throw new DbOpRefused("the target is this store itself: name another database");
    }
  }
  const migrationsApplied = await applyMigrations(target.adapter);
  for (const name of migrationsApplied) log(`target: applied migration ${name}`);
  const [from, to] = await Promise.all([
    appliedMigrationNames(source.prisma),
    appliedMigrationNames(target.prisma),
  ]);
  if (!sameList(from, to)) {
    throw new DbOpRefused(
      `the target's schema differs (its migrations: ${listSome(to) || "none"}; this store's: ${listSome(from) || "none"})`,
    );
  }
  const live = options.liveReplicas ? await options.liveReplicas(target) : 0;
  if (live > 0) {
    throw new DbOpRefused(`${live} bot replica(s) run on the target: stop them first`);
  }
  const filled = await nonEmptyTables(target.prisma, await readCatalog(target.prisma));
  if (filled.length > 0 && !options.force) {
    throw new DbOpRefused(
      `the target is not empty (${listSome(filled)} hold rows): copy into an empty database, or pass --force to replace everything in it`,
    );
  }
  const counts = await inTransaction(
    source,
    async (stx) => {
      const tables = await readCatalog(stx);
      const expected: Record<string, number> = {};
      for (const t of tables) expected[t.name] = await countRows(stx, t.name);
      return inTransaction(target, async (ttx) => {
        const targetTables = await readCatalog(ttx);
        await truncateAll(ttx, targetTables);
        await insertBatches(ttx, targetTables, tables, readBatches(stx, tables));
        await resetSequences(ttx);
        return verifyCounts(ttx, targetTables, expected);
      });
    },
    { snapshot: true },
  );
  return { migrationsApplied, counts };
}

/** True when both handles reach one database: a marker set in one session shows in the other. */
async function sameDatabase(a: Database, b: Database): Promise<boolean> {
  const marker = `pbb-copy-${randomUUID()}`;
  return inTransaction(a, async (tx) => {
    await query(tx, `SELECT set_config('application_name', $1, true)`, marker);
    const [row] = await query<{ n: number }>(
      b.prisma,
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      marker,
    );
    return (row?.n ?? 0) > 0;
  });
}
