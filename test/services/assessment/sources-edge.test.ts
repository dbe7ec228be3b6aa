/**
 * Every computed source of the annual assessment (issue 22) on hand-made records, with the edge
 * cases: a branch that has existed all year, one created in October (its records from before
 * then not counted, its card saying so) and one with no records at all; late by N of the org's
 * working days (a declared holiday not counted); records after the draft's time not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../../src/app/features.ts";
import type { Database } from "../../../src/db/client.ts";
import { translator } from "../../../src/i18n/index.ts";
import { loadYearView } from "../../../src/services/assessment/cards.ts";
import { draftYear, scopeOf } from "../../../src/services/assessment/draft.ts";
import type { AssessmentScope, SourceValue } from "../../../src/services/assessment/source.ts";
import { assessmentPresenter } from "../../../src/slack/views/assessment/present.ts";
import { allText } from "../../e2e/round-trip-helpers.ts";
import { assessmentOrgRecord } from "../../helpers/assessment-year.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";

const INDICATORS = [
  ["lists-on-time", 10],
  ["lists-approved-first-time", 10],
  ["list-items-done", 10],
  ["plan-items-on-time", 10],
  ["lecture-turns-taken", 5],
  ["lecture-sessions-held", 5],
  ["study-attendance", 5],
  ["service-reports-per-member", 5],
  ["practical-projects-done", 5],
  ["inspection-scores", 5],
  ["rectifications-on-time", 5],
] as const;

const settings = {
  // Monday February 9 declared a holiday: not a working day.
  calendar: { holidays: ["2026-02-09"], workdays: [], useStatutoryHolidays: false },
  lectureHall: { roster: ["U0OLD", "U0M", "U0NEW", "U0EMPTY"] },
  assessment: {
    partyBuildingWeight: 0.4,
    draft: { month: 12, day: 20, time: "09:00" },
    contestDays: 7,
    thresholds: { excellent: 90, good: 80, fair: 60 },
    indicators: [
      ...INDICATORS.map(([source, weight]) => ({ key: source, weight, source })),
      { key: "review", weight: 25, manual: true, name: "Review" },
    ],
  },
};
const org = assessmentOrgRecord(settings, "2025-01-01T00:00:00Z");
/** A local (Asia/Shanghai) time. */
const at = (iso: string) => new Date(`${iso}+08:00`);
const ASOF = at("2026-12-20T09:00:00");

let db: Database;
let scope: AssessmentScope;
const ids = { old: 0, young: 0, empty: 0 };

async function seed(): Promise<void> {
  const p = db.prisma;
  const branch = async (key: string, createdAt: string, secretary: string, members: string[]) => {
    const b = await p.branch.create({
      data: { key, name: key, channelId: `C0${key.toUpperCase()}`, createdAt: at(createdAt) },
    });
    for (const [i, userId] of [secretary, ...members].entries()) {
      const person = await p.person.create({ data: { slackUserId: userId } });
      await p.branchRole.create({
        data: { branchId: b.id, personId: person.id, role: i === 0 ? "SECRETARY" : "MEMBER" },
      });
    }
    return b.id;
  };
  ids.old = await branch("old", "2025-06-01T00:00:00", "U0OLD", ["U0M"]);
  ids.young = await branch("young", "2026-10-10T00:00:00", "U0NEW", []);
  ids.empty = await branch("empty", "2025-01-01T00:00:00", "U0EMPTY", []);

  // Monthly lists. old: January on time; February due Thursday the 5th at 18:00, sent Tuesday
  // the 10th (Friday the 6th and Tuesday the 10th count; the weekend and Monday's holiday do
  // not): 2 working days late, returned once; March sent after the draft (missing).
  // young: September (before it existed, not counted), October on time with 2 items, 1 done.
  const list = async (
    branchId: number,
    period: string,
    sent: string,
    returned: boolean,
    items: boolean[],
  ) => {
    const l = await p.taskList.create({
      data: {
        branchId,
        period,
        state: "APPROVED",
        dueAt: at(`${period}-05T18:00:00`),
        firstSubmittedAt: at(sent),
        approvedAt: at(sent),
        committeeChannel: "C0COMMITTEE",
        committeeTs: `${at(sent).getTime() / 1000}.000100`,
      },
    });
    if (returned) {
      const r1 = await p.taskListRevision.create({
        data: { listId: l.id, number: 1, status: "RETURNED", submittedBy: "U0OLD" },
      });
      await p.decision.create({
        data: { revisionId: r1.id, kind: "RETURNED", decidedBy: "U0CHAIR" },
      });
    }
    const rev = await p.taskListRevision.create({
      data: { listId: l.id, number: returned ? 2 : 1, status: "APPROVED", submittedBy: "U0OLD" },
    });
    await p.taskItem.createMany({
      data: items.map((done, i) => ({
        revisionId: rev.id,
        position: i + 1,
        title: `${period} item ${i + 1}`,
        category: "OTHER" as const,
        status: done ? ("DONE" as const) : ("OPEN" as const),
        doneAt: done ? at(`${period}-20T10:00:00`) : null,
      })),
    });
  };
  await list(ids.old, "2026-01", "2026-01-04T10:00:00", false, [true, true]);
  await list(ids.old, "2026-02", "2026-02-10T10:00:00", true, [true, false]);
  await list(ids.old, "2026-03", "2026-12-21T10:00:00", false, []);
  await list(ids.young, "2026-09", "2026-09-01T10:00:00", false, [true]);
  await list(ids.young, "2026-10", "2026-10-12T10:00:00", false, [true, false]);
  // The October list's deadline was before the branch existed: it takes the list's own dueAt.
  await p.taskList.updateMany({
    where: { branchId: ids.young, period: "2026-10" },
    data: { dueAt: at("2026-10-15T18:00:00") },
  });

  // Lectures: U0OLD held March's; U0NEW held September's (before the branch) and November's
  // was not held.
  const session = async (seq: number, date: string, held: boolean, userId: string) => {
    const s = await p.lectureSession.create({
      data: {
        series: "main",
        seq,
        date,
        startsAt: at(`${date}T16:00:00`),
        status: held ? "HELD" : "NOT_HELD",
      },
    });
    await p.lectureTurn.create({ data: { sessionId: s.id, slot: 1, userId, state: "CONFIRMED" } });
  };
  await session(1, "2026-03-04", true, "U0OLD");
  await session(2, "2026-09-02", true, "U0NEW");
  await session(3, "2026-11-04", false, "U0NEW");

  // Annual plans. old: February's item done Wednesday March 4 (February ended on Saturday the
  // 28th: Monday to Wednesday, 3 working days late), April's on time, November's not done
  // (overdue), the fourth quarter's not due yet. young (created in October): November's done.
  const plan = async (
    branchId: number,
    firstMonth: number,
    items: { title: string; target: string; done: string | null }[],
  ) => {
    const pl = await p.annualPlan.create({
      data: {
        branchId,
        year: 2026,
        kind: "THEORY",
        state: "APPROVED",
        currentRevision: 1,
        approvedRevision: 1,
        firstMonth,
      },
    });
    const rev = await p.annualPlanRevision.create({
      data: { planId: pl.id, number: 1, status: "APPROVED", submittedBy: "U0OLD" },
    });
    await p.annualPlanItem.createMany({
      data: items.map((i, n) => ({
        revisionId: rev.id,
        position: n + 1,
        title: i.title,
        target: i.target,
        status: i.done ? ("DONE" as const) : ("OPEN" as const),
        doneAt: i.done ? at(i.done) : null,
      })),
    });
  };
  await plan(ids.old, 1, [
    { title: "February study", target: "m2", done: "2026-03-04T10:00:00" },
    { title: "April visit", target: "m4", done: "2026-04-10T10:00:00" },
    { title: "November review", target: "m11", done: null },
    { title: "Year-end", target: "q4", done: null },
  ]);
  await plan(ids.young, 10, [
    { title: "First meeting", target: "m11", done: "2026-11-20T10:00:00" },
  ]);

  // Service. old (U0OLD, U0M): U0OLD in Q1 and Q2, U0M in Q4, and a report after the draft.
  // young (U0NEW, from October): one report in September only.
  const report = (userId: string, branchKey: string, date: string) => ({
    userId,
    branchKey,
    date,
    quarter: `2026-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`,
    community: "Elm Court",
    category: "policy-consultation",
    centiHours: 100,
    what: "Visit",
    createdAt: at(`${date}T12:00:00`),
  });
  await p.serviceReport.createMany({
    data: [
      report("U0OLD", "old", "2026-02-03"),
      report("U0OLD", "old", "2026-05-03"),
      report("U0M", "old", "2026-11-03"),
      report("U0OLD", "old", "2026-12-22"),
      report("U0NEW", "young", "2026-09-15"),
    ],
  });
  // Projects of old: one confirmed done, one awaiting confirmation, one confirmed after the
  // draft.
  const project = (title: string, status: "DONE" | "COMPLETION_REQUESTED", confirmed?: string) => ({
    year: 2026,
    title,
    serves: "Residents",
    branchKey: "old",
    goal: "Goal",
    beneficiaries: 10,
    status,
    confirmedBy: confirmed ? "U0CHAIR" : null,
    confirmedAt: confirmed ? at(confirmed) : null,
    createdBy: "U0CHAIR",
    createdAt: at("2026-02-01T10:00:00"),
  });
  await p.practicalProject.createMany({
    data: [
      project("Garden", "DONE", "2026-11-01T10:00:00"),
      project("Ramp", "COMPLETION_REQUESTED"),
      project("Library", "DONE", "2026-12-22T10:00:00"),
    ],
  });

  // Inspections: June's mutual round (old 85/100; young 70/100, before it existed);
  // November's supervision (old still a draft: not counted; young 95/100).
  const checklist = [
    { key: "meetings", maxScore: 60 },
    { key: "dues", maxScore: 40 },
  ];
  const round = (key: string, kind: string, period: string) =>
    p.inspectionRound.create({
      data: {
        key,
        kind,
        period,
        opensOn: `${period}-01`,
        closesOn: `${period}-28`,
        checklist,
      },
    });
  const june = await round("2026-06-mutual", "mutual", "2026-06");
  const november = await round("2026-11-supervision", "supervision", "2026-11");
  const assignment = (
    roundId: number,
    branchId: number,
    total: number | null,
    submitted: string | null,
  ) =>
    p.inspectionAssignment.create({
      data: {
        roundId,
        branchId,
        inspectorUserId: "U0CHAIR",
        state: submitted ? "SUBMITTED" : "DRAFT",
        total,
        submittedAt: submitted ? at(submitted) : null,
      },
    });
  const oldJune = await assignment(june.id, ids.old, 85, "2026-06-20T10:00:00");
  const youngJune = await assignment(june.id, ids.young, 70, "2026-06-20T10:00:00");
  await assignment(november.id, ids.old, null, null);
  const youngNovember = await assignment(november.id, ids.young, 95, "2026-11-20T10:00:00");
  // Rectifications. old: verified before its due date; verified three days after it; reported
  // but not verified; due after the draft (not counted). young: one from June (before it
  // existed) and one open from November.
  const item = (
    assignmentId: number,
    branchId: number,
    position: number,
    problem: string,
    dueOn: string,
    verifiedOn: string | null,
    state = verifiedOn ? "VERIFIED" : "OPEN",
  ) => ({
    assignmentId,
    branchId,
    position,
    problem,
    severity: "general",
    ownerId: "U0OLD",
    dueOn,
    state,
    verifiedBy: verifiedOn ? "U0CHAIR" : null,
    verifiedAt: verifiedOn ? at(`${verifiedOn}T10:00:00`) : null,
    verifiedOn,
  });
  await p.rectification.createMany({
    data: [
      item(oldJune.id, ids.old, 1, "Signatures", "2026-07-31", "2026-07-20"),
      item(oldJune.id, ids.old, 2, "Ledger", "2026-08-31", "2026-09-03"),
      item(oldJune.id, ids.old, 3, "Records", "2026-09-30", null, "REPORTED"),
      item(oldJune.id, ids.old, 4, "Later", "2026-12-31", null),
      item(youngJune.id, ids.young, 1, "Before", "2026-07-31", null),
      item(youngNovember.id, ids.young, 1, "Minutes", "2026-12-15", null),
    ],
  });

  // Study. old: March (present, made up, absent); one without attendance recorded; one
  // recorded after the draft. young: September (before it existed), November (present).
  const study = async (
    branchId: number,
    date: string,
    recorded: string | null,
    attendees: { userId: string; attendance: string; madeUp?: string }[],
  ) => {
    const s = await p.studySession.create({
      data: {
        kind: "branch-study",
        branchId,
        topic: `Study ${date}`,
        date,
        startsAt: at(`${date}T09:00:00`),
        minutes: 60,
        materials: [],
        chairUserId: "U0OLD",
        createdBy: "U0OLD",
        channelId: "C0OLD",
        attendanceAt: recorded ? at(recorded) : null,
      },
    });
    await p.studyAttendee.createMany({
      data: attendees.map((a) => ({
        sessionId: s.id,
        userId: a.userId,
        attendance: a.attendance,
        madeUpAt: a.madeUp ? at(a.madeUp) : null,
      })),
    });
  };
  await study(ids.old, "2026-03-10", "2026-03-10T12:00:00", [
    { userId: "U0OLD", attendance: "present" },
    { userId: "U0M", attendance: "absent", madeUp: "2026-03-15T10:00:00" },
    { userId: "U0X", attendance: "absent" },
  ]);
  await study(ids.old, "2026-06-10", null, [{ userId: "U0OLD", attendance: "absent" }]);
  await study(ids.old, "2026-12-19", "2026-12-21T12:00:00", [
    { userId: "U0OLD", attendance: "absent" },
  ]);
  await study(ids.young, "2026-09-10", "2026-09-10T12:00:00", [
    { userId: "U0NEW", attendance: "absent" },
  ]);
  await study(ids.young, "2026-11-10", "2026-11-10T12:00:00", [
    { userId: "U0NEW", attendance: "present" },
  ]);
}

const sources = assessmentSourcesOf(features);
const compute = async (name: string): Promise<Map<string, SourceValue>> => {
  const source = sources.find((s) => s.name === name);
  if (!source) throw new Error(`no source ${name}`);
  return source.compute(db, scope);
};
/** A branch's value ("nothing expected" when the source left it out). */
const branchValue = (values: Map<string, SourceValue>, key: string) =>
  values.get(key) ?? { achieved: 0, expected: 0, evidence: [] };
const counts = (values: Map<string, SourceValue>) =>
  Object.fromEntries(
    ["old", "young", "empty"].map((k) => [
      k,
      [branchValue(values, k).achieved, branchValue(values, k).expected],
    ]),
  );
const rows = (values: Map<string, SourceValue>, key: string) =>
  branchValue(values, key).evidence.map((e) => [e.when, e.key.split(".").at(-1), e.params, e.ok]);

describe.each(STORES)("every computed source on hand-made records (%s)", (store) => {
  beforeAll(async () => {
    db = await createTestDatabase(store);
    await seed();
    const branches = await db.prisma.branch.findMany({ orderBy: { id: "asc" } });
    scope = scopeOf(org, 2026, ASOF, branches);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it("scopes each branch from January or from the month it was created", () => {
    expect(scope.branches.map((b) => [b.key, b.from, b.to])).toEqual([
      ["old", "2026-01", "2026-12"],
      ["young", "2026-10", "2026-12"],
      ["empty", "2026-01", "2026-12"],
    ]);
  });

  it("lists-on-time: every due month of the branch's, late by the org's working days, missing ones and those sent after the draft", async () => {
    const v = await compute("lists-on-time");
    expect(counts(v)).toEqual({ old: [1, 12], young: [1, 3], empty: [0, 12] });
    expect(rows(v, "old").slice(0, 3)).toEqual([
      ["2026-01", "listOnTime", { period: "2026-01" }, true],
      ["2026-02", "listLate", { period: "2026-02", days: 2 }, false],
      ["2026-03", "listMissing", { period: "2026-03" }, false],
    ]);
    expect(rows(v, "young").map((r) => [r[0], r[1]])).toEqual([
      ["2026-10", "listOnTime"],
      ["2026-11", "listMissing"],
      ["2026-12", "listMissing"],
    ]);
  });

  it("lists-approved-first-time and list-items-done: only the branch's months, approved by the draft", async () => {
    const first = await compute("lists-approved-first-time");
    expect(counts(first)).toEqual({ old: [1, 2], young: [1, 1], empty: [0, 0] });
    expect(rows(first, "old").map((r) => [r[0], r[1], r[3]])).toEqual([
      ["2026-01", "approvedFirstTime", true],
      ["2026-02", "returnedFirst", false],
    ]);
    const items = await compute("list-items-done");
    expect(counts(items)).toEqual({ old: [3, 4], young: [1, 2], empty: [0, 0] });
    expect(rows(items, "old")).toContainEqual([
      "2026-02",
      "itemNotDone",
      { period: "2026-02", title: "2026-02 item 2" },
      false,
    ]);
  });

  it("lecture turns and sessions: turns taken since the branch's first month, sessions not held", async () => {
    const turns = await compute("lecture-turns-taken");
    // young's only held turn was in September, before it existed.
    expect(counts(turns)).toEqual({ old: [1, 2], young: [0, 1], empty: [0, 1] });
    expect(rows(turns, "young")).toEqual([["", "noTurnYet", { user: "U0NEW" }, false]]);
    const held = await compute("lecture-sessions-held");
    expect(counts(held)).toEqual({ old: [1, 1], young: [0, 1], empty: [0, 0] });
    expect(rows(held, "young")).toEqual([
      ["2026-11-04", "sessionNotHeld", { user: "U0NEW", date: "2026-11-04", seq: 3 }, false],
    ]);
  });

  it("plan-items-on-time: items due by the draft, a late one by its working days, the not yet due left out", async () => {
    const v = await compute("plan-items-on-time");
    expect(counts(v)).toEqual({ old: [1, 3], young: [1, 1], empty: [0, 0] });
    expect(rows(v, "old")).toEqual([
      ["2026-02", "late", { title: "February study", date: "2026-03-04", days: 3 }, false],
      ["2026-04", "done", { title: "April visit", date: "2026-04-10" }, true],
      ["2026-11", "open", { title: "November review", date: "" }, false],
    ]);
  });

  it("service-reports-per-member: each member each quarter of the branch's months, reports after the draft or before the branch not counted", async () => {
    const v = await compute("service-reports-per-member");
    expect(counts(v)).toEqual({ old: [3, 8], young: [0, 1], empty: [0, 4] });
    expect(rows(v, "young")).toEqual([
      ["2026-Q4", "noReport", { who: "U0NEW", quarter: "2026-Q4" }, false],
    ]);
    expect(
      rows(v, "old")
        .filter((r) => r[3])
        .map((r) => r[0]),
    ).toEqual(["2026-02-03", "2026-05-03", "2026-11-03"]);
  });

  it("practical-projects-done: confirmed done by the draft", async () => {
    const v = await compute("practical-projects-done");
    expect(counts(v)).toEqual({ old: [1, 3], young: [0, 0], empty: [0, 0] });
    expect(rows(v, "old").map((r) => [r[1], (r[2] as { title: string }).title, r[3]])).toEqual([
      ["projectDone", "Garden", true],
      ["projectOpen", "Ramp", false],
      ["projectOpen", "Library", false],
    ]);
  });

  it("inspection-scores: submitted inspections of the branch's months, out of the checklist's maximum", async () => {
    const v = await compute("inspection-scores");
    expect(counts(v)).toEqual({ old: [85, 100], young: [95, 100], empty: [0, 0] });
    expect(rows(v, "old")).toEqual([["2026-06", "mutual", { total: 85, max: 100 }, false]]);
    expect(rows(v, "young")).toEqual([["2026-11", "supervision", { total: 95, max: 100 }, false]]);
  });

  it("rectifications-on-time: verified by the due date; late (by working days), reported-only and open ones cost; not due yet left out", async () => {
    const v = await compute("rectifications-on-time");
    expect(counts(v)).toEqual({ old: [1, 3], young: [0, 1], empty: [0, 0] });
    expect(rows(v, "old")).toEqual([
      [
        "2026-07-31",
        "itemOnTime",
        { problem: "Signatures", due: "2026-07-31", closed: "2026-07-20" },
        true,
      ],
      // Due Monday August 31, verified Thursday September 3.
      [
        "2026-08-31",
        "itemLate",
        { problem: "Ledger", due: "2026-08-31", closed: "2026-09-03", days: 3 },
        false,
      ],
      ["2026-09-30", "itemOpen", { problem: "Records", due: "2026-09-30" }, false],
    ]);
    expect(rows(v, "young")).toEqual([
      ["2026-12-15", "itemOpen", { problem: "Minutes", due: "2026-12-15" }, false],
    ]);
  });

  it("study-attendance: places attended or made up at sessions recorded by the draft, in the branch's months", async () => {
    const v = await compute("study-attendance");
    expect(counts(v)).toEqual({ old: [2, 3], young: [1, 1], empty: [0, 0] });
    expect(rows(v, "old")).toEqual([
      ["2026-03-10", "evidence", { topic: "Study 2026-03-10", done: 2, expected: 3 }, false],
    ]);
  });

  it("drafts the cards: no records gives full points where nothing was expected and none where something was; the young branch's card says it is counted from October", async () => {
    const result = await draftYear({ db, org, sources, year: 2026, asOf: ASOF, render: () => [] });
    expect(result).toEqual({ status: "drafted", year: 2026, cards: 3 });
    const view = (await loadYearView(db, 2026))!;
    const card = (key: string) => view.cards.find((c) => c.branchKey === key)!;
    const empty = Object.fromEntries(
      card("empty").indicators.map((i) => [i.key, [i.status, i.points]]),
    );
    expect(empty).toEqual({
      "lists-on-time": ["scored", 0],
      "lists-approved-first-time": ["not-applicable", 10],
      "list-items-done": ["not-applicable", 10],
      "plan-items-on-time": ["not-applicable", 10],
      "lecture-turns-taken": ["scored", 0],
      "lecture-sessions-held": ["not-applicable", 5],
      "study-attendance": ["not-applicable", 5],
      "service-reports-per-member": ["scored", 0],
      "practical-projects-done": ["not-applicable", 5],
      "inspection-scores": ["not-applicable", 5],
      "rectifications-on-time": ["not-applicable", 5],
      review: ["pending", 0],
    });
    expect(card("young")).toMatchObject({
      fromPeriod: "2026-10",
      toPeriod: "2026-12",
      midYear: true,
    });
    expect(card("old").midYear).toBe(false);
    const presenter = assessmentPresenter(translator("en"), "Asia/Shanghai");
    const text = allText(presenter.card(view, card("young")).blocks);
    expect(text).toContain("2026-10");
    expect(text).toContain(
      translator("en")("assessment.card.midYear", { from: "2026-10", to: "2026-12" }),
    );
    expect(allText(presenter.card(view, card("old")).blocks)).not.toContain(
      translator("en")("assessment.card.midYear", { from: "2026-01", to: "2026-12" }),
    );
  });
});
