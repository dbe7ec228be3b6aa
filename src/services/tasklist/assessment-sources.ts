/**
 * The round trip's assessment sources (issue 22): lists submitted on time, lists approved at
 * first submission, items of the approved lists done. One query each, over all branches.
 */
import {
  approvedItemsOfYear,
  listsOfYear,
  returnedListIds,
} from "../../db/repositories/assessment-records.ts";
import { monthsFromTo, workingDaysLate } from "../../domain/assessment.ts";
import { isWorkingDay } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import { isOnTime, listDeadline, monthSchedule } from "../../domain/month-schedule.ts";
import {
  type AssessmentScope,
  type AssessmentSource,
  branchIds,
  type EvidenceRow,
  groupBy,
  linked,
  messageLink,
  perBranchOf,
  tally,
} from "../assessment/source.ts";
import { scheduleOf } from "./org.ts";

/**
 * The months of a branch whose submission deadline had passed at the scope's asOf. Every branch
 * shares the org's schedule, so each month's deadline is computed once per draft, not per branch.
 */
function dueMonthsOf(scope: AssessmentScope) {
  const { schedule, calendar } = scheduleOf(scope.settings, scope.timezone);
  const deadlines = new Map<string, Date>();
  const deadlineOf = (period: string) => {
    let at = deadlines.get(period);
    if (!at) {
      at = monthSchedule(schedule, calendar, period).deadline.at;
      deadlines.set(period, at);
    }
    return at;
  };
  return (from: string, to: string) => ({
    deadlineOf,
    months: monthsFromTo(from, to).filter((p) => deadlineOf(p).getTime() <= scope.asOf.getTime()),
  });
}

export const listsOnTime: AssessmentSource = {
  name: "lists-on-time",
  label: "assessment.source.listsOnTime",
  async compute(db, scope) {
    const lists = await listsOfYear(db, branchIds(scope), scope.year);
    const working = (d: string) => isWorkingDay(scope.calendar, d);
    const dueMonths = dueMonthsOf(scope);
    return perBranchOf(
      scope,
      lists,
      (l) => l.branchId,
      (b, ofBranch) => {
        const { months, deadlineOf } = dueMonths(b.from, b.to);
        const ofMonth = new Map(ofBranch.map((l) => [l.period, l]));
        const evidence = months.map((period): EvidenceRow => {
          const list = ofMonth.get(period);
          const link = messageLink(list?.committeeChannel, list?.committeeTs);
          const submitted =
            list?.firstSubmittedAt && list.firstSubmittedAt.getTime() <= scope.asOf.getTime()
              ? list.firstSubmittedAt
              : null;
          if (!list || !submitted) {
            return {
              when: period,
              key: "assessment.evidence.listMissing",
              params: { period },
              ok: false,
            };
          }
          const deadline = listDeadline(list, deadlineOf);
          if (isOnTime(submitted, deadline)) {
            return linked(
              { when: period, key: "assessment.evidence.listOnTime", params: { period }, ok: true },
              link,
            );
          }
          const days = workingDaysLate(
            localDateOf(deadline, scope.timezone),
            localDateOf(submitted, scope.timezone),
            working,
          );
          return linked(
            {
              when: period,
              key: "assessment.evidence.listLate",
              params: { period, days },
              ok: false,
            },
            link,
          );
        });
        return tally(evidence); // one row a due month
      },
    );
  },
};

export const listsApprovedFirstTime: AssessmentSource = {
  name: "lists-approved-first-time",
  label: "assessment.source.listsApprovedFirstTime",
  async compute(db, scope) {
    const ids = branchIds(scope);
    const [lists, returned] = await Promise.all([
      listsOfYear(db, ids, scope.year),
      returnedListIds(db, ids, scope.year),
    ]);
    return perBranchOf(
      scope,
      lists,
      (l) => l.branchId,
      (b, ofBranch) => {
        const approved = ofBranch.filter(
          (l) =>
            l.period >= b.from &&
            l.period <= b.to &&
            l.approvedAt !== null &&
            l.approvedAt.getTime() <= scope.asOf.getTime(),
        );
        return tally(
          approved.map((l) => {
            const first = !returned.has(l.id);
            const key = first
              ? "assessment.evidence.approvedFirstTime"
              : "assessment.evidence.returnedFirst";
            const row = { when: l.period, key, params: { period: l.period }, ok: first };
            return linked(row, messageLink(l.committeeChannel, l.committeeTs));
          }),
        );
      },
    );
  },
};

export const listItemsDone: AssessmentSource = {
  name: "list-items-done",
  label: "assessment.source.listItemsDone",
  async compute(db, scope) {
    const items = await approvedItemsOfYear(db, branchIds(scope), scope.year);
    return perBranchOf(
      scope,
      items,
      (i) => i.revision.list.branchId,
      (b, ofBranch) => {
        const counted = ofBranch.filter(
          (i) => i.revision.list.period >= b.from && i.revision.list.period <= b.to,
        );
        const done = (i: (typeof counted)[number]) =>
          i.status === "DONE" && (i.doneAt === null || i.doneAt.getTime() <= scope.asOf.getTime());
        // Evidence: each month's count, and every item not done by name.
        const evidence: EvidenceRow[] = [];
        for (const [period, ofMonth] of groupBy(counted, (i) => i.revision.list.period)) {
          const n = ofMonth.filter(done).length;
          evidence.push({
            when: period,
            key: "assessment.evidence.itemsDone",
            params: { period, done: n, total: ofMonth.length },
            ok: n === ofMonth.length,
          });
          for (const i of ofMonth.filter((x) => !done(x))) {
            evidence.push({
              when: period,
              key: "assessment.evidence.itemNotDone",
              params: { period, title: i.title },
              ok: false,
            });
          }
        }
        return { achieved: counted.filter(done).length, expected: counted.length, evidence };
      },
    );
  },
};

export const tasklistAssessmentSources = [listsOnTime, listsApprovedFirstTime, listItemsDone];
