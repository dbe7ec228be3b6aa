/**
 * `approval-reminder`: once a working day (at the monthly reminder's time of day), the
 * committee hears of lists waiting for a decision longer than `approvalReminderHours`. Keyed by
 * the local date; each list is reminded of at most once per threshold (TaskList.lastEscalatedAt).
 */
import { addDays, isWorkingDay, type LocalDate } from "../../domain/calendar.ts";
import { localDateOf, zonedTime } from "../../domain/period.ts";
import { scheduleOf } from "../../services/tasklist/org.ts";
import { remindWaitingApprovals } from "../../services/tasklist/reports.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";
import { runOf } from "./month-job.ts";

const LOOK_BACK_DAYS = 31;

function daily(org: JobOrg) {
  const { schedule, calendar } = scheduleOf(org.settings, org.timezone);
  const fires = (date: LocalDate) =>
    schedule.workingDays === "as-is" || isWorkingDay(calendar, date);
  const at = (date: LocalDate): Occurrence => ({
    key: date,
    fireAt: zonedTime(date, schedule.monthlyReminder.time, org.timezone),
  });
  return { fires, at };
}

export const approvalReminderJob = defineJob({
  name: "approval-reminder",
  occurrenceFor(org, at) {
    const { fires, at: occurrence } = daily(org);
    let date = localDateOf(at, org.timezone);
    for (let i = 0; i < LOOK_BACK_DAYS; i += 1, date = addDays(date, -1)) {
      if (fires(date) && occurrence(date).fireAt <= at) return occurrence(date);
    }
    return null;
  },
  occurrencesBetween(org, from, to) {
    const { fires, at: occurrence } = daily(org);
    const out: Occurrence[] = [];
    const last = localDateOf(to, org.timezone);
    for (let date = localDateOf(from, org.timezone); date <= last; date = addDays(date, 1)) {
      const o = occurrence(date);
      if (fires(date) && o.fireAt > from && o.fireAt <= to) out.push(o);
    }
    return out;
  },
  run: (ctx, occurrence, at) =>
    remindWaitingApprovals(runOf(ctx, at, "approval-reminder"), occurrence.key),
});
