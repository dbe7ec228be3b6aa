/**
 * The raw SQL the backup code runs: the same statements on PGlite and PostgreSQL, through
 * Prisma's client or one of its interactive transactions.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Database } from "../client.ts";

export type Sql = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** A quoted SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function query<T>(sql: Sql, text: string, ...params: unknown[]): Promise<T[]> {
  return sql.$queryRawUnsafe<T[]>(text, ...params);
}

/** Long enough for a large store; a stuck statement still ends with the connection. */
const LONG_TX = { maxWait: 60_000, timeout: 6 * 3600_000 } as const;

/**
 * Runs `fn` in one transaction. A snapshot (REPEATABLE READ) on PostgreSQL, so every table is
 * read as of the same moment; PGlite has one connection and runs its transactions alone.
 */
export function inTransaction<T>(
  db: Database,
  fn: (tx: Sql) => Promise<T>,
  opts: { snapshot?: boolean } = {},
): Promise<T> {
  return db.prisma.$transaction(fn, {
    ...LONG_TX,
    ...(opts.snapshot && db.kind === "postgres" ? { isolationLevel: "RepeatableRead" } : {}),
  });
}
