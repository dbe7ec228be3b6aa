/** A slow database for the ack benchmark: every query waits first. */
import type { Database } from "../src/db/client.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The same store, every Prisma query (model operations and raw SQL, inside transactions too)
 * preceded by `delay.ms` of sleep: a slow database. `delay.ms` may change at any time. Every
 * query is counted (`queries`), and named in `seen` while that is an array.
 */
export function withQueryDelay(
  db: Database,
  delay: { ms: number; queries?: number; seen?: string[] },
): Database {
  const slow = db.prisma.$extends({
    query: {
      async $allOperations({ args, query, model, operation }) {
        delay.queries = (delay.queries ?? 0) + 1;
        delay.seen?.push(`${model ?? "$raw"}.${operation}`);
        if (delay.ms > 0) await sleep(delay.ms);
        return query(args);
      },
    },
  });
  return { ...db, prisma: slow as unknown as PrismaClient };
}
