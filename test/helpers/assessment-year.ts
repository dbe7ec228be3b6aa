/**
 * A simulated year of records for the annual assessment (issue 22): per branch twelve monthly
 * lists (some late, some returned once, one missing), items done and not done, lecture sessions
 * with the roster's speakers (one not held). Bulk inserts: a fixed number of statements whatever
 * the number of branches, so the 300-branch bench seeds as fast as the e2e's four.
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
}

/** The assessment section of an org file (YAML), appended to the example org in the tests. */
export const ASSESSMENT_YAML = `
assessment:
  partyBuildingWeight: 0.4
  draft: { month: 12, day: 20, time: "09:00" }
  contestDays: 7
  thresholds: { excellent: 90, good: 80, fair: 60 }
  indicators:
    - { key: lists-on-time, weight: 15, source: lists-on-time }
    - { key: lists-approved-first-time, weight: 15, source: lists-approved-first-time }
    - { key: list-items-done, weight: 20, source: list-items-done }
    - { key: lecture-turns-taken, weight: 10, source: lecture-turns-taken }
    - { key: lecture-sessions-held, weight: 10, source: lecture-sessions-held }
    - { key: review-meeting, weight: 30, manual: true, name: Review meeting }
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
