/**
 * Inspections' assessment sources (issue 22's Feature.assessmentSources), each one query for
 * every branch, within each branch's own months of the year and up to the draft's time:
 * - "inspection-scores": points scored out of the checklists' maximum, over the branch's
 *   submitted inspections (one evidence row per inspection);
 * - "rectifications-on-time": of the branch's rectification items due so far, how many were
 *   verified by their due date (one evidence row per item: closed on time, closed late by how
 *   many of the org's working days, or not closed).
 */
import { workingDaysLate } from "../../domain/assessment.ts";
import { isWorkingDay } from "../../domain/calendar.ts";
import { checklistMax } from "../../domain/inspection-round.ts";
import { localDateOf } from "../../domain/period.ts";
import type { AssessmentSource, SourceValue } from "../assessment/source.ts";
import { itemsOf } from "./views.ts";

const empty = (): SourceValue => ({ achieved: 0, expected: 0, evidence: [] });

export const inspectionScoresSource: AssessmentSource = {
  name: "inspection-scores",
  label: "inspections.assessment.scores",
  async compute(db, scope) {
    const byId = new Map(scope.branches.map((b) => [b.id, b]));
    const rows = await db.prisma.inspectionAssignment.findMany({
      where: {
        branchId: { in: [...byId.keys()] },
        state: "SUBMITTED",
        submittedAt: { lte: scope.asOf },
        round: { period: { gte: `${scope.year}-01`, lte: `${scope.year}-12` } },
      },
      include: { round: true },
      orderBy: [{ round: { period: "asc" } }, { id: "asc" }],
    });
    const values = new Map<string, SourceValue>();
    for (const a of rows) {
      const branch = byId.get(a.branchId);
      if (!branch || a.round.period < branch.from || a.round.period > branch.to) continue;
      const value = values.get(branch.key) ?? empty();
      const max = checklistMax(itemsOf(a.round.checklist));
      const total = a.total ?? 0;
      value.expected += max;
      value.achieved += total;
      value.evidence.push({
        when: a.round.period,
        key: `inspections.assessment.scoreEvidence.${a.round.kind}`,
        params: { total, max },
        ok: total >= max,
      });
      values.set(branch.key, value);
    }
    return values;
  },
};

export const rectificationsOnTimeSource: AssessmentSource = {
  name: "rectifications-on-time",
  label: "inspections.assessment.onTime",
  async compute(db, scope) {
    const byId = new Map(scope.branches.map((b) => [b.id, b]));
    const today = localDateOf(scope.asOf, scope.timezone);
    const last = today < `${scope.year}-12-31` ? today : `${scope.year}-12-31`;
    const items = await db.prisma.rectification.findMany({
      where: {
        branchId: { in: [...byId.keys()] },
        dueOn: { gte: `${scope.year}-01-01`, lte: last },
        // A finding removed by an amendment is no longer owed.
        state: { not: "CANCELLED" },
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    });
    const working = (d: string) => isWorkingDay(scope.calendar, d);
    const values = new Map<string, SourceValue>();
    for (const item of items) {
      const branch = byId.get(item.branchId);
      const month = item.dueOn.slice(0, 7);
      if (!branch || month < branch.from || month > branch.to) continue;
      const value = values.get(branch.key) ?? empty();
      const closedOn =
        item.state === "VERIFIED" && item.verifiedAt !== null && item.verifiedAt <= scope.asOf
          ? item.verifiedOn
          : null;
      const onTime = closedOn !== null && closedOn <= item.dueOn;
      value.expected += 1;
      if (onTime) value.achieved += 1;
      const params = { problem: item.problem, due: item.dueOn };
      value.evidence.push({
        when: item.dueOn,
        ...(closedOn === null
          ? { key: "inspections.assessment.itemOpen", params }
          : onTime
            ? { key: "inspections.assessment.itemOnTime", params: { ...params, closed: closedOn } }
            : {
                key: "inspections.assessment.itemLate",
                params: {
                  ...params,
                  closed: closedOn,
                  days: workingDaysLate(item.dueOn, closedOn, working),
                },
              }),
        ok: onTime,
      });
      values.set(branch.key, value);
    }
    return values;
  },
};
