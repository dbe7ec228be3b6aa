/**
 * The example org's own assessment (every source the features register) over a simulated year
 * on each store: the draft has every indicator on every card, each labelled by its source, the
 * round trip's with their evidence rows, and a branch study session's attendance counted for
 * its branch with its evidence row (the branches without one: nothing expected, full points).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import type { Database } from "../../../src/db/client.ts";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import { createStudySession } from "../../../src/db/repositories/study.ts";
import { loadYearView } from "../../../src/services/assessment/cards.ts";
import { draftYear } from "../../../src/services/assessment/draft.ts";
import { setupAssessmentOrg } from "../../helpers/assessment-year.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";

describe.each(STORES)("the example org's assessment over a year (%s)", (store) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(store);
    const branches = await setupAssessmentOrg(db, 2026, 12, true);
    const resettlement = branches.find((b) => b.key === "resettlement")!;
    const id = await db.prisma.$transaction((tx) =>
      createStudySession(tx, {
        kind: "branch-study",
        branchId: resettlement.id,
        topic: "支部工作条例",
        date: "2026-11-10",
        startsAt: new Date("2026-11-10T01:00:00Z"),
        minutes: 90,
        materials: [],
        chairUserId: "U0SEC1",
        createdBy: "U0SEC1",
        occurrence: null,
        channelId: "C0RESETTLE",
        expected: ["U0SEC1", "U0A", "U0B"],
      }),
    );
    await db.prisma.studySession.update({
      where: { id },
      data: { attendanceAt: new Date("2026-11-10T03:00:00Z") },
    });
    await db.prisma.studyAttendee.updateMany({
      where: { sessionId: id, userId: { in: ["U0SEC1", "U0A"] } },
      data: { attendance: "present" },
    });
    await db.prisma.studyAttendee.updateMany({
      where: { sessionId: id, userId: "U0B" },
      data: { attendance: "absent" },
    });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it("drafts every registered source's indicator with its evidence", async () => {
    const org = (await loadOrgRecord(db))!;
    const sources = assessmentSourcesOf(features);
    const drafted = await draftYear({
      db,
      org,
      sources,
      year: 2026,
      asOf: new Date("2026-12-20T01:00:00Z"),
      render: () => [],
    });
    expect(drafted).toEqual({ status: "drafted", year: 2026, cards: 4 });
    const view = (await loadYearView(db, 2026))!;
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
        params: { topic: "支部工作条例", done: 2, expected: 3 },
        ok: false,
      },
    ]);
    expect(study("services")).toMatchObject({ expected: 0, status: "not-applicable", points: 5 });
    expect(study("resettlement").points).toBe(3.33);
  });
});
