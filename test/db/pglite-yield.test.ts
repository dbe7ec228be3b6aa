/**
 * PGlite answers from WebAssembly on the main thread; a loop of awaited transactions (a job's
 * one per branch) must still let timers and I/O run between them, or a long job holds every ack
 * and the delivery worker. (Without the turns in src/db/client.ts this fails: the timer runs
 * only after the loop.)
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase } from "../helpers/database.ts";

/** Runs `step` `times` times, awaited one after another; how many had finished when a timer due at once ran. */
async function stepsBeforeTimer(times: number, step: () => Promise<unknown>) {
  let done = 0;
  let seen: number | null = null;
  setTimeout(() => {
    seen = done;
  }, 0);
  for (; done < times; done += 1) await step();
  return seen;
}

describe("the embedded store under a long loop of queries", () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it("lets a due timer run between the transactions of a loop, not only after it", async () => {
    db = await createTestDatabase("pglite");
    const store = db;
    const seen = await stepsBeforeTimer(100, () =>
      store.prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`),
    );
    expect(seen).toBeLessThan(100);
  });
});
