/**
 * A quarter's tracking of the year's plans: which items it covers (targeted in the quarter, or
 * moved out of it by the quarter's answer), where each stands (done, in progress, overdue, and
 * whether an overdue one has its reason), a branch's summary and the committee's rows, and when
 * the branches that have not answered are followed up. Pure: time is an argument.
 */
import {
  type PlanSettings,
  type PlanTarget,
  type QuarterRef,
  quarterKey,
  standingOf,
  targetQuarter,
  trackingFire,
} from "./annual-plan.ts";
import { addDays, isWorkingDay, type LocalDate } from "./calendar.ts";
import { percentOf } from "./percent.ts";
import { zonedTime } from "./period.ts";

export interface QuarterItem {
  id: number;
  status: "OPEN" | "DONE";
  target: PlanTarget;
  /** The reason and new date given in this quarter's tracking, if any. */
  answer: { reason: string; date: string } | null;
}

export interface QuarterSplit<T extends QuarterItem> {
  done: T[];
  inProgress: T[];
  /** Overdue at the end of the quarter: answered (moved, with a reason) or still missing one. */
  overdue: T[];
  missing: T[];
}

/**
 * The items a quarter's tracking covers, split: an item counts in the quarter it targets, or
 * in the quarter whose tracking moved it (its answer); overdue once its target ended by `today`.
 */
export function splitQuarter<T extends QuarterItem>(
  items: readonly T[],
  ref: QuarterRef,
  today: LocalDate,
): QuarterSplit<T> {
  const split: QuarterSplit<T> = { done: [], inProgress: [], overdue: [], missing: [] };
  for (const item of items) {
    if (item.answer) {
      if (item.status === "DONE") split.done.push(item);
      else split.overdue.push(item);
      continue;
    }
    if (targetQuarter(item.target) !== ref.quarter) continue;
    const standing = standingOf(item, ref.year, today);
    if (standing === "done") split.done.push(item);
    else if (standing === "in-progress") split.inProgress.push(item);
    else {
      split.overdue.push(item);
      split.missing.push(item);
    }
  }
  return split;
}

export interface QuarterRow {
  total: number;
  done: number;
  /** Whole percent of the items done (0 with no item). */
  percent: number;
  overdue: number;
  missing: number;
}

export function quarterRow(split: QuarterSplit<QuarterItem>): QuarterRow {
  const total = split.done.length + split.inProgress.length + split.overdue.length;
  return {
    total,
    done: split.done.length,
    percent: percentOf(split.done.length, total) ?? 0,
    overdue: split.overdue.length,
    missing: split.missing.length,
  };
}

/** The committee's totals over every branch's row. */
export function quarterTotals(rows: readonly QuarterRow[]): QuarterRow {
  const sum = (f: (r: QuarterRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const total = sum((r) => r.total);
  const done = sum((r) => r.done);
  return {
    total,
    done,
    percent: percentOf(done, total) ?? 0,
    overdue: sum((r) => r.overdue),
    missing: sum((r) => r.missing),
  };
}

/** Working days after the tracking when branches that have not answered are followed up. */
export const QUARTER_FOLLOW_UP_WORKING_DAYS = 3;

/** The working day `n` working days after `date`. */
export function workingDaysAfter(
  settings: PlanSettings["calendar"],
  date: LocalDate,
  n: number,
): LocalDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(settings, day)) left -= 1;
  }
  return day;
}

/** The follow-up of a quarter's tracking (`quarter-tracking-followup`, keyed "YYYY-Qn#1"). */
export function followUpFire(s: PlanSettings, ref: QuarterRef): { at: Date; date: LocalDate } {
  const tracking = trackingFire(s, ref.year, ref.quarter);
  const date = workingDaysAfter(s.calendar, tracking.date, QUARTER_FOLLOW_UP_WORKING_DAYS);
  return { at: zonedTime(date, s.schedule.trackingTime, s.calendar.timezone), date };
}

export interface FollowUpOccurrence {
  key: string;
  fireAt: Date;
}

function followUpsOfYear(s: PlanSettings, year: number): FollowUpOccurrence[] {
  return [1, 2, 3, 4].map((quarter) => ({
    key: `${quarterKey({ year, quarter })}#1`,
    fireAt: followUpFire(s, { year, quarter }).at,
  }));
}

/** The follow-ups with `from < fireAt <= to`, in time order. */
export function followUpsBetween(s: PlanSettings, from: Date, to: Date): FollowUpOccurrence[] {
  const out: FollowUpOccurrence[] = [];
  for (let y = from.getUTCFullYear() - 1; y <= to.getUTCFullYear() + 1; y++)
    out.push(...followUpsOfYear(s, y));
  return out
    .filter((o) => o.fireAt > from && o.fireAt <= to)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** The follow-up a run at `at` is for: the latest fired by then, or null. */
export function followUpFor(s: PlanSettings, at: Date): FollowUpOccurrence | null {
  const y = at.getUTCFullYear();
  const fired = [y - 1, y, y + 1]
    .flatMap((year) => followUpsOfYear(s, year))
    .filter((o) => o.fireAt <= at)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  return fired.at(-1) ?? null;
}
