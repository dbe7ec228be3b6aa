/** The committee's part of the Home: this month at a glance, what waits, lectures, the year. */
import { isLate, isOnTime, listDeadline } from "../../../domain/month-schedule.ts";
import { mayDecide } from "../../../domain/task-list.ts";
import type { CommitteeRows, CurrentListRow } from "../../../ports/home.ts";
import { branchState, type HomeInput, pageOf, SESSIONS_SHOWN, WAITING_PAGE_SIZE } from "./input.ts";
import {
  BRANCH_STATES,
  type BranchState,
  type CommitteeModel,
  type UpcomingSessionRow,
  type WaitingRow,
  type YearFigures,
} from "./model.ts";

const byState = <T>(make: () => T) =>
  Object.fromEntries(BRANCH_STATES.map((s) => [s, make()])) as Record<BranchState, T>;

function waitingRows(rows: CommitteeRows, input: HomeInput): WaitingRow[] {
  const names = new Map(rows.branches.map((b) => [b.id, b]));
  const own = new Set(input.viewer.secretaryOf.map((b) => b.id));
  const actor = {
    userId: input.userId,
    committeeMember: input.viewer.committeeMember,
    secretaryOf: input.viewer.secretaryOf.map((b) => b.key),
  };
  const waiting = rows.lists.filter(
    (l): l is CurrentListRow & { underReview: NonNullable<CurrentListRow["underReview"]> } =>
      l.underReview !== null && (l.state === "SUBMITTED" || l.state === "APPROVED"),
  );
  return waiting
    .map((l) => {
      const deadline = listDeadline({ dueAt: l.dueAt, period: input.period }, input.deadlineOf);
      const ownBranch = own.has(l.branchId);
      const branch = names.get(l.branchId);
      return {
        listId: l.id,
        revision: l.underReview.number,
        branchName: branch?.name ?? "?",
        isAmendment: l.underReview.isAmendment,
        submittedBy: l.underReview.submittedBy,
        submittedAt: l.underReview.submittedAt,
        late: isLate(l.firstSubmittedAt, deadline),
        ownBranch,
        canDecide:
          !ownBranch &&
          mayDecide(
            { branchKey: branch?.key ?? "", submittedBy: l.underReview.submittedBy },
            actor,
          ),
      };
    })
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.listId - b.listId);
}

/**
 * Lists due so far: the year's lists (the monthly reminder creates one per branch and month)
 * whose deadline passed or that were submitted; of them, those approved and first submitted
 * by the deadline.
 */
function yearFigures(rows: CommitteeRows, input: HomeInput): YearFigures {
  const active = new Set(rows.branches.map((b) => b.id));
  const lists = rows.year.lists
    .filter((l) => active.has(l.branchId))
    .map((l) => ({ ...l, deadline: listDeadline(l, input.deadlineOf) }));
  const due = lists.filter((l) => l.firstSubmittedAt !== null || l.deadline <= input.now);
  const onTime = due.filter(
    (l) => l.approvedRevision !== null && isOnTime(l.firstSubmittedAt, l.deadline),
  );
  return {
    year: Number(input.period.slice(0, 4)),
    listsDue: due.length,
    approvedOnTime: onTime.length,
    itemsPlanned: rows.year.itemsPlanned,
    itemsDone: rows.year.itemsDone,
    sessionsHeld: rows.year.sessionsHeld,
  };
}

export function upcomingSessions(input: HomeInput): UpcomingSessionRow[] {
  if (!input.lecture) return [];
  const stored = new Map(input.lecture.rows.sessions.map((s) => [s.date, s]));
  return input.lecture.planned.slice(0, SESSIONS_SHOWN).map((p) => {
    const s = stored.get(p.date);
    return { date: p.date, startsAt: p.startsAt, seq: s?.seq ?? null, speakers: s?.speakers ?? [] };
  });
}

export function committeeModel(rows: CommitteeRows, input: HomeInput): CommitteeModel {
  const lists = new Map(rows.lists.map((l) => [l.branchId, l]));
  const counts = byState(() => 0);
  const names = byState((): string[] => []);
  for (const b of rows.branches) {
    const state = branchState(lists.get(b.id), input.period, input);
    counts[state] += 1;
    names[state].push(b.name);
  }
  return {
    period: input.period,
    branchCount: rows.branches.length,
    counts,
    names,
    waiting: pageOf(waitingRows(rows, input), input.pages.waiting, WAITING_PAGE_SIZE),
    sessions: upcomingSessions(input),
    year: yearFigures(rows, input),
  };
}
