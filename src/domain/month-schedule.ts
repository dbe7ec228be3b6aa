/**
 * The monthly round-trip's fire times: reminder, follow-ups, deadline and month-end summary, as
 * wall-clock times in the org's zone moved to the next working day unless configured "as-is".
 */
import {
  type CalendarSettings,
  type DayInfo,
  describeDay,
  type LocalDate,
  onOrNextWorkingDay,
} from "./calendar.ts";
import { addMonths, dayOfPeriod, type Period, periodOf, zonedTime } from "./period.ts";

export interface DayTime {
  /** Day of the month, 1–31; clamped to the month's last day. */
  day: number;
  /** "HH:mm", wall clock in the org's zone. */
  time: string;
}

export interface ScheduleSettings {
  monthlyReminder: DayTime;
  followUps: readonly DayTime[];
  deadline: DayTime;
  workingDays?: "next-working-day" | "as-is";
  /** Remind the committee of a list waiting for a decision longer than this. Default 48. */
  approvalReminderHours?: number;
  /** When the month's summary goes to the committee, as a day of the *next* month. Default:
   * with the next month's reminder. */
  monthEndSummary?: DayTime;
}

export const DEFAULT_APPROVAL_REMINDER_HOURS = 48;

export interface FireTime {
  at: Date;
  /** Local date and time it fires at. */
  date: LocalDate;
  time: string;
  /** The configured date before moving off a weekend or holiday. */
  scheduledDate: LocalDate;
  moved: boolean;
  /** Why it moved: the scheduled day's description (weekend / holiday and its name). */
  movedBecause?: DayInfo;
  /** A follow-up that, once moved, would not come after the reminder: it does not fire. */
  skipped?: boolean;
}

export interface MonthSchedule {
  period: Period;
  reminder: FireTime;
  followUps: FireTime[];
  deadline: FireTime;
  /** The summary of this month, sent early in the next one. */
  monthEndSummary: FireTime;
}

export type MonthJob =
  | "monthly-reminder"
  | "submission-followup"
  | "submission-deadline"
  | "month-end-summary";
export const MONTH_JOBS: readonly MonthJob[] = [
  "monthly-reminder",
  "submission-followup",
  "submission-deadline",
  "month-end-summary",
];

export interface Occurrence {
  job: MonthJob;
  period: Period;
  /** Which follow-up (0-based); only for "submission-followup". */
  index?: number;
  fire: FireTime;
}

export function fireTime(
  settings: Pick<ScheduleSettings, "workingDays">,
  calendar: CalendarSettings,
  period: Period,
  dayTime: DayTime,
): FireTime {
  const scheduledDate = dayOfPeriod(period, dayTime.day);
  const date =
    settings.workingDays === "as-is" ? scheduledDate : onOrNextWorkingDay(calendar, scheduledDate);
  const moved = date !== scheduledDate;
  const fire: FireTime = {
    at: zonedTime(date, dayTime.time, calendar.timezone),
    date,
    time: dayTime.time,
    scheduledDate,
    moved,
  };
  if (moved) fire.movedBecause = describeDay(calendar, scheduledDate);
  return fire;
}

export function monthSchedule(
  settings: ScheduleSettings,
  calendar: CalendarSettings,
  period: Period,
): MonthSchedule {
  const at = (p: Period, dt: DayTime) => fireTime(settings, calendar, p, dt);
  const reminder = at(period, settings.monthlyReminder);
  const followUp = (dt: DayTime): FireTime => {
    const fire = at(period, dt);
    return fire.at <= reminder.at ? { ...fire, skipped: true } : fire;
  };
  return {
    period,
    reminder,
    followUps: settings.followUps.map(followUp),
    deadline: at(period, settings.deadline),
    monthEndSummary: at(addMonths(period, 1), settings.monthEndSummary ?? settings.monthlyReminder),
  };
}

export function occurrencesOf(schedule: MonthSchedule): Occurrence[] {
  const { period } = schedule;
  return [
    { job: "monthly-reminder" as const, period, fire: schedule.reminder },
    ...schedule.followUps.flatMap((fire, index) =>
      fire.skipped ? [] : [{ job: "submission-followup" as const, period, index, fire }],
    ),
    { job: "submission-deadline" as const, period, fire: schedule.deadline },
    { job: "month-end-summary" as const, period, fire: schedule.monthEndSummary },
  ];
}

/** The key a run is recorded under: the same occurrence runs once however it was fired. */
export function occurrenceKey(o: Pick<Occurrence, "job" | "period" | "index">): string {
  return o.index === undefined ? `${o.job}:${o.period}` : `${o.job}:${o.period}#${o.index}`;
}

function periodsAround(from: Date, to: Date, tz: string): Period[] {
  const first = addMonths(periodOf(from, tz), -2);
  const last = addMonths(periodOf(to, tz), 1);
  const out: Period[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** Every fire time `from ≤ at < to`, in time order (for `jobs list` and catch-up); at the same
 * instant an older month's occurrence comes first. */
export function occurrencesBetween(
  settings: ScheduleSettings,
  calendar: CalendarSettings,
  from: Date,
  to: Date,
): Occurrence[] {
  return periodsAround(from, to, calendar.timezone)
    .flatMap((p) => occurrencesOf(monthSchedule(settings, calendar, p)))
    .filter((o) => o.fire.at >= from && o.fire.at < to)
    .sort(
      (a, b) =>
        a.fire.at.getTime() - b.fire.at.getTime() ||
        a.period.localeCompare(b.period) ||
        MONTH_JOBS.indexOf(a.job) - MONTH_JOBS.indexOf(b.job),
    );
}

/**
 * Which occurrence a run of `job` at `now` is for: the one whose fire time is the latest ≤ now.
 * `undefined` when the job has not fired yet in the months around `now`.
 */
export function periodForRun(
  settings: ScheduleSettings,
  calendar: CalendarSettings,
  job: MonthJob,
  now: Date,
): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const p of periodsAround(now, now, calendar.timezone)) {
    for (const o of occurrencesOf(monthSchedule(settings, calendar, p))) {
      if (o.job !== job || o.fire.at > now) continue;
      if (!best || o.fire.at >= best.fire.at) best = o;
    }
  }
  return best;
}

/**
 * A list's submission deadline: the one stored with it when the reminder created it, else the
 * one the schedule gives its month (`scheduled`, asked only when needed).
 */
export function listDeadline(
  list: { dueAt: Date | null; period: string },
  scheduled: (period: string) => Date,
): Date {
  return list.dueAt ?? scheduled(list.period);
}

/** Whether a list submitted first at `firstSubmittedAt` met the month's deadline. */
export function isOnTime(firstSubmittedAt: Date | null | undefined, deadlineAt: Date): boolean {
  return firstSubmittedAt != null && firstSubmittedAt.getTime() <= deadlineAt.getTime();
}

/** Whether a list was submitted, but first after the month's deadline. */
export function isLate(firstSubmittedAt: Date | null | undefined, deadlineAt: Date): boolean {
  return firstSubmittedAt != null && !isOnTime(firstSubmittedAt, deadlineAt);
}

/** Whether a list not submitted by `now` is overdue (its deadline has passed). */
export const isOverdue = (deadlineAt: Date, now: Date): boolean =>
  deadlineAt.getTime() < now.getTime();

/**
 * Whether the committee should be reminded of a list waiting since `waitingSince`: waiting
 * longer than the threshold, and not reminded within the last threshold either.
 */
export function approvalReminderDue(
  settings: Pick<ScheduleSettings, "approvalReminderHours">,
  waitingSince: Date,
  lastRemindedAt: Date | null | undefined,
  now: Date,
): boolean {
  const ms = (settings.approvalReminderHours ?? DEFAULT_APPROVAL_REMINDER_HOURS) * 3600_000;
  if (now.getTime() - waitingSince.getTime() < ms) return false;
  return lastRemindedAt == null || now.getTime() - lastRemindedAt.getTime() >= ms;
}
