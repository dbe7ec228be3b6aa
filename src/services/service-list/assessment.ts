/**
 * The service list's assessment sources (issue 22's Feature.assessmentSources), each one query
 * set for every branch, folded in memory by the pure functions below:
 * - "service-reports-per-member": for each branch, every member and every quarter of the
 *   branch's months up to the draft is one report expected (the quarter's nudge asks for as
 *   much); a member-quarter with at least one report counts. Evidence: each report (who, when,
 *   where, hours) and each member-quarter without one.
 * - "practical-projects-done": the year's practical projects led by the branch, and of them the
 *   ones confirmed done by the draft (four eyes). Evidence: each project by name.
 */

import { branchMembers } from "../../db/repositories/service-list.ts";
import { datesOfYear } from "../../domain/period.ts";
import { quarterOf } from "../../domain/report-period.ts";
import type {
  AssessmentScope,
  AssessmentSource,
  BranchScope,
  EvidenceRow,
  SourceValue,
} from "../assessment/source.ts";
import { groupBy, linked, messageLink, perBranch, tally } from "../assessment/source.ts";

export interface ReportRecord {
  id: number;
  userId: string;
  branchKey: string;
  date: string;
  community: string;
  centiHours: number;
  what: string;
}

/** The quarters a branch's counted months touch: "2026-Q1" … */
function quartersOf(branch: Pick<BranchScope, "from" | "to">): string[] {
  const quarters = new Set<string>();
  const [fromYear, fromMonth] = branch.from.split("-").map(Number);
  const [toYear, toMonth] = branch.to.split("-").map(Number);
  if (fromYear === undefined || fromMonth === undefined || toMonth === undefined) return [];
  if (fromYear !== toYear) return [];
  for (let m = fromMonth; m <= toMonth; m++) {
    quarters.add(quarterOf(`${fromYear}-${String(m).padStart(2, "0")}`));
  }
  return [...quarters];
}

/** Reports per member, a quarter at a time, for every scope branch (pure). */
export function reportsPerMember(
  scope: Pick<AssessmentScope, "branches">,
  members: ReadonlyMap<string, readonly string[]>,
  reports: readonly ReportRecord[],
): Map<string, SourceValue> {
  const byBranch = groupBy(reports, (r) => r.branchKey);
  return perBranch(scope as AssessmentScope, (b) => {
    const people = new Set(members.get(b.key) ?? []);
    const quarters = quartersOf(b);
    const mine = (byBranch.get(b.key) ?? []).filter((r) => {
      const month = r.date.slice(0, 7);
      return people.has(r.userId) && month >= b.from && month <= b.to;
    });
    const reported = new Set(mine.map((r) => `${r.userId} ${quarterOf(r.date.slice(0, 7))}`));
    const evidence: EvidenceRow[] = mine.map((r) => ({
      when: r.date,
      key: "serviceList.assessment.report",
      params: {
        who: r.userId,
        date: r.date,
        community: r.community,
        hours: r.centiHours / 100,
        what: r.what.length > 100 ? `${r.what.slice(0, 99)}…` : r.what,
      },
      ok: true,
    }));
    let achieved = 0;
    for (const q of quarters) {
      for (const who of people) {
        if (reported.has(`${who} ${q}`)) achieved++;
        else
          evidence.push({
            when: q,
            key: "serviceList.assessment.noReport",
            params: { who, quarter: q },
            ok: false,
          });
      }
    }
    evidence.sort((x, y) => x.when.localeCompare(y.when));
    return { achieved, expected: quarters.length * people.size, evidence };
  });
}

export interface ProjectRecord {
  id: number;
  title: string;
  branchKey: string;
  status: string;
  beneficiaries: number;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  channel: string | null;
  ts: string | null;
}

/** The branch's projects of the year confirmed done by the draft (pure). */
export function projectsDone(
  scope: Pick<AssessmentScope, "branches" | "asOf" | "year">,
  projects: readonly ProjectRecord[],
): Map<string, SourceValue> {
  const byBranch = groupBy(projects, (p) => p.branchKey);
  return perBranch(scope as AssessmentScope, (b) =>
    tally(
      (byBranch.get(b.key) ?? []).map((p) => {
        const done = p.status === "DONE" && p.confirmedAt !== null && p.confirmedAt <= scope.asOf;
        return linked(
          {
            when:
              done && p.confirmedAt ? p.confirmedAt.toISOString().slice(0, 10) : `${scope.year}-12`,
            key: done ? "serviceList.assessment.projectDone" : "serviceList.assessment.projectOpen",
            params: {
              title: p.title,
              beneficiaries: p.beneficiaries,
              by: p.confirmedBy ?? "",
            },
            ok: done,
          },
          messageLink(p.channel, p.ts),
        );
      }),
    ),
  );
}

export const serviceReportsPerMemberSource: AssessmentSource = {
  name: "service-reports-per-member",
  label: "serviceList.assessment.perMember",
  async compute(db, scope) {
    const keys = scope.branches.map((b) => b.key);
    const [branches, reports] = await Promise.all([
      branchMembers(db.prisma, keys),
      db.prisma.serviceReport.findMany({
        where: {
          branchKey: { in: keys },
          date: datesOfYear(scope.year),
          createdAt: { lte: scope.asOf },
        },
        orderBy: [{ date: "asc" }, { id: "asc" }],
      }),
    ]);
    return reportsPerMember(scope, new Map(branches.map((b) => [b.key, b.members])), reports);
  },
};

export const practicalProjectsDoneSource: AssessmentSource = {
  name: "practical-projects-done",
  label: "serviceList.assessment.projects",
  async compute(db, scope) {
    const projects = await db.prisma.practicalProject.findMany({
      where: {
        year: scope.year,
        branchKey: { in: scope.branches.map((b) => b.key) },
        createdAt: { lte: scope.asOf },
      },
      orderBy: { id: "asc" },
    });
    return projectsDone(scope, projects);
  },
};
