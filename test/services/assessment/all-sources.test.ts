/**
 * The example org's own assessment (every source the features register) over a simulated year
 * on each store: the draft has every indicator on every card, each labelled by its source, the
 * round trip's with their evidence rows, and a branch study session's attendance counted for
 * its branch with its evidence row (the seed's November session: one present, one made up, the
 * rest absent).
 */
import { describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import { loadYearView } from "../../../src/services/assessment/cards.ts";
import { draftYear } from "../../../src/services/assessment/draft.ts";
import { setupAssessmentOrg } from "../../helpers/assessment-year.ts";
import { STORES, useSharedTestDatabase } from "../../helpers/database.ts";

describe.each(STORES)("the example org's assessment over a year (%s)", (store) => {
  const testDb = useSharedTestDatabase(store, {
    setUp: (db) => setupAssessmentOrg(db, 2026, 12, true),
    setUpTimeout: 60_000,
  });

  it("drafts every registered source's indicator with its evidence", async () => {
    const org = (await loadOrgRecord(testDb()))!;
    const sources = assessmentSourcesOf(features);
    const drafted = await draftYear({
      db: testDb(),
      org,
      sources,
      year: 2026,
      asOf: new Date("2026-12-20T01:00:00Z"),
      render: () => [],
    });
    expect(drafted).toEqual({ status: "drafted", year: 2026, cards: 4 });
    const view = (await loadYearView(testDb(), 2026))!;
    const labels = new Map(sources.map((s) => [s.name, s.label]));
    for (const card of view.cards) {
      const computed = card.indicators.filter((i) => i.kind === "computed");
      expect(computed).toHaveLength(sources.length);
      for (const ind of computed) expect(ind.labelKey).toBeTruthy();
      expect(new Set(computed.map((i) => i.labelKey))).toEqual(new Set(labels.values()));
      const onTime = card.indicators.find((i) => i.key === "lists-on-time")!;
      expect(onTime.evidence).toHaveLength(12);
    }
    const study = (key: string) =>
      view.cards
        .find((c) => c.branchKey === key)!
        .indicators.find((i) => i.key === "study-attendance")!;
    expect(study("resettlement")).toMatchObject({ achieved: 2, expected: 3, status: "scored" });
    expect(study("resettlement").evidence).toEqual([
      {
        when: "2026-11-10",
        key: "study.assessment.evidence",
        params: { topic: "Branch work regulations", done: 2, expected: 3 },
        ok: false,
      },
    ]);
    expect(study("resettlement").points).toBe(3.33);
  });
});
