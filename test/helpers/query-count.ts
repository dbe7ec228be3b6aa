/**
 * Counting a read's queries (the Homes' and the reports' fixed-query checks): a Prisma client on
 * the test database's own connection that counts every query it runs.
 */
import type { Database } from "../../src/db/client.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";

export interface QueryCounter {
  /** The counting client, to hand to the read as its reader. */
  reader: PrismaClient;
  /** Runs `read` with the counting client: what it gave and how many queries it took. */
  count<T>(read: (reader: PrismaClient) => Promise<T>): Promise<{ queries: number; view: T }>;
  close(): Promise<void>;
}

export function queryCounter(db: Database): QueryCounter {
  const reader = new PrismaClient({
    adapter: db.adapter,
    log: [{ emit: "event", level: "query" }],
  });
  let queries = 0;
  reader.$on("query", () => {
    queries += 1;
  });
  return {
    reader,
    async count(read) {
      queries = 0;
      const view = await read(reader);
      return { queries, view };
    },
    close: () => reader.$disconnect(),
  };
}
