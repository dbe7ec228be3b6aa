import { addDays, type LocalDate } from "../domain/calendar.ts";
import { zonedInstant } from "../domain/lecture-time.ts";
import { localDateOf } from "../domain/period.ts";
import { defineJob, type JobDefinition, type JobOrg, type Occurrence } from "./define.ts";

/**
 * The fires of a job that runs at most once a local day, keyed by that date, between `from`
 * (excluded) and `to` (included). `fireAtOf` gives a day's fire, or null on a day it skips.
 */
export function dailyOccurrences(
  zone: string,
  from: Date,
  to: Date,
  fireAtOf: (day: LocalDate) => Date | null,
): Occurrence[] {
  const out: Occurrence[] = [];
  let day = addDays(localDateOf(from, zone), -1);
  const last = localDateOf(to, zone);
  for (let i = 0; i < 1000 && day <= last; i++, day = addDays(day, 1)) {
    const fireAt = fireAtOf(day);
    if (fireAt && fireAt > from && fireAt <= to) out.push({ key: day, fireAt });
  }
  return out;
}

/** The latest fire at or before `at` within the last `lookbackDays`, or null. */
export function latestOccurrence(
  between: (org: JobOrg, from: Date, to: Date) => Occurrence[],
  org: JobOrg,
  at: Date,
  lookbackDays: number,
): Occurrence | null {
  return between(org, new Date(at.getTime() - lookbackDays * 86_400_000), at).at(-1) ?? null;
}

type Days = (org: JobOrg, from: Date, to: Date) => Occurrence[];

/** Every day at `time` ("HH:MM") in the org's zone. */
export const everyDayAt =
  (time: string): Days =>
  (org, from, to) =>
    dailyOccurrences(org.timezone, from, to, (day) => zonedInstant(day, time, org.timezone));

/**
 * A job that runs at most once a local day on the fires `days` gives, keyed by the date; asked
 * for the occurrence of a moment, it looks back `lookbackDays` for the latest fire.
 */
export function dailyJob<S>(
  name: string,
  days: Days,
  lookbackDays: number,
  run: JobDefinition<JobOrg, S>["run"],
): JobDefinition<JobOrg, S> {
  return defineJob<JobOrg, S>({
    name,
    occurrenceFor: (org, at) => latestOccurrence(days, org, at, lookbackDays),
    occurrencesBetween: days,
    run,
  });
}

const HOUR = 3600_000;
const hourAt = (ms: number): Occurrence => ({
  key: new Date(ms).toISOString().slice(0, 13),
  fireAt: new Date(ms),
});

/** The hour `at` falls in, as the occurrence of an hourly job (keyed by the UTC hour). */
export const hourOf = (at: Date): Occurrence => hourAt(Math.floor(at.getTime() / HOUR) * HOUR);

/** An hourly job's occurrences, on the hour, with `from < fireAt <= to`. */
export function hoursBetween(from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  for (let ms = Math.floor(from.getTime() / HOUR) * HOUR + HOUR; ms <= to.getTime(); ms += HOUR)
    out.push(hourAt(ms));
  return out;
}
