/**
 * A simulated year of records for the annual assessment (issue 22): per branch twelve monthly
 * lists (some late, some returned once, one missing), items done and not done, lecture sessions
 * with the roster's speakers (one not held), an annual plan (items done on time, one late, one
 * overdue, one not due yet), service reports and two practical projects (one done), one mutual
 * inspection round with its findings to rectify (one on time, one late, one open) and a branch
 * study session. Bulk inserts: a fixed number of statements whatever the number of branches, so
 * the 300-branch bench seeds as fast as the e2e's four.
 */
import type { Database } from "../../src/db/client.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** What the seed makes of branch number `b` (0-based) in month `m` (1–12). */
export function monthPlan(b: number, m: number) {
  return {
    missing: b % 4 === 2 && m === 7,
    /** Submitted on the 9th (the deadline is the 5th): late by working days. */
    late: (b + m) % 5 === 0,
    returned: (b + m) % 4 === 0,
    /** Of three items, how many are done. */
    done: m === 12 ? 1 : (b + m) % 3 === 0 ? 2 : 3,
  };
}

export interface SeedYearOptions {
  year: number;
  /** Branch ids in order (branch number = index). */
  branchIds: readonly number[];
  /** Who submits and speaks, per branch (a secretary's Slack id). */
  speakers: readonly string[];
  /** Months seeded, 1..months (12: the whole year). */
  months?: number;
}

export async function seedAssessmentYear(db: Database, o: SeedYearOptions): Promise<void> {
  const p = db.prisma;
  const months = o.months ?? 12;
  const lists: {
    branchId: number;
    period: string;
    state: "APPROVED";
    currentRevision: number;
    approvedRevision: number;
    dueAt: Date;
    firstSubmittedAt: Date;
    approvedAt: Date;
    committeeChannel: string;
    committeeTs: string;
  }[] = [];
  o.branchIds.forEach((branchId, b) => {
    for (let m = 1; m <= months; m++) {
      const plan = monthPlan(b, m);
      if (plan.missing) continue;
      const period = `${o.year}-${pad(m)}`;
      lists.push({
        branchId,
        period,
        state: "APPROVED",
        currentRevision: plan.returned ? 2 : 1,
        approvedRevision: plan.returned ? 2 : 1,
        dueAt: new Date(`${period}-05T10:00:00Z`),
        firstSubmittedAt: new Date(`${period}-${plan.late ? "09" : "03"}T02:00:00Z`),
        approvedAt: new Date(`${period}-12T02:00:00Z`),
        committeeChannel: "C0COMMITTEE",
        committeeTs: `${Date.parse(`${period}-03T02:00:00Z`) / 1000 + b}.000100`,
      });
    }
  });
  const created = await p.taskList.createManyAndReturn({
    data: lists,
    select: { id: true, branchId: true, period: true },
  });
  const indexOf = new Map(o.branchIds.map((id, i) => [id, i]));
  const revisions = created.flatMap((l) => {
    const b = indexOf.get(l.branchId) ?? 0;
    const m = Number(l.period.slice(5, 7));
    const plan = monthPlan(b, m);
    const by = o.speakers[b] ?? "U0NOBODY";
    return plan.returned
      ? [
          { listId: l.id, number: 1, status: "RETURNED" as const, submittedBy: by },
          { listId: l.id, number: 2, status: "APPROVED" as const, submittedBy: by },
        ]
      : [{ listId: l.id, number: 1, status: "APPROVED" as const, submittedBy: by }];
  });
  const revs = await p.taskListRevision.createManyAndReturn({
    data: revisions,
    select: { id: true, listId: true, status: true },
  });
  const listOf = new Map(created.map((l) => [l.id, l]));
  await p.decision.createMany({
    data: revs.map((r) => ({
      revisionId: r.id,
      kind: r.status === "RETURNED" ? ("RETURNED" as const) : ("APPROVED" as const),
      decidedBy: "U0CHAIR",
    })),
  });
  await p.taskItem.createMany({
    data: revs
      .filter((r) => r.status === "APPROVED")
      .flatMap((r) => {
        const l = listOf.get(r.listId)!;
        const plan = monthPlan(indexOf.get(l.branchId) ?? 0, Number(l.period.slice(5, 7)));
        return [1, 2, 3].map((position) => ({
          revisionId: r.id,
          position,
          title: `${l.period} item ${position}`,
          category: "OTHER" as const,
          status: position <= plan.done ? ("DONE" as const) : ("OPEN" as const),
          doneAt: position <= plan.done ? new Date(`${l.period}-10T02:00:00Z`) : null,
        }));
      }),
  });
  // One lecture session a month (the 2nd Wednesday-ish, the 14th), the speakers in turn; the
  // session of month 6 was not held (cancelled).
  const sessions = await p.lectureSession.createManyAndReturn({
    data: Array.from({ length: months }, (_, i) => ({
      series: "lecture",
      seq: i + 1,
      date: `${o.year}-${pad(i + 1)}-14`,
      startsAt: new Date(`${o.year}-${pad(i + 1)}-14T08:00:00Z`),
      status: i + 1 === 6 ? ("NOT_HELD" as const) : ("HELD" as const),
      noticeChannel: "C0LECTURE",
      noticeTs: `${Date.parse(`${o.year}-${pad(i + 1)}-12T02:00:00Z`) / 1000}.000200`,
    })),
    select: { id: true, seq: true },
  });
  await p.lectureTurn.createMany({
    data: sessions.map((s) => ({
      sessionId: s.id,
      slot: 1,
      userId: o.speakers[(s.seq - 1) % Math.max(o.speakers.length, 1)] ?? "U0NOBODY",
      state: "CONFIRMED" as const,
    })),
  });
  await seedPlans(db, o);
  await seedServiceInspectionsStudy(db, o);
}

/**
 * Each branch's approved theory plan: the item's target and when it was done. As of the draft
 * (December 20): two done on time, "Theme party day" done on Wednesday June 3 for a target that
 * ended on Sunday May 31 (3 working days late), "Party history visit" overdue since October, and
 * "Year-end review" not due yet (not counted).
 */
export const PLAN_ITEMS = [
  { title: "Theory study", target: "m3", done: "03-20" },
  { title: "Theme party day", target: "m5", done: "06-03" },
  { title: "Organizational life meeting", target: "q3", done: "09-25" },
  { title: "Party history visit", target: "m10", done: null },
  { title: "Year-end review", target: "q4", done: null },
] as const;

async function seedPlans(db: Database, o: SeedYearOptions): Promise<void> {
  const p = db.prisma;
  const plans = await p.annualPlan.createManyAndReturn({
    data: o.branchIds.map((branchId) => ({
      branchId,
      year: o.year,
      kind: "THEORY" as const,
      state: "APPROVED" as const,
      currentRevision: 1,
      approvedRevision: 1,
      dueAt: new Date(`${o.year}-01-31T10:00:00Z`),
      firstSubmittedAt: new Date(`${o.year}-01-20T02:00:00Z`),
      approvedAt: new Date(`${o.year}-01-22T02:00:00Z`),
    })),
    select: { id: true, branchId: true },
  });
  const speakerOf = new Map(o.branchIds.map((id, b) => [id, o.speakers[b] ?? "U0NOBODY"]));
  const revisions = await p.annualPlanRevision.createManyAndReturn({
    data: plans.map((plan) => ({
      planId: plan.id,
      number: 1,
      status: "APPROVED" as const,
      submittedBy: speakerOf.get(plan.branchId) ?? "U0NOBODY",
      decision: "APPROVED" as const,
      decidedBy: "U0CHAIR",
      decidedAt: new Date(`${o.year}-01-22T02:00:00Z`),
    })),
    select: { id: true, planId: true },
  });
  const branchOfPlan = new Map(plans.map((plan) => [plan.id, plan.branchId]));
  await p.annualPlanItem.createMany({
    data: revisions.flatMap((r) =>
      PLAN_ITEMS.map((item, i) => ({
        revisionId: r.id,
        position: i + 1,
        title: item.title,
        target: item.target,
        status: item.done ? ("DONE" as const) : ("OPEN" as const),
        doneAt: item.done ? new Date(`${o.year}-${item.done}T02:00:00Z`) : null,
        doneBy: item.done ? (speakerOf.get(branchOfPlan.get(r.planId) ?? 0) ?? null) : null,
      })),
    ),
  });
}

/** The inspection round's score of branch number `b` (out of 100). */
export const inspectionTotal = (b: number) => 90 + (b % 4) * 2;

/**
 * The findings of each branch's inspection, to rectify: the first verified before its due date,
 * the second verified ten days after it, the third still open.
 */
export const FINDINGS = [
  { problem: "Minutes missing signatures", dueOn: "07-31", verifiedOn: "07-20" },
  { problem: "Dues ledger not updated", dueOn: "08-31", verifiedOn: "09-10" },
  { problem: "Theme day records incomplete", dueOn: "10-30", verifiedOn: null },
] as const;

/** The quarters' dates of the service reports: the secretary reports every quarter. */
const SERVICE_DATES = ["02-10", "05-10", "08-10", "11-10"] as const;

/**
 * Service: each branch's speaker reports every quarter, every other member once (in the second
 * quarter); two practical projects per branch, the first confirmed done in October. One mutual
 * inspection round in June, each branch inspected by the next one. One branch study session in
 * November: the speaker present, the first other member (by Slack id) absent and made up, the
 * rest absent.
 */
async function seedServiceInspectionsStudy(db: Database, o: SeedYearOptions): Promise<void> {
  const p = db.prisma;
  const y = o.year;
  const at = (date: string) => new Date(`${y}-${date}T02:00:00Z`);
  const branches = await p.branch.findMany({
    where: { id: { in: [...o.branchIds] } },
    select: {
      id: true,
      key: true,
      roles: { select: { person: { select: { slackUserId: true } } } },
    },
  });
  const byId = new Map(branches.map((b) => [b.id, b]));
  const rows = o.branchIds.map((id, b) => {
    const branch = byId.get(id)!;
    const speaker = o.speakers[b] ?? "U0NOBODY";
    const others = [...new Set(branch.roles.map((r) => r.person.slackUserId))]
      .filter((u) => u !== speaker)
      .sort();
    return { id, b, key: branch.key, speaker, others };
  });
  await p.serviceRegistration.createMany({
    data: [...new Set(rows.flatMap((r) => [r.speaker, ...r.others]))].map((userId) => ({
      userId,
      community: "Pine Yard",
      registeredAt: at("01-15"),
    })),
    skipDuplicates: true,
  });
  const report = (userId: string, branchKey: string, date: string) => ({
    userId,
    branchKey,
    date: `${y}-${date}`,
    quarter: `${y}-Q${Math.ceil(Number(date.slice(0, 2)) / 3)}`,
    community: "Pine Yard",
    category: "policy-consultation",
    centiHours: 150,
    what: `Consultation day by ${userId}`,
    createdAt: at(date),
  });
  await p.serviceReport.createMany({
    data: rows.flatMap((r) => [
      ...SERVICE_DATES.map((d) => report(r.speaker, r.key, d)),
      ...r.others.map((u) => report(u, r.key, "05-12")),
    ]),
  });
  await p.practicalProject.createMany({
    data: rows.flatMap((r) => [
      {
        year: y,
        title: `${r.key}: community garden`,
        serves: "Residents",
        branchKey: r.key,
        leadUserId: r.speaker,
        goal: "A garden for the residents",
        beneficiaries: 120,
        status: "DONE" as const,
        channel: "C0COMMITTEE",
        ts: `${at("10-15").getTime() / 1000 + r.b}.000300`,
        requestedAt: at("10-12"),
        confirmedBy: "U0CHAIR",
        confirmedAt: at("10-15"),
        createdBy: "U0CHAIR",
        createdAt: at("02-01"),
      },
      {
        year: y,
        title: `${r.key}: elder care visits`,
        serves: "Elderly residents",
        branchKey: r.key,
        leadUserId: r.speaker,
        goal: "Weekly visits",
        beneficiaries: 40,
        status: "ACTIVE" as const,
        createdBy: "U0CHAIR",
        createdAt: at("02-01"),
      },
    ]),
  });
  const round = await p.inspectionRound.create({
    data: {
      key: `${y}-06-mutual`,
      kind: "mutual",
      period: `${y}-06`,
      opensOn: `${y}-06-01`,
      closesOn: `${y}-06-30`,
      checklist: [
        { key: "meetings", maxScore: 30 },
        { key: "theme-day", maxScore: 20 },
        { key: "dues", maxScore: 20 },
        { key: "study", maxScore: 30 },
      ],
      closedAt: at("07-01"),
      createdAt: at("06-01"),
    },
  });
  const assignments = await p.inspectionAssignment.createManyAndReturn({
    data: rows.map((r) => {
      const next = rows[(r.b + 1) % rows.length]!;
      const total = inspectionTotal(r.b);
      return {
        roundId: round.id,
        branchId: r.id,
        inspectorBranchId: next.id,
        state: "SUBMITTED",
        scores: { meetings: 30, "theme-day": 20, dues: 20, study: total - 70 },
        total,
        submittedBy: next.speaker,
        submittedAt: at("06-20"),
      };
    }),
    select: { id: true, branchId: true },
  });
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  await p.rectification.createMany({
    data: assignments.flatMap((a) =>
      FINDINGS.map((f, i) => {
        const owner = rowOf.get(a.branchId)?.speaker ?? "U0NOBODY";
        const verified = f.verifiedOn
          ? {
              state: "VERIFIED",
              doneText: "Done",
              reportedBy: owner,
              reportedAt: at(f.verifiedOn),
              verifiedBy: "U0CHAIR",
              verifiedAt: at(f.verifiedOn),
              verifiedOn: `${y}-${f.verifiedOn}`,
            }
          : { state: "OPEN" };
        return {
          assignmentId: a.id,
          branchId: a.branchId,
          position: i + 1,
          problem: f.problem,
          severity: "general",
          ownerId: owner,
          dueOn: `${y}-${f.dueOn}`,
          createdAt: at("06-20"),
          ...verified,
        };
      }),
    ),
  });
  const study = await p.studySession.createManyAndReturn({
    data: rows.map((r) => ({
      kind: "branch-study",
      branchId: r.id,
      topic: "Branch work regulations",
      date: `${y}-11-10`,
      startsAt: at("11-10"),
      minutes: 90,
      materials: [],
      chairUserId: r.speaker,
      createdBy: r.speaker,
      channelId: "C0STUDY",
      attendanceAt: new Date(`${y}-11-10T04:00:00Z`),
      createdAt: at("11-01"),
    })),
    select: { id: true, branchId: true },
  });
  await p.studyAttendee.createMany({
    data: study.flatMap((s) => {
      const r = rowOf.get(s.branchId ?? 0)!;
      return [
        { sessionId: s.id, userId: r.speaker, attendance: "present" },
        ...r.others.map((userId, i) => ({
          sessionId: s.id,
          userId,
          attendance: "absent",
          madeUpAt: i === 0 ? at("11-15") : null,
        })),
      ];
    }),
  });
}

/** The assessment section of an org file (YAML), appended to the example org in the tests. */
export const ASSESSMENT_YAML = `
assessment:
  partyBuildingWeight: 0.4
  draft: { month: 12, day: 20, time: "09:00" }
  contestDays: 7
  thresholds: { excellent: 90, good: 80, fair: 60 }
  indicators:
    - { key: lists-on-time, weight: 10, source: lists-on-time }
    - { key: lists-approved-first-time, weight: 10, source: lists-approved-first-time }
    - { key: list-items-done, weight: 10, source: list-items-done }
    - { key: plan-items-on-time, weight: 10, source: plan-items-on-time }
    - { key: lecture-turns-taken, weight: 5, source: lecture-turns-taken }
    - { key: lecture-sessions-held, weight: 5, source: lecture-sessions-held }
    - { key: study-attendance, weight: 5, source: study-attendance }
    - { key: service-reports, weight: 5, source: service-reports-per-member }
    - { key: practical-projects, weight: 5, source: practical-projects-done }
    - { key: inspection-scores, weight: 5, source: inspection-scores }
    - { key: rectifications-on-time, weight: 5, source: rectifications-on-time }
    - { key: review-meeting, weight: 25, manual: true, name: Review meeting }
`;

/** An org file's text with its assessment section (the examples end with one) replaced by ours. */
export function withAssessment(orgText: string): string {
  const at = orgText.indexOf("\nassessment:");
  return (at >= 0 ? orgText.slice(0, at + 1) : orgText) + ASSESSMENT_YAML;
}

/**
 * The example org (four branches, committee U0CHAIR admin, U0DEPUTY member and office
 * secretary) with the assessment section applied, its branches existing since 2025, and `year`
 * seeded; returns the branch ids in order.
 */
export async function setupAssessmentOrg(
  db: Database,
  year = 2026,
  months = 12,
  /** Keep the example org's own assessment section (every registered source) instead of ours. */
  exampleSection = false,
) {
  const { readFile } = await import("node:fs/promises");
  const { applyOrgText } = await import("../../src/services/org/apply-org.ts");
  const { offlineResolver } = await import("../../src/services/org/resolver.ts");
  const { assessmentSourcesOf, features } = await import("../../src/app/features.ts");
  const { EXAMPLE_ORG } = await import("./bot.ts");
  const example = await readFile(EXAMPLE_ORG, "utf8");
  const text = exampleSection ? example : withAssessment(example);
  const applied = await applyOrgText(db, offlineResolver, text, "org.yml", {
    actor: "test",
    source: "test",
    assessmentSources: assessmentSourcesOf(features).map((s) => s.name),
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  await db.prisma.branch.updateMany({
    data: { createdAt: new Date(`${year - 1}-01-01T00:00:00Z`) },
  });
  const branches = await db.prisma.branch.findMany({ orderBy: { id: "asc" } });
  await seedAssessmentYear(db, {
    year,
    months,
    branchIds: branches.map((b) => b.id),
    speakers: ["U0SEC1", "U0SEC2", "U0SEC3", "U0DEPUTY"],
  });
  return branches;
}

/**
 * An org record as the assessment reads it (Asia/Shanghai, en; the monthly reminder on the 1st,
 * the deadline on the 5th, as-is working days) with `settings` beside the schedules: the draft's
 * and the sources' tests on hand-made records.
 */
export function assessmentOrgRecord(settings: Record<string, unknown>, firstAppliedAt: string) {
  return {
    name: "Test",
    timezone: "Asia/Shanghai",
    locale: "en" as const,
    committeeChannel: "C0COMMITTEE",
    settings: {
      schedules: {
        monthlyReminder: { day: 1, time: "09:00" },
        followUps: [],
        deadline: { day: 5, time: "18:00" },
        workingDays: "as-is",
        approvalReminderHours: 48,
        catchUpWindowHours: 24,
      },
      ...settings,
    } as never,
    orgFileHash: null,
    firstAppliedAt: new Date(firstAppliedAt),
  };
}
