/** Wall-clock times in the org's zone, as UTC instants (dayjs utc + timezone). */
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { LocalDate } from "./calendar.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(time: string): boolean {
  return TIME.test(time);
}

/** The instant at which the clocks of `zone` show `time` ("HH:MM") on `date`. */
export function zonedInstant(date: LocalDate, time: string, zone: string): Date {
  if (!TIME.test(time)) throw new Error(`bad time of day "${time}" (want HH:MM)`);
  return dayjs.tz(`${date} ${time}`, "YYYY-MM-DD HH:mm", zone).toDate();
}

/** The local date in `zone` at instant `at`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  return dayjs(at).tz(zone).format("YYYY-MM-DD");
}

/** The local wall-clock time ("HH:MM") in `zone` at instant `at`. */
export function localTimeOf(at: Date, zone: string): string {
  return dayjs(at).tz(zone).format("HH:mm");
}

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
