/**
 * `npm run bench:dashboard [-- --branches 30,300 --renders 20] [--postgres <url>] [--quick]`:
 * App Home render time (renderHome: database reads, view model, Block Kit) and the number of
 * Prisma queries per render, for the committee chair (every branch) and one branch secretary,
 * with each branch's monthly list created by the monthly reminder. Medians over the renders.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { features, jobsOf } from "../src/app/features.ts";
import type { HomeReader } from "../src/db/repositories/home.ts";
import { runJobByName } from "../src/jobs/manual.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { renderHome } from "../src/slack/publish-home.ts";
import { applyBenchOrg, benchDatabase, benchEmulator, machine, median } from "./lib.ts";

const { values } = parseArgs({
  options: {
    branches: { type: "string", default: "30,300" },
    renders: { type: "string", default: "20" },
    postgres: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const sizes = String(values.quick ? "30" : values.branches)
  .split(",")
  .map(Number);
const renders = values.quick ? 5 : Number(values.renders);
const now = new Date("2026-12-10T02:00:00Z");

for (const branches of sizes) {
  const emulator = benchEmulator(branches, false);
  await emulator.start();
  const db = await benchDatabase(values.postgres);
  await applyBenchOrg(db, emulator, branches);
  const ran = await runJobByName(
    { db, jobs: jobsOf(features), logger: silentLogger, runner: "bench" },
    "monthly-reminder",
    "2026-12-01T09:00",
    now,
  );
  const counter = { queries: 0 };
  const reader = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.queries += 1;
        return query(args);
      },
    },
  }) as unknown as HomeReader;
  for (const [role, userId] of [
    ["committee chair", "U0CHAIR"],
    ["branch secretary", "U0S0"],
  ] as const) {
    const times: number[] = [];
    const queries: number[] = [];
    let blocks = 0;
    for (let i = 0; i < renders + 2; i++) {
      counter.queries = 0;
      const t0 = performance.now();
      const view = await renderHome({ db, now: () => now }, { userId, reader });
      const ms = performance.now() - t0;
      blocks = view.blocks.length;
      if (i >= 2) {
        times.push(ms);
        queries.push(counter.queries);
      }
    }
    console.log(
      JSON.stringify({
        branches,
        store: values.postgres ? "postgres" : "pglite",
        viewer: role,
        reminder: ran.status,
        renders,
        msMedian: Number(median(times).toFixed(1)),
        msMin: Number(Math.min(...times).toFixed(1)),
        msMax: Number(Math.max(...times).toFixed(1)),
        queries: [...new Set(queries)],
        blocks,
      }),
    );
  }
  await db.close();
  await emulator.stop();
}
console.log(
  JSON.stringify({
    machine: machine(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    date: new Date().toISOString(),
  }),
);
