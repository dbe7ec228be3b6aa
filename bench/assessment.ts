/**
 * `npm run bench:assessment [-- --branches 30,300 --runs 5] [--postgres <url>]`: drafting the
 * annual assessment's cards (issue 22) over a year of records — twelve monthly lists per branch
 * (late, returned, one missing), their items, a year of lecture sessions, an annual plan, service
 * reports and practical projects, an inspection round with its rectifications, branch study —
 * with an indicator on every feature's source, the committee summary and each secretary's card
 * rendered and enqueued. Prints the
 * Prisma queries per draft (the same at 30 and 300 branches: a fixed number) and the draft's time
 * as a ratio of issue 22's 2 s budget, with the load beside it. Medians over the runs.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { assessmentSourcesOf, features } from "../src/app/features.ts";
import { translator } from "../src/i18n/index.ts";
import { draftYear } from "../src/services/assessment/draft.ts";
import { yearMessages } from "../src/services/assessment/messages.ts";
import { currentOrgRecord } from "../src/services/org/current.ts";
import { assessmentPresenter } from "../src/slack/views/assessment/present.ts";
import { ASSESSMENT_YAML, seedAssessmentYear } from "../test/helpers/assessment-year.ts";
import { applyOrgLongAgo, benchDatabase, benchEmulator, machine, median, orgText } from "./lib.ts";
import { withQueryDelay } from "./query-delay.ts";

const { values } = parseArgs({
  options: {
    branches: { type: "string", default: "30,300" },
    runs: { type: "string", default: "5" },
    postgres: { type: "string" },
  },
});
const BUDGET_MS = 2000;
const sizes = String(values.branches).split(",").map(Number);
const runs = Number(values.runs);

for (const branches of sizes) {
  const emulator = benchEmulator(branches, false);
  await emulator.start();
  const db = await benchDatabase(values.postgres);
  await applyOrgLongAgo(db, emulator, orgText(branches) + ASSESSMENT_YAML, "bench.yml");
  const rows = await db.prisma.branch.findMany({ orderBy: { id: "asc" } });
  await db.prisma.branch.updateMany({ data: { createdAt: new Date("2025-01-01T00:00:00Z") } });
  await seedAssessmentYear(db, {
    year: 2026,
    branchIds: rows.map((b) => b.id),
    speakers: rows.map((_, i) => `U0S${i}`),
  });
  const org = (await currentOrgRecord(db))!;
  const presenter = assessmentPresenter(translator("zh-CN"), org.timezone);
  const times: number[] = [];
  const queries: number[] = [];
  let cards = 0;
  let deliveries = 0;
  for (let run = 0; run < runs + 1; run++) {
    await db.prisma.delivery.deleteMany();
    await db.prisma.assessmentCard.deleteMany();
    await db.prisma.assessmentYear.deleteMany();
    const counter = { ms: 0, queries: 0 };
    const counted = withQueryDelay(db, counter);
    const t0 = performance.now();
    const result = await draftYear({
      db: counted,
      org,
      sources: assessmentSourcesOf(features),
      year: 2026,
      asOf: new Date("2026-12-20T01:00:00Z"),
      render: (view) => yearMessages(view, presenter, org.committeeChannel),
    });
    const ms = performance.now() - t0;
    if (result.status !== "drafted") throw new Error(`not drafted: ${result.status}`);
    cards = result.cards;
    deliveries = await db.prisma.delivery.count();
    // The first run warms the query engine and the caches: not counted.
    if (run > 0) {
      times.push(ms);
      queries.push(counter.queries ?? 0);
    }
  }
  const msMedian = median(times);
  console.log(
    JSON.stringify({
      bench: "assessment-draft",
      branches,
      store: values.postgres ? "postgres" : "pglite",
      cards,
      deliveries,
      runs,
      queries: [...new Set(queries)],
      msMedian: Number(msMedian.toFixed(0)),
      msRuns: times.map((t) => Number(t.toFixed(0))),
      ofBudget: Number((msMedian / BUDGET_MS).toFixed(2)),
      load: os.loadavg().map((l) => Number(l.toFixed(2))),
      machine: machine(),
    }),
  );
  await db.close();
  await emulator.stop();
}
