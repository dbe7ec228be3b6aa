/**
 * The annual plans' contribution to the annual assessment: "plan-items-on-time", for each
 * branch the items of its plans in force due by the draft (their target month or quarter ended)
 * and how many of them were done by the end of their target (a late one says by how many of the
 * org's working days). One query for every branch.
 */
import { plansOfYear } from "../../db/repositories/annual-plan.ts";
import { dateOf, parseTarget, targetEndMonth } from "../../domain/annual-plan.ts";
import { workingDaysLate } from "../../domain/assessment.ts";
import { isWorkingDay } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/period.ts";
import { revisionOf } from "../../domain/task-list.ts";
import type { AssessmentSource, EvidenceRow, SourceValue } from "../assessment/source.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export const planItemsOnTime: AssessmentSource = {
  name: "plan-items-on-time",
  label: "annualPlans.assessment.onTime",
  async compute(db, scope) {
    const plans = await plansOfYear(db, scope.year);
    const today = localDateOf(scope.asOf, scope.timezone);
    const out = new Map<string, SourceValue>();
    const inScope = new Map(scope.branches.map((b) => [b.key, b]));
    const working = (d: string) => isWorkingDay(scope.calendar, d);
    for (const plan of plans) {
      if (!inScope.has(plan.branch.key)) continue;
      const value = out.get(plan.branch.key) ?? { achieved: 0, expected: 0, evidence: [] };
      out.set(plan.branch.key, value);
      for (const item of revisionOf(plan, plan.approvedRevision)?.items ?? []) {
        const target = parseTarget(item.target);
        if (!target) continue;
        const end = dateOf(scope.year, targetEndMonth(target), 31);
        const doneBy =
          item.doneAt && item.doneAt <= scope.asOf
            ? localDateOf(item.doneAt, scope.timezone)
            : null;
        if (end >= today && !doneBy) continue; // not due yet, not done yet
        const onTime = doneBy !== null && doneBy <= end;
        value.expected += 1;
        if (onTime) value.achieved += 1;
        const row: EvidenceRow = {
          when: `${scope.year}-${pad(targetEndMonth(target))}`,
          key: onTime
            ? "annualPlans.assessment.done"
            : doneBy
              ? "annualPlans.assessment.late"
              : "annualPlans.assessment.open",
          params: {
            title: item.title,
            date: doneBy ?? "",
            ...(doneBy && !onTime ? { days: workingDaysLate(end, doneBy, working) } : {}),
          },
          ok: onTime,
        };
        value.evidence.push(row);
      }
    }
    for (const v of out.values()) v.evidence.sort((a, b) => a.when.localeCompare(b.when));
    return out;
  },
};
