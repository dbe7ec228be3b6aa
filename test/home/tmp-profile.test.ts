import { performance } from "node:perf_hooks";
import { it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { renderHome } from "../../src/services/home/load-home.ts";
import { createTestDatabase } from "../helpers/database.ts";
import { applyExampleOrg } from "../services/reports/reports-seed.ts";
import { addBranchesForTest } from "./tmp-seed.ts";

it("profile", async () => {
  const db = await createTestDatabase("pglite");
  await applyExampleOrg(db);
  await addBranchesForTest(db, 0, 296);
  const c = new PrismaClient({ adapter: db.adapter, log: [{ emit: "event", level: "query" }] });
  const log: string[] = [];
  c.$on("query", (e) => {
    log.push(`${e.duration}ms ${e.query.slice(0, 140)}`);
  });
  for (let i = 0; i < 4; i++) {
    log.length = 0;
    const s = performance.now();
    await renderHome(
      { db, now: () => new Date("2026-12-10T02:00:00Z") },
      { userId: "U0CHAIR", reader: c },
    );
    console.log(`total ${(performance.now() - s).toFixed(1)}`);
  }
  console.log(log.join("\n"));
  await c.$disconnect();
  await db.close();
});
