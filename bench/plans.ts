/**
 * `npm run bench:plans [-- --branches 30,300 --items 40 --runs 7] [--postgres <url>]`: the
 * committee's year grid of the four plans (issue 19) on the App Home — N branches × 4 plans ×
 * `items` items each (test/helpers/plans-year.ts: the plans by turn not submitted, waiting,
 * returned, approved) — loaded by `loadPlansHome` and rendered to Block Kit. Prints the Prisma
 * queries per load (the same at every size: a fixed number) and the median time against the
 * 150 ms target, with the load average beside it. The first run warms up and is not counted.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Reader } from "../src/db/repositories/annual-plan.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { translator } from "../src/i18n/index.ts";
import { loadPlansHome } from "../src/services/annual-plans/home.ts";
import { plansBlocks } from "../src/slack/views/home/plans.ts";
import { seedPlansYear } from "../test/helpers/plans-year.ts";
import { benchDatabase, machine, median } from "./lib.ts";

const { values } = parseArgs({
  options: {
    branches: { type: "string", default: "30,300" },
    items: { type: "string", default: "40" },
    runs: { type: "string", default: "7" },
    postgres: { type: "string" },
  },
});
const TARGET_MS = 150;
const NOW = new Date("2027-05-10T02:00:00Z");
const items = Number(values.items);
const runs = Number(values.runs);

console.log(
  `machine: ${machine()}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log("store | branches | items | queries | median ms (runs) | of 150 ms | blocks");
for (const branches of String(values.branches).split(",").map(Number)) {
  const db = await benchDatabase(values.postgres);
  await seedPlansYear(db, { year: 2027, branches, items });
  const counting = new PrismaClient({
    adapter: db.adapter,
    log: [{ emit: "event", level: "query" }],
  });
  let queries = 0;
  counting.$on("query", () => {
    queries += 1;
  });
  const reader = counting as unknown as Reader;
  const t = translator("zh-CN");
  const times: number[] = [];
  let perLoad = 0;
  let blocks = 0;
  for (let run = 0; run <= runs; run++) {
    queries = 0;
    const started = performance.now();
    const view = await loadPlansHome(
      reader,
      { committee: true, secretaryOf: [] },
      NOW,
      "Asia/Shanghai",
    );
    blocks = view ? plansBlocks(view, t).length : 0;
    const ms = performance.now() - started;
    perLoad = queries;
    if (run > 0) times.push(ms);
  }
  const m = median(times);
  console.log(
    `${db.target.kind} | ${branches} | ${branches * 4 * items} planned (${Math.round(branches * 3 * items)} submitted) | ${perLoad} | ${m.toFixed(1)} (${times.map((x) => x.toFixed(0)).join(", ")}) | ${(m / TARGET_MS).toFixed(2)} | ${blocks}`,
  );
  await counting.$disconnect();
  await db.close();
}
console.log(
  `load after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
