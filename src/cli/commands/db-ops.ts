/**
 * `pbb db backup <file>`, `pbb db restore <file> [--force]`, `pbb db copy --to <url> [--force]`,
 * and (deliveries.ts) `pbb deliveries`: registered by the program (program.ts).
 */
import path from "node:path";
import type { Command } from "commander";
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from "../../config/env.ts";
import {
  BackupFormatError,
  copyStore,
  createBackup,
  DbOpRefused,
  LoadError,
  restoreBackup,
} from "../../db/backup/index.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import { liveReplicas } from "../../db/repositories/replicas.ts";
import { StoreInUseError } from "../../db/store-lock.ts";
import { REPLICA_STALE_MS } from "../../jobs/heartbeat.ts";
import type { CommandContext } from "../command-context.ts";
import type { CommandRegistrar } from "../program.ts";

const countLive = async (db: Database): Promise<number> =>
  (await liveReplicas(db, new Date(), REPLICA_STALE_MS)).length;

function printCounts(ctx: CommandContext, counts: Record<string, number>): number {
  let total = 0;
  for (const [table, n] of Object.entries(counts)) {
    total += n;
    if (n > 0) ctx.io.out(`  ${table.padEnd(18)} ${n}`);
  }
  return total;
}

/** Restore and copy replace a store's contents: never under a running bot. */
async function refuseWhileBotRuns(ctx: CommandContext, what: string): Promise<boolean> {
  if (ctx.insideBot) {
    ctx.io.err(
      `pbb db ${what}: the bot is running on this store; stop the bot first, then run the command again`,
    );
    return true;
  }
  const live = ctx.db.kind === "postgres" ? await countLive(ctx.db) : 0;
  if (live > 0) {
    ctx.io.err(
      `pbb db ${what}: ${live} bot replica${live > 1 ? "s are" : " is"} running on this database; stop the bot first (every replica), then run the command again`,
    );
    return true;
  }
  return false;
}

/** The expected refusals and file problems as one line; anything else propagates. */
async function reporting(ctx: CommandContext, what: string, fn: () => Promise<number>) {
  try {
    return await fn();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof DbOpRefused || error instanceof BackupFormatError) {
      ctx.io.err(`pbb db ${what}: ${error.message}`);
    } else if (error instanceof LoadError) {
      ctx.io.err(`pbb db ${what}: ${error.message}; rolled back, no rows were written`);
    } else if (typeof code === "string" && code.startsWith("E")) {
      ctx.io.err(`pbb db ${what}: ${(error as Error).message}`);
    } else {
      throw error;
    }
    return 1;
  }
}

export async function dbBackup(ctx: CommandContext, file: string): Promise<number> {
  return reporting(ctx, "backup", async () => {
    const report = await createBackup(ctx.db, path.resolve(ctx.cwd, file), ctx.now());
    const total = printCounts(ctx, report.counts);
    const schema = report.migrations.at(-1) ?? "no migrations";
    ctx.io.out(
      `wrote ${file}: ${total} rows in ${Object.keys(report.counts).length} tables (${ctx.db.kind}, schema ${schema})`,
    );
    return 0;
  });
}

export async function dbRestore(
  ctx: CommandContext,
  file: string,
  opts: { force?: boolean },
): Promise<number> {
  if (await refuseWhileBotRuns(ctx, "restore")) return 1;
  return reporting(ctx, "restore", async () => {
    const report = await restoreBackup(ctx.db, path.resolve(ctx.cwd, file), {
      force: opts.force,
      log: ctx.io.out,
    });
    const total = printCounts(ctx, report.counts);
    for (const name of report.migratedForward) ctx.io.out(`applied migration ${name}`);
    ctx.io.out(
      `restored ${file} (made ${report.header.createdAt} on ${report.header.store}): ${total} rows`,
    );
    return 0;
  });
}

export async function dbCopy(
  ctx: CommandContext,
  opts: { to: string; force?: boolean },
): Promise<number> {
  if (await refuseWhileBotRuns(ctx, "copy")) return 1;
  let target: ReturnType<typeof parseDatabaseUrl>;
  try {
    target = parseDatabaseUrl(opts.to, ctx.cwd);
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    ctx.io.err(`pbb db copy --to: ${error.message}`);
    return 2;
  }
  if (target.kind === "pglite-memory") {
    ctx.io.err("pbb db copy --to: pglite:memory disappears with this process; name a server");
    return 2;
  }
  let db: Database;
  try {
    db = await openDatabase(target);
  } catch (error) {
    if (!(error instanceof StoreInUseError)) throw error;
    ctx.io.err(`pbb db copy: the target ${error.dir} is in use by process ${error.pid}`);
    return 1;
  }
  const shown = redactDatabaseUrl(opts.to);
  try {
    return await reporting(ctx, "copy", async () => {
      const started = Date.now();
      const report = await copyStore(ctx.db, db, {
        force: opts.force,
        log: ctx.io.out,
        liveReplicas: countLive,
      });
      const total = printCounts(ctx, report.counts);
      ctx.io.out(
        `copied ${total} rows into ${shown} in ${((Date.now() - started) / 1000).toFixed(1)} s; row counts match`,
      );
      ctx.io.out(`to run the bot there: set DATABASE_URL=${shown} and start it`);
      return 0;
    });
  } finally {
    await db.close();
  }
}

export const registerDbOps: CommandRegistrar = (program: Command, run) => {
  const db = program.commands.find((c) => c.name() === "db") ?? program.command("db");
  db.command("backup <file>")
    .description("write every table, with the migrations it is at, to a gzip'd JSON-lines file")
    .action((file: string) => run((ctx) => dbBackup(ctx, file)));
  db.command("restore <file>")
    .description("load a backup into this store (an empty one, unless --force); bot stopped")
    .option("--force", "replace everything the store holds")
    .action((file: string, opts: { force?: boolean }) => run((ctx) => dbRestore(ctx, file, opts)));
  db.command("copy")
    .description("copy this store with all its history into another (migrated first); bot stopped")
    .requiredOption("--to <url>", "the target: postgres://… (or pglite:<dir>)")
    .option("--force", "replace everything the target holds")
    .action((opts: { to: string; force?: boolean }) => run((ctx) => dbCopy(ctx, opts)));
};
