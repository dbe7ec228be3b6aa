/**
 * PGlite answers from WebAssembly on the main thread; a loop of awaited queries must still let
 * timers and I/O run between them, or a long job holds every ack and the delivery worker.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase } from "../helpers/database.ts";

describe("the embedded store under a long loop of queries", () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it("lets a due timer run between the queries, not only after the loop", async () => {
    db = await createTestDatabase("pglite");
    const QUERIES = 200;
    let done = 0;
    let timerSawDone: number | null = null;
    setTimeout(() => {
      timerSawDone = done;
    }, 0);
    for (; done < QUERIES; done += 1) await db.prisma.$queryRaw`SELECT 1`;
    expect(timerSawDone).not.toBeNull();
    expect(timerSawDone).toBeLessThan(QUERIES);
  });

  it("lets a timer run between transactions too", async () => {
    db = await createTestDatabase("pglite");
    const TRANSACTIONS = 100;
    let done = 0;
    let timerSawDone: number | null = null;
    setTimeout(() => {
      timerSawDone = done;
    }, 0);
    for (; done < TRANSACTIONS; done += 1) {
      await db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
      });
    }
    expect(timerSawDone).toBeLessThan(TRANSACTIONS);
  });
});
