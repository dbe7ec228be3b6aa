/**
 * A job of the monthly round-trip, fired by the month's schedule (domain/month-schedule.ts: the
 * org's wall-clock times, moved off days that are not working days). Its occurrences are keyed
 * by month ("2026-12", follow-ups "2026-12#1"), so however a run is fired it runs once.
 */
import {
  type MonthJob,
  type Occurrence as MonthOccurrence,
  occurrencesBetween,
  periodForRun,
} from "../../domain/month-schedule.ts";
import { isPeriod } from "../../domain/period.ts";
import { scheduleOf } from "../../services/tasklist/org.ts";
import type { JobRun } from "../../services/tasklist/reminders.ts";
import { tasklistPresenter } from "../../slack/views/tasklist/present.ts";
import {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobOrg,
  type Occurrence,
} from "../define.ts";

const scheduleFor = (org: JobOrg) => scheduleOf(org.settings, org.timezone);

function toOccurrence(o: MonthOccurrence): Occurrence {
  return {
    key: o.index === undefined ? o.period : `${o.period}#${o.index}`,
    fireAt: o.fire.at,
  };
}

export function parseMonthKey(key: string): { period: string; index?: number } {
  const [period = "", index] = key.split("#");
  if (!isPeriod(period) || (index !== undefined && !/^\d{1,2}$/.test(index)))
    throw new Error(`not a month occurrence: ${key}`);
  return index === undefined ? { period } : { period, index: Number(index) };
}

export function monthJob<S>(
  name: MonthJob,
  work: (ctx: JobContext, occurrence: { period: string; index?: number }, at: Date) => Promise<S>,
): JobDefinition<JobOrg, S> {
  return defineJob<JobOrg, S>({
    name,
    occurrenceFor(org, at) {
      const { schedule, calendar } = scheduleFor(org);
      const o = periodForRun(schedule, calendar, name, at);
      return o ? toOccurrence(o) : null;
    },
    occurrencesBetween(org, from, to) {
      const { schedule, calendar } = scheduleFor(org);
      // The framework asks for from < fireAt <= to; the domain answers from <= at < to.
      const after = (d: Date) => new Date(d.getTime() + 1);
      return occurrencesBetween(schedule, calendar, after(from), after(to))
        .filter((o) => o.job === name)
        .map(toOccurrence);
    },
    run: (ctx, occurrence, at) => work(ctx, parseMonthKey(occurrence.key), at),
  });
}

/** What a round-trip job's use case is given: the job's database, Homes and the presenter. */
export const runOf = (ctx: JobContext, at: Date, source: string): JobRun => ({
  db: ctx.db,
  homes: ctx.homes,
  at,
  source,
  presenters: { tasklist: tasklistPresenter },
});
