import { afterEach, describe, expect, it } from "vitest";
import { ASSESSMENT_DEFAULTS } from "../../../src/config/assessment-schema.ts";
import type { Database } from "../../../src/db/client.ts";
import { draftYear } from "../../../src/services/assessment/draft.ts";
import { lectureAssessmentSources } from "../../../src/services/lecture/assessment-sources.ts";
import { tasklistAssessmentSources } from "../../../src/services/tasklist/assessment-sources.ts";
import { assessmentOrgRecord } from "../../helpers/assessment-year.ts";
import { createTestDatabase } from "../../helpers/database.ts";

const settings = {
  calendar: { holidays: [], workdays: [], useStatutoryHolidays: false },
  lectureHall: { roster: ["U0A", "U0B"] },
  assessment: {
    partyBuildingWeight: 0.4,
    draft: ASSESSMENT_DEFAULTS.draft,
    contestDays: 7,
    thresholds: ASSESSMENT_DEFAULTS.thresholds,
    indicators: ASSESSMENT_DEFAULTS.indicators,
  },
};
const org = assessmentOrgRecord(settings, "2026-01-01T00:00:00Z");
const at = (iso: string) => new Date(`${iso}+08:00`);

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe("drafting a year's cards from the record", () => {
  it("counts on-time, late and missing months, first-time approvals, items and lecture turns, a mid-year branch from its month", async () => {
    db = await createTestDatabase();
    const p = db.prisma;
    const a = await p.branch.create({
      data: { key: "a", name: "A", channelId: "C0A", createdAt: at("2025-06-01T00:00:00") },
    });
    const b = await p.branch.create({
      data: { key: "b", name: "B", channelId: "C0B", createdAt: at("2026-10-10T00:00:00") },
    });
    const ua = await p.person.create({ data: { slackUserId: "U0A" } });
    await p.branchRole.create({ data: { branchId: a.id, personId: ua.id, role: "SECRETARY" } });
    const ub = await p.person.create({ data: { slackUserId: "U0B" } });
    await p.branchRole.create({ data: { branchId: b.id, personId: ub.id, role: "SECRETARY" } });
    // Branch a: January on time and approved first time (2 items, 1 done); February 2 working
    // days late (Sat 7th, Sun 8th are not working days: due Thu 5th, sent Mon 9th), returned once.
    const jan = await p.taskList.create({
      data: {
        branchId: a.id,
        period: "2026-01",
        state: "APPROVED",
        dueAt: at("2026-01-05T18:00:00"),
        firstSubmittedAt: at("2026-01-04T10:00:00"),
        approvedAt: at("2026-01-06T10:00:00"),
        committeeChannel: "C0COMMITTEE",
        committeeTs: "1767600000.000100",
      },
    });
    const janRev = await p.taskListRevision.create({
      data: { listId: jan.id, number: 1, status: "APPROVED", submittedBy: "U0A" },
    });
    await p.taskItem.createMany({
      data: [
        {
          revisionId: janRev.id,
          position: 1,
          title: "Study",
          category: "THEORY_STUDY",
          status: "DONE",
        },
        { revisionId: janRev.id, position: 2, title: "Visit", category: "OTHER" },
      ],
    });
    const feb = await p.taskList.create({
      data: {
        branchId: a.id,
        period: "2026-02",
        state: "APPROVED",
        dueAt: at("2026-02-05T18:00:00"),
        firstSubmittedAt: at("2026-02-09T10:00:00"),
        approvedAt: at("2026-02-10T10:00:00"),
      },
    });
    const febRev1 = await p.taskListRevision.create({
      data: { listId: feb.id, number: 1, status: "RETURNED", submittedBy: "U0A" },
    });
    await p.decision.create({
      data: { revisionId: febRev1.id, kind: "RETURNED", decidedBy: "U0CHAIR" },
    });
    await p.taskListRevision.create({
      data: { listId: feb.id, number: 2, status: "APPROVED", submittedBy: "U0A" },
    });
    // A held session with U0A speaking.
    const s1 = await p.lectureSession.create({
      data: {
        series: "main",
        seq: 1,
        date: "2026-03-04",
        startsAt: at("2026-03-04T16:00:00"),
        status: "HELD",
      },
    });
    await p.lectureTurn.create({
      data: { sessionId: s1.id, slot: 1, userId: "U0A", state: "CONFIRMED" },
    });

    const result = await draftYear({
      db,
      org,
      sources: [...tasklistAssessmentSources, ...lectureAssessmentSources],
      year: 2026,
      asOf: at("2026-12-20T09:00:00"),
      render: () => [],
    });
    expect(result).toEqual({ status: "drafted", year: 2026, cards: 2 });
    const cards = await p.assessmentCard.findMany({ orderBy: { branchId: "asc" } });
    const ca = cards[0]!.computed as Record<
      string,
      {
        achieved: number;
        expected: number;
        evidence: { key: string; params: object; ok: boolean }[];
      }
    >;
    expect(cards.map((c) => [c.fromPeriod, c.toPeriod])).toEqual([
      ["2026-01", "2026-12"],
      ["2026-10", "2026-12"],
    ]);
    expect(ca["lists-on-time"]).toMatchObject({ achieved: 1, expected: 12 });
    expect(ca["lists-on-time"]!.evidence.slice(0, 3)).toMatchObject([
      { key: "assessment.evidence.listOnTime", ok: true },
      { key: "assessment.evidence.listLate", params: { period: "2026-02", days: 2 }, ok: false },
      { key: "assessment.evidence.listMissing", params: { period: "2026-03" }, ok: false },
    ]);
    expect(ca["lists-approved-first-time"]).toMatchObject({ achieved: 1, expected: 2 });
    expect(ca["list-items-done"]).toMatchObject({ achieved: 1, expected: 2 });
    expect(ca["list-items-done"]!.evidence).toContainEqual(
      expect.objectContaining({
        key: "assessment.evidence.itemNotDone",
        params: { period: "2026-01", title: "Visit" },
      }),
    );
    expect(ca["lecture-turns-taken"]).toMatchObject({ achieved: 1, expected: 1 });
    expect(ca["lecture-sessions-held"]).toMatchObject({ achieved: 1, expected: 1 });
    const cb = cards[1]!.computed as typeof ca;
    // Branch b exists from October: three months counted, none submitted.
    expect(cb["lists-on-time"]).toMatchObject({ achieved: 0, expected: 3 });
    expect(cb["lecture-turns-taken"]).toMatchObject({ achieved: 0, expected: 1 });
    // The draft runs once.
    const again = await draftYear({
      db,
      org,
      sources: [...tasklistAssessmentSources, ...lectureAssessmentSources],
      year: 2026,
      asOf: at("2026-12-21T09:00:00"),
      render: () => [],
    });
    expect(again).toEqual({ status: "exists", year: 2026 });
  });
});
