/**
 * The lecture hall's session dates and the times around them (channel notice, speaker DMs).
 * Pure: `now` and ranges come in as arguments; all times are wall-clock times in the org zone,
 * turned into UTC instants per date, so they stay at the same local time across DST.
 */
import chineseDays from "chinese-days";
import {
  addDays,
  type CalendarSettings,
  describeDay,
  hasOfficialData,
  isWorkingDay,
  type LocalDate,
  usesChineseStatutoryCalendar,
} from "./calendar.ts";
import {
  dayOfWeek,
  localDateOf,
  mondayOf,
  WEEKDAYS,
  type Weekday,
  zonedInstant,
} from "./lecture-time.ts";

export type HolidayPolicy = "skip" | "next-working-day";

/** The timing part of the org file's `lectureHall` section. */
export interface LectureHallTiming {
  weekday: Weekday;
  /** "HH:MM", local time in the org zone. */
  time: string;
  noticeDaysBefore: number;
  skipPublicHolidays: boolean;
  /** What happens to a session falling on a public holiday (default: skip). */
  holidayPolicy?: HolidayPolicy;
}

export interface ScheduleContext {
  timing: LectureHallTiming;
  /** The org's calendar settings; `timezone` is the org zone. */
  calendar: CalendarSettings;
}

export interface HolidayName {
  en: string;
  zh: string;
}

export type SkipReason =
  | { kind: "public-holiday"; holiday?: HolidayName }
  | { kind: "org-holiday" };

export interface ScheduledSession {
  /** The day it takes place (after any move); for a skipped session the planned day. */
  date: LocalDate;
  /** The series' regular day for this week. */
  plannedDate: LocalDate;
  /** Set when a public holiday moved the session to a later working day of the same week. */
  movedFrom?: LocalDate;
  movedReason?: SkipReason;
  /** Set when no session is held that week. */
  skippedReason?: SkipReason;
  startsAt: Date;
  /** The channel notice: `noticeDaysBefore` days before, at the session's time of day. */
  noticeAt: Date;
  /** Speaker DMs: a week ahead and the day before, at the session's time of day. */
  weekAheadAt: Date;
  dayBeforeAt: Date;
}

/** Sessions that take place (not skipped), in date order. */
export function heldSessions(sessions: readonly ScheduledSession[]): ScheduledSession[] {
  return sessions.filter((s) => !s.skippedReason);
}

export type FireKind = "notice" | "week-ahead" | "day-before";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Sessions whose planned (regular) day lies in [from, to], skipped ones included. */
export function sessionsBetween(
  ctx: ScheduleContext,
  from: LocalDate,
  to: LocalDate,
): ScheduledSession[] {
  const sessions: ScheduledSession[] = [];
  for (let day = firstPlannedOnOrAfter(ctx, from); day <= to; day = addDays(day, 7)) {
    sessions.push(sessionPlannedOn(ctx, day));
  }
  return sessions;
}

/** The session of the week whose regular day is `plannedDate`. */
export function sessionPlannedOn(ctx: ScheduleContext, plannedDate: LocalDate): ScheduledSession {
  const holiday = holidayOn(ctx, plannedDate);
  const moved =
    holiday?.kind === "public-holiday" && ctx.timing.holidayPolicy === "next-working-day"
      ? nextWorkingDayInWeek(ctx, plannedDate)
      : null;
  const date = moved ?? plannedDate;
  return {
    date,
    plannedDate,
    ...(holiday && moved ? { movedFrom: plannedDate, movedReason: holiday } : {}),
    ...(holiday && !moved ? { skippedReason: holiday } : {}),
    ...timesFor(ctx, date),
  };
}

/**
 * The session a run of `kind` at `now` is for: the held session whose fire time of that kind is
 * the latest one at or before `now`, no more than a week before it. Null when none is due.
 */
export function sessionForFire(
  ctx: ScheduleContext,
  now: Date,
  kind: FireKind,
): ScheduledSession | null {
  const today = localDateOf(now, ctx.calendar.timezone);
  const lead = kind === "week-ahead" ? 7 : kind === "day-before" ? 1 : ctx.timing.noticeDaysBefore;
  const candidates = sessionsBetween(ctx, addDays(today, -14), addDays(today, lead + 14));
  let best: ScheduledSession | null = null;
  for (const session of candidates) {
    if (session.skippedReason) continue;
    const at = fireTime(session, kind).getTime();
    if (at > now.getTime() || now.getTime() - at >= WEEK_MS) continue;
    if (!best || at > fireTime(best, kind).getTime()) best = session;
  }
  return best;
}

/** Which session a `lecture-notice` run at `now` is for. */
export function sessionForNotice(ctx: ScheduleContext, now: Date): ScheduledSession | null {
  return sessionForFire(ctx, now, "notice");
}

export interface FireTime {
  kind: FireKind;
  at: Date;
  session: ScheduledSession;
}

/** The next `count` fire times of the given kinds strictly after `now`, earliest first. */
export function nextFireTimes(
  ctx: ScheduleContext,
  now: Date,
  count: number,
  kinds: readonly FireKind[] = ["notice", "week-ahead", "day-before"],
): FireTime[] {
  const today = localDateOf(now, ctx.calendar.timezone);
  const leadWeeks = Math.ceil(Math.max(7, ctx.timing.noticeDaysBefore) / 7);
  const found: FireTime[] = [];
  let held = 0;
  // Sessions come in date order; a fire time precedes its session by at most `leadWeeks`, so
  // that many more held sessions past the first `count` cannot fire earlier. Two years at most.
  for (let week = 0; week < 104 && held < count + leadWeeks + 1; week++) {
    const from = addDays(today, week * 7 - 7);
    for (const session of sessionsBetween(ctx, from, addDays(from, 6))) {
      if (session.skippedReason) continue;
      held++;
      for (const kind of kinds) {
        const at = fireTime(session, kind);
        if (at.getTime() > now.getTime()) found.push({ kind, at, session });
      }
    }
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
}

/** The next `count` channel notices after `now` (for `pbb jobs list`). */
export function nextNoticeTimes(ctx: ScheduleContext, now: Date, count: number): FireTime[] {
  return nextFireTimes(ctx, now, count, ["notice"]);
}

export function fireTime(session: ScheduledSession, kind: FireKind): Date {
  if (kind === "notice") return session.noticeAt;
  return kind === "week-ahead" ? session.weekAheadAt : session.dayBeforeAt;
}

/** The job occurrence key of a session: the same session fired any way runs once. */
export function sessionOccurrence(session: Pick<ScheduledSession, "plannedDate">): string {
  return `lecture:${session.plannedDate}`;
}

function timesFor(
  ctx: ScheduleContext,
  date: LocalDate,
): Pick<ScheduledSession, "startsAt" | "noticeAt" | "weekAheadAt" | "dayBeforeAt"> {
  const { time, noticeDaysBefore } = ctx.timing;
  const zone = ctx.calendar.timezone;
  return {
    startsAt: zonedInstant(date, time, zone),
    noticeAt: zonedInstant(addDays(date, -noticeDaysBefore), time, zone),
    weekAheadAt: zonedInstant(addDays(date, -7), time, zone),
    dayBeforeAt: zonedInstant(addDays(date, -1), time, zone),
  };
}

function firstPlannedOnOrAfter(ctx: ScheduleContext, from: LocalDate): LocalDate {
  const target = WEEKDAYS.indexOf(ctx.timing.weekday);
  return addDays(from, (target - dayOfWeek(from) + 7) % 7);
}

/** Why no session may be held on `date`, or null when it may. Org-declared days come first. */
export function holidayOn(ctx: ScheduleContext, date: LocalDate): SkipReason | null {
  const cal = ctx.calendar;
  if (cal.workdays?.includes(date)) return null;
  if (cal.holidays?.includes(date)) return { kind: "org-holiday" };
  if (!ctx.timing.skipPublicHolidays) return null;
  const info = describeDay(cal, date);
  if (info.kind === "holiday") return publicHoliday(info.name);
  if (info.kind === "weekend" && statutoryRestDay(cal, date))
    return publicHoliday(chineseDays.getDayDetail(date).name);
  return null;
}

/** A weekend day inside a statutory holiday period (e.g. Saturday 2026-10-03, National Day). */
function statutoryRestDay(cal: CalendarSettings, date: LocalDate): boolean {
  return (
    usesChineseStatutoryCalendar(cal) &&
    hasOfficialData(date) &&
    chineseDays.getHolidaysInRange(date, date, false).length > 0
  );
}

function publicHoliday(name: string | undefined): SkipReason {
  const [en, zh] = (name ?? "").split(",");
  return en && zh ? { kind: "public-holiday", holiday: { en, zh } } : { kind: "public-holiday" };
}

/** The first working day after `date` up to that week's Sunday (make-up Saturdays count). */
function nextWorkingDayInWeek(ctx: ScheduleContext, date: LocalDate): LocalDate | null {
  const sunday = addDays(mondayOf(date), 6);
  for (let day = addDays(date, 1); day <= sunday; day = addDays(day, 1)) {
    if (isWorkingDay(ctx.calendar, day) && !holidayOn(ctx, day)) return day;
  }
  return null;
}
