/**
 * The sandbox demo's annual assessment (issue 22): the demo org configures it, last year's
 * lists (a few late months, returned lists, items left) are drafted into a ranked draft with
 * one contested point awaiting the committee, nothing posted; the clock panel offers the
 * assessment-draft job's next fire; the chair's Home shows the ranking and the contest.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadYearView } from "../../src/services/assessment/cards.ts";
import { clockPanel, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

describe("the sandbox demo's annual assessment", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("has last year's ranked draft with one contested point, and the draft job on the clock panel", async () => {
    t = await startTestSandbox();
    const db = t.sandbox.bot.ctx.db;
    const years = await db.prisma.assessmentYear.findMany();
    expect(years).toHaveLength(1);
    const year = years[0]!.year;
    const view = (await loadYearView(db, year))!;
    expect(view.state).toBe("draft");
    expect(view.cards.map((c) => c.branchKey).sort()).toEqual(
      ["office", "resettlement", "rights", "services"].sort(),
    );
    // ranked: the branch that was never late nor returned first, distinct totals
    expect(view.cards[0]?.branchKey).toBe("resettlement");
    expect(new Set(view.cards.map((c) => c.card.partyBuilding)).size).toBe(4);
    expect(view.cards.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    const services = view.cards.find((c) => c.branchKey === "services")!;
    const onTime = services.indicators.find((i) => i.key === "lists-on-time")!;
    expect([onTime.achieved, onTime.expected]).toEqual([10, 12]);
    expect(onTime.evidence.filter((e) => !e.ok).map((e) => e.params?.period)).toEqual([
      `${year}-03`,
      `${year}-07`,
    ]);
    // one contested point, awaiting the committee's answer
    const remarks = view.cards.flatMap((c) => c.remarks);
    expect(remarks).toHaveLength(1);
    expect(remarks[0]).toMatchObject({
      kind: "contest",
      indicator: "lists-on-time",
      by: "U0SEC2",
      answer: null,
    });
    // nothing was posted about it
    expect(
      await db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "assessment:" } } }),
    ).toBe(0);

    const panel = await clockPanel(t.sandbox.url);
    expect(panel).toContain('data-clock="job:assessment-draft"');
    expect(panel).toContain("年度考核初稿");
  }, 120_000);
});
