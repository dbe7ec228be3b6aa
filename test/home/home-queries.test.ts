/**
 * Rendering a Home from the database: a fixed number of queries whatever the number of
 * branches (counted through Prisma's query events), Slack's limits at 300 branches, and the
 * server time of the committee's Home (printed, not asserted: wall-clock speed is not a test).
 */
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { allText } from "../e2e/round-trip-helpers.ts";
import { STORES, useTestDatabase } from "../helpers/database.ts";
import { queryCounter } from "../helpers/query-count.ts";
import { applyExampleOrg } from "../services/reports/reports-seed.ts";

const NOW = new Date("2026-12-10T02:00:00Z");
const STATES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;

/** Branches x{from}..x{to-1}, each with a December list (state by number) and an approved November. */
async function addBranches(db: Database, from: number, to: number): Promise<void> {
  const keys = Array.from({ length: to - from }, (_, k) => `x${from + k}`);
  await db.prisma.branch.createMany({
    data: keys.map((key) => ({ key, name: `Branch ${key}`, channelId: `C0${key.toUpperCase()}` })),
  });
  const branches = await db.prisma.branch.findMany({ where: { key: { in: keys } } });
  const stateOf = (id: number) => STATES[id % 4] ?? "DRAFT";
  await db.prisma.taskList.createMany({
    data: branches.flatMap((b) => [
      {
        branchId: b.id,
        period: "2026-12",
        state: stateOf(b.id),
        currentRevision: stateOf(b.id) === "DRAFT" ? 0 : 1,
        approvedRevision: stateOf(b.id) === "APPROVED" ? 1 : null,
        firstSubmittedAt: stateOf(b.id) === "DRAFT" ? null : new Date("2026-12-03T02:00:00Z"),
      },
      {
        branchId: b.id,
        period: "2026-11",
        state: "APPROVED" as const,
        currentRevision: 1,
        approvedRevision: 1,
        firstSubmittedAt: new Date("2026-11-03T02:00:00Z"),
      },
    ]),
  });
  const lists = await db.prisma.taskList.findMany({
    where: { branchId: { in: branches.map((b) => b.id) }, state: { not: "DRAFT" } },
  });
  const status = (s: string) =>
    s === "APPROVED"
      ? ("APPROVED" as const)
      : s === "RETURNED"
        ? ("RETURNED" as const)
        : ("SUBMITTED" as const);
  await db.prisma.taskListRevision.createMany({
    data: lists.map((l) => ({
      listId: l.id,
      number: 1,
      status: status(l.state),
      submittedBy: "U0SEC1",
    })),
  });
  const revisions = await db.prisma.taskListRevision.findMany({
    where: { listId: { in: lists.map((l) => l.id) }, status: "APPROVED" },
  });
  await db.prisma.taskItem.createMany({
    data: revisions.flatMap((r) =>
      [0, 1, 2, 3].map((position) => ({
        revisionId: r.id,
        position,
        title: `Task ${position + 1}`,
        category: "THEORY_STUDY" as const,
        status: position === 0 ? ("DONE" as const) : ("OPEN" as const),
      })),
    ),
  });
}

describe.each(STORES)("rendering the committee's Home from the database (%s)", (store) => {
  const testDb = useTestDatabase(store, { setUp: applyExampleOrg });

  it("when there are 30 or 300 branches, then it takes the same fixed number of queries", async () => {
    const db = testDb();
    const counting = queryCounter(db);
    const count = () =>
      counting.count((reader) => renderHome({ db, now: () => NOW }, { userId: "U0CHAIR", reader }));
    try {
      await addBranches(db, 0, 26); // + the example org's 4 = 30
      const at30 = await count();
      await addBranches(db, 26, 296);
      const at300 = await count();
      console.log(
        `committee Home queries: ${at30.queries} at 30 branches, ${at300.queries} at 300`,
      );
      expect(at300.queries).toBe(at30.queries);
      expect(at30.queries).toBeLessThanOrEqual(20);
      expect(allText(at300.view.blocks)).toContain("机关党委 — 2026年12月概览");
    } finally {
      await counting.close();
    }
  });

  it("when there are 300 branches, then the view is valid, summarized, and its render time is printed", async () => {
    const db = testDb();
    await addBranches(db, 0, 296);
    const render = () => renderHome({ db, now: () => NOW }, { userId: "U0CHAIR" });
    const view = await render();
    expect(validateView(view)).toBeUndefined();
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = allText(view.blocks);
    expect(text).toContain("Branch x0");
    expect(text).toMatch(/第1\/\d+页（共\d+份待审核）/);
    const times: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const started = performance.now();
      await render();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[3] ?? 0;
    console.log(
      `committee Home, 300 branches (${store}): median ${median.toFixed(1)} ms, min ${(times[0] ?? 0).toFixed(1)} ms, max ${(times[6] ?? 0).toFixed(1)} ms`,
    );
    expect(median).toBeGreaterThan(0);
  });
});
