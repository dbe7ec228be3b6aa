/**
 * Month periods ("YYYY-MM") and wall-clock time in the org's zone. Pure: `now` is an argument.
 */
import type { LocalDate } from "./calendar.ts";

/** A calendar month, "YYYY-MM", in the org's time zone. */
export type Period = string;

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

export function periodParts(period: Period): { year: number; month: number } {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function addMonths(period: Period, months: number): Period {
  const { year, month } = periodParts(period);
  const index = year * 12 + (month - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export const nextPeriod = (period: Period): Period => addMonths(period, 1);
export const previousPeriod = (period: Period): Period => addMonths(period, -1);

export function daysInPeriod(period: Period): number {
  const { year, month } = periodParts(period);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local date of `day` in the period, clamped to the month's last day (31 → 30 Apr). */
export function dayOfPeriod(period: Period, day: number): LocalDate {
  const clamped = Math.min(Math.max(1, Math.trunc(day)), daysInPeriod(period));
  return `${period}-${pad(clamped)}`;
}

export const periodStart = (period: Period): LocalDate => `${period}-01`;
export const periodEnd = (period: Period): LocalDate => dayOfPeriod(period, 31);
/** The local dates of a year, as a filter on a date column stored as "YYYY-MM-DD". */
export const datesOfYear = (year: number): { gte: LocalDate; lte: LocalDate } => ({
  gte: `${year}-01-01`,
  lte: `${year}-12-31`,
});

/** Whole months from `a` to `b` (b − a). */
export function monthsBetween(a: Period, b: Period): number {
  const pa = periodParts(a);
  const pb = periodParts(b);
  return (pb.year - pa.year) * 12 + (pb.month - pa.month);
}

// ---------- wall clock in a zone ----------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

interface WallClock {
  date: LocalDate;
  time: string;
  /** Milliseconds of the wall clock read as if it were UTC. */
  asUtc: number;
}

/** The wall clock in `tz` at the instant `at`. */
export function wallClock(at: Date, tz: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(at)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return { date, time, asUtc };
}

export const localDateOf = (at: Date, tz: string): LocalDate => wallClock(at, tz).date;

export function periodOf(now: Date, tz: string): Period {
  return localDateOf(now, tz).slice(0, 7);
}

const offsetAt = (ms: number, tz: string): number => {
  const instant = Math.floor(ms / 1000) * 1000;
  return wallClock(new Date(instant), tz).asUtc - instant;
};

/**
 * The instant at which the wall clock in `tz` shows `date` `time` ("HH:mm"). In a DST gap the
 * time is moved forward by the gap (02:30 → 03:30); in an overlap the earlier instant is chosen.
 */
export function zonedTime(date: LocalDate, time: string, tz: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  const guess = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(guess)) throw new Error(`not a date: ${date}`);
  const day = 24 * 3600_000;
  const before = offsetAt(guess - day, tz);
  const after = offsetAt(guess + day, tz);
  const candidates = [guess - before, guess - after].filter(
    (ms) => wallClock(new Date(ms), tz).asUtc === guess,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(guess - before);
}

export function isTimeOfDay(value: string): boolean {
  return TIME_PATTERN.test(value);
}
