import { describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import { translator } from "../../../src/i18n/index.ts";
import {
  addRemark,
  answerRemark,
  finalizeYear,
  importEffectiveness,
  scoreManual,
} from "../../../src/services/assessment/actions.ts";
import { loadYearView } from "../../../src/services/assessment/cards.ts";
import { draftYear } from "../../../src/services/assessment/draft.ts";
import { currentOrgRecord } from "../../../src/services/org/current.ts";
import { assessmentPresenter } from "../../../src/slack/views/assessment/present.ts";
import { setupAssessmentOrg } from "../../helpers/assessment-year.ts";
import { useSharedTestDatabase } from "../../helpers/database.ts";

let clock = new Date("2026-12-21T02:00:00Z");
const deps = () => ({ db: testDb(), now: () => clock });
const presenter = assessmentPresenter(translator("en"), "Asia/Shanghai");
const TZ = "Asia/Shanghai";

const testDb = useSharedTestDatabase("pglite", {
  setUp: async (db) => {
    await setupAssessmentOrg(db);
    const org = (await currentOrgRecord(db))!;
    await draftYear({
      db,
      org,
      sources: assessmentSourcesOf(features),
      year: 2026,
      asOf: new Date("2026-12-20T01:00:00Z"),
      render: () => [],
    });
  },
});

const card = async (key: string) =>
  (await loadYearView(testDb(), 2026))!.cards.find((c) => c.branchKey === key)!;

describe("manual scores", () => {
  it("refuses a non-member, a member of the branch (four eyes), an out-of-range score, a computed indicator; stores nothing", async () => {
    const base = { year: 2026, branchKey: "office", indicator: "review-meeting", score: 25 };
    expect(await scoreManual(deps(), { ...base, by: "U0SEC1" })).toEqual({
      ok: false,
      error: "not-committee",
    });
    // U0DEPUTY is on the committee and the office branch's secretary.
    expect(await scoreManual(deps(), { ...base, by: "U0DEPUTY" })).toEqual({
      ok: false,
      error: "own-branch",
    });
    expect(await scoreManual(deps(), { ...base, score: 30.5, by: "U0CHAIR" })).toEqual({
      ok: false,
      error: "out-of-range",
    });
    expect(await scoreManual(deps(), { ...base, score: -1, by: "U0CHAIR" })).toEqual({
      ok: false,
      error: "out-of-range",
    });
    expect(
      await scoreManual(deps(), { ...base, indicator: "lists-on-time", by: "U0CHAIR" }),
    ).toEqual({ ok: false, error: "not-manual" });
    expect(await testDb().prisma.assessmentScore.count()).toBe(0);
    expect(await scoreManual(deps(), { ...base, by: "U0CHAIR" })).toEqual({ ok: true });
    const office = await card("office");
    expect(office.indicators.find((i) => i.key === "review-meeting")).toMatchObject({
      points: 25,
      status: "scored",
    });
  });
});

describe("the effectiveness import", () => {
  it("refuses the whole file listing every bad line, and changes nothing", async () => {
    const result = await importEffectiveness(deps(), {
      year: 2026,
      by: "cli",
      text: "branch,score\nresettlement,95\nnowhere,80\nrights,101\nrights,abc\n",
    });
    expect(result).toEqual({
      ok: false,
      error: "out-of-range",
      problems: [
        { line: 3, message: 'branch: unknown branch key "nowhere"' },
        {
          line: 4,
          message: 'score: expected a score from 0 to 100 (2 decimals at most), got "101"',
        },
        {
          line: 5,
          message: 'score: expected a score from 0 to 100 (2 decimals at most), got "abc"',
        },
        { line: 5, message: 'branch: "rights" again (also line 4)' },
      ],
    });
    expect(
      await testDb().prisma.assessmentCard.count({ where: { effectiveness: { not: null } } }),
    ).toBe(0);
  });
});

describe("remarks and contests", () => {
  it("lets the secretary contest a computed point within the window; another committee member corrects it, the card shows the reason", async () => {
    const before = await card("resettlement");
    const onTime = before.indicators.find((i) => i.key === "lists-on-time")!;
    expect(onTime).toMatchObject({ achieved: 10, expected: 12 });
    const base = {
      year: 2026,
      branchKey: "resettlement",
      indicator: "lists-on-time",
      kind: "contest" as const,
      text: "May was late because of the holiday",
      timezone: TZ,
    };
    expect(await addRemark(deps(), { ...base, by: "U0SEC2" })).toEqual({
      ok: false,
      error: "not-secretary",
    });
    expect(await addRemark(deps(), { ...base, indicator: "review-meeting", by: "U0SEC1" })).toEqual(
      { ok: false, error: "not-computed" },
    );
    const added = await addRemark(deps(), { ...base, by: "U0SEC1" });
    expect(added.ok).toBe(true);
    const id = (added as { id: number }).id;
    // The secretary cannot answer; a correction beyond what was expected is refused.
    expect(
      await answerRemark(deps(), { remarkId: id, by: "U0SEC1", answer: "ok", corrected: 11 }),
    ).toEqual({ ok: false, error: "not-committee" });
    expect(
      await answerRemark(deps(), { remarkId: id, by: "U0CHAIR", answer: "ok", corrected: 13 }),
    ).toEqual({ ok: false, error: "out-of-range" });
    expect(
      await answerRemark(deps(), {
        remarkId: id,
        by: "U0CHAIR",
        answer: "Accepted: the deadline moved with the holiday",
        corrected: 11,
      }),
    ).toEqual({ ok: true });
    expect(
      await answerRemark(deps(), { remarkId: id, by: "U0COMM3", answer: "again", corrected: 12 }),
    ).toEqual({ ok: false, error: "answered" });
    const after = await card("resettlement");
    const corrected = after.indicators.find((i) => i.key === "lists-on-time")!;
    expect(corrected).toMatchObject({
      achieved: 11,
      points: 9.17,
      correction: "Accepted: the deadline moved with the holiday",
    });
    // 10 points for 12 months: 8.33 for 10 on time, 9.17 for 11.
    expect(Math.round((after.card.partyBuilding - before.card.partyBuilding) * 100)).toBe(84);
    // After the window (7 days from the draft's date, the 20th): refused.
    clock = new Date("2026-12-28T01:00:00Z");
    expect(await addRemark(deps(), { ...base, kind: "remark", by: "U0SEC1" })).toEqual({
      ok: false,
      error: "window-closed",
    });
  });
});

describe("finalization", () => {
  it("only the chair finalizes; the cards freeze, an audit entry says who, and nothing changes afterwards", async () => {
    const input = { year: 2026, presenter, committeeChannel: "C0COMMITTEE" };
    expect(await finalizeYear(deps(), { ...input, by: "U0COMM3" })).toEqual({
      ok: false,
      error: "not-chair",
    });
    expect(await finalizeYear(deps(), { ...input, by: "U0CHAIR" })).toEqual({ ok: true, cards: 4 });
    const audit = await testDb().prisma.auditLog.findFirst({
      where: { action: "assessment.finalize" },
    });
    expect(audit).toMatchObject({ actor: "U0CHAIR", entityId: "2026" });
    const frozen = await card("resettlement");
    // A later change to the records does not move the frozen card.
    await testDb().prisma.taskList.updateMany({
      data: { firstSubmittedAt: new Date("2026-01-01T00:00:00Z") },
    });
    expect((await card("resettlement")).card).toEqual(frozen.card);
    expect(
      await scoreManual(deps(), {
        year: 2026,
        branchKey: "rights",
        indicator: "review-meeting",
        score: 20,
        by: "U0CHAIR",
      }),
    ).toEqual({ ok: false, error: "final" });
    expect(await finalizeYear(deps(), { ...input, by: "U0CHAIR" })).toEqual({
      ok: false,
      error: "final",
    });
    const finalDms = await testDb().prisma.delivery.count({
      where: { dedupeKey: { startsWith: "assessment:2026:final:card:" } },
    });
    expect(finalDms).toBe(4);
  });
});
