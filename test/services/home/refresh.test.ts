import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { Homes } from "../../../src/services/home/refresh.ts";
import { createTestDatabase } from "../../helpers/database.ts";

/** Two active people, no roles: a refresh's audience is exactly the people it names. */
async function peopleDb(): Promise<Database> {
  const db = await createTestDatabase("pglite");
  await db.prisma.person.createMany({
    data: [
      { slackUserId: "U0ALICE", name: "Alice" },
      { slackUserId: "U0BOB", name: "Bob" },
    ],
  });
  return db;
}

describe("re-publishing Homes after changes", () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it("merges a burst into one pass, and spaces later passes by the minimum gap", async () => {
    db = await peopleDb();
    const published: { user: string; at: number }[] = [];
    let release: () => void = () => {};
    const firstPassHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    const homes = new Homes(db, { minGapMs: 300 });
    homes.publishWith(
      async (userId) => {
        published.push({ user: userId, at: performance.now() });
        if (published.length <= 2) await firstPassHeld;
      },
      (err) => {
        throw err;
      },
    );
    // A burst: one pass for both.
    homes.changed({ users: ["U0ALICE"] });
    homes.changed({ users: ["U0BOB"] });
    await expect.poll(() => published.length).toBe(1);
    // While the first pass is still publishing: these wait for the next pass, merged.
    homes.changed({ users: ["U0BOB"] });
    homes.changed({ users: ["U0BOB"] });
    const releasedAt = performance.now();
    release();
    await homes.idle();

    expect(published.map((p) => p.user)).toEqual(["U0ALICE", "U0BOB", "U0BOB"]);
    // The second pass began no sooner than the gap after the first one ended.
    expect(published[2]!.at - releasedAt).toBeGreaterThanOrEqual(300);
  });
});
