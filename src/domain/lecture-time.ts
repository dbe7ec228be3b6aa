/**
 * Lecture-hall week helpers. Wall-clock times in the org's zone come from one implementation,
 * src/domain/period.ts (Intl, DST gaps and overlaps handled there); the names the lecture,
 * study and service-list code import are kept here.
 */
import type { LocalDate } from "./calendar.ts";
import { isTimeOfDay, localDateOf, wallClock, zonedTime } from "./period.ts";

export { isTimeOfDay, localDateOf };

/** The instant at which the clocks of `zone` show `time` ("HH:MM") on `date`. */
export const zonedInstant = (date: LocalDate, time: string, zone: string): Date =>
  zonedTime(date, time, zone);

/** The local wall-clock time ("HH:MM") in `zone` at instant `at`. */
export const localTimeOf = (at: Date, zone: string): string => wallClock(at, zone).time;

export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 0 = Sunday … 6 = Saturday, for a local date. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Monday of the ISO week containing `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
