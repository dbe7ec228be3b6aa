/**
 * Normalized study's assessment source (issue 22's Feature.assessmentSources): "study-attendance"
 * — for each branch, of the places expected at its branch study sessions held in the year (up to
 * the draft's time, within the branch's own months), how many were attended or made up. One query
 * for every branch; one evidence row per session.
 */
import { datesOfYear } from "../../domain/period.ts";
import {
  type AssessmentSource,
  branchIds,
  groupBy,
  perBranch,
  type SourceValue,
} from "../assessment/source.ts";

export const studyAttendanceSource: AssessmentSource = {
  name: "study-attendance",
  label: "study.assessment.label",
  async compute(db, scope) {
    const sessions = await db.prisma.studySession.findMany({
      where: {
        branchId: { in: branchIds(scope) },
        date: datesOfYear(scope.year),
        attendanceAt: { not: null, lte: scope.asOf },
      },
      include: { attendees: true },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    });
    const ofBranch = groupBy(sessions, (s) => s.branchId);
    return perBranch(scope, (branch): SourceValue => {
      const value: SourceValue = { achieved: 0, expected: 0, evidence: [] };
      for (const s of ofBranch.get(branch.id) ?? []) {
        const month = s.date.slice(0, 7);
        if (month < branch.from || month > branch.to) continue;
        const done = s.attendees.filter(
          (a) => a.attendance === "present" || (a.madeUpAt !== null && a.madeUpAt <= scope.asOf),
        ).length;
        value.expected += s.attendees.length;
        value.achieved += done;
        value.evidence.push({
          when: s.date,
          key: "study.assessment.evidence",
          params: { topic: s.topic, done, expected: s.attendees.length },
          ok: done === s.attendees.length,
        });
      }
      return value;
    });
  },
};
