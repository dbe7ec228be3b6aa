/**
 * Opens the store DATABASE_URL names: a PostgreSQL server through @prisma/adapter-pg, or the
 * embedded PGlite database (a directory, or memory for tests) through pglite-prisma-adapter.
 * Each store's driver is imported when that store is opened: a process runs on one of them
 * (docs/decisions/drivers-loaded-on-open.md).
 */
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../config/database-url.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createPglite } from "./pglite.ts";
import { acquireStoreLock, type StoreLock } from "./store-lock.ts";
import { createPrivateDir, tightenedNotice, tightenStore } from "./store-modes.ts";
import { type TxGate, txGateFor } from "./tx-gate.ts";

export type { Prisma } from "../generated/prisma/client.ts";
export type { PrismaClient };

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  /** The adapter factory, for the schema engine (migrations). */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** How many of this process's transactions run at once (services/kit/tx.ts waits here). */
  gate: TxGate;
  /** Runs `fn` while holding a database-wide lock (start-up work replicas must do once). */
  withExclusiveLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Imports the driver of `target`'s store (opening it imports it too). `pbb start` awaits this
 * first, so PGlite compiles its WebAssembly while Bolt and the features load
 * (docs/decisions/drivers-loaded-on-open.md).
 */
export async function loadDriver(target: DatabaseTarget): Promise<void> {
  if (target.kind === "postgres") await postgresDriver();
  else await Promise.all([import("@electric-sql/pglite"), pgliteAdapter()]);
}

const postgresDriver = () => Promise.all([import("pg"), import("@prisma/adapter-pg")]);
const pgliteAdapter = () => import("pglite-prisma-adapter");

export interface OpenOptions {
  /** Where a one-off remark about the store goes (an old store's modes narrowed). Default: stderr. */
  notice?: (line: string) => void;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target, options);
}

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await postgresDriver();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, admin termination) is reported
  // on the pool; without a listener Node treats it as unhandled. The pool drops that client
  // and opens a new one on next use, so noting it is enough.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "postgres",
    prisma,
    adapter,
    gate: txGateFor("postgres"),
    async withExclusiveLock(name, fn) {
      // A session-level advisory lock on a dedicated connection: other replicas block here
      // until the first has finished, then find nothing left to do.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

async function openPglite(
  target: Extract<DatabaseTarget, { kind: "pglite" | "pglite-memory" }>,
  { notice = (line) => process.stderr.write(`${line}\n`) }: OpenOptions,
): Promise<Database> {
  let lock: StoreLock | undefined;
  let pglite: PGlite;
  if (target.kind === "pglite") {
    createPrivateDir(target.dir);
    const tightened = tightenStore(target.dir);
    if (tightened.wasOpen) notice(tightenedNotice(target.dir, tightened));
    lock = acquireStoreLock(target.dir);
    try {
      pglite = await createPglite(target.dir);
      // A new store's files were just written by PGlite (0666 less the umask), inside the
      // directory made 0700 above: narrow them too, silently.
      tightenStore(target.dir);
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await createPglite();
  }
  return wrapPglite(pglite, () => lock?.release());
}

/**
 * PGlite runs each query synchronously in WebAssembly and answers with an already-settled
 * promise, so a loop of awaited queries (a job recording a thousand branches) never gives the
 * event loop a turn: timers, the delivery worker and incoming HTTP requests (Slack's 3 s acks)
 * all wait until the loop ends. Each query and each transaction therefore waits for its turn,
 * and turns are handed out one per turn of the event loop: between two queries Node polls for
 * I/O, so a request that arrived meanwhile is parsed and acknowledged even while thousands of
 * queries are queued behind a burst of clicks. (One query per turn costs nothing: PGlite runs
 * one at a time anyway.) Queries inside a transaction run on its own handle and do not wait.
 * See docs/decisions/pglite-transactions-gated.md.
 */
function yieldingBetweenQueries(pglite: PGlite): PGlite {
  const turns = new TurnQueue();
  const query = pglite.query.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.query = (async (...args: Parameters<typeof query>) => {
    await turns.next();
    return query(...args);
  }) as typeof pglite.query;
  pglite.transaction = (async (...args: Parameters<typeof transaction>) => {
    await turns.next();
    return transaction(...args);
  }) as typeof pglite.transaction;
  return pglite;
}

/** Releases its waiters in order, one per turn of the event loop. */
class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // setImmediate from inside a setImmediate callback runs on the next turn, after the poll.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      this.schedule();
    });
  }
}

/** A Database over an open PGlite instance (tests load a migrated image into one). */
export async function wrapPglite(
  pglite: PGlite,
  onClose: () => void = () => {},
): Promise<Database> {
  const { PrismaPGlite } = await pgliteAdapter();
  const adapter = new PrismaPGlite(yieldingBetweenQueries(pglite));
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "pglite",
    prisma,
    adapter,
    gate: txGateFor("pglite"),
    // One process owns a PGlite store (see store-lock.ts): nothing else can race it.
    withExclusiveLock: (_name, fn) => fn(),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      onClose();
    },
  };
}
