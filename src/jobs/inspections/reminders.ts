/**
 * `rectification-reminders`: every working day at the round time (09:00 by default) in the
 * org's zone, the owners of open items due in 3 working days or today hear of them, and the
 * committee gets the overdue items once a week. Keyed by the local date.
 */
import { isWorkingDay } from "../../domain/calendar.ts";
import { DEFAULT_ROUND_TIME } from "../../domain/inspection-round.ts";
import { zonedTime } from "../../domain/period.ts";
import { inspectionSettingsOf } from "../../services/inspections/open-round.ts";
import { remindRectifications } from "../../services/inspections/reminders.ts";
import { calendarOf } from "../../services/org/calendar-settings.ts";
import { inspectionsPresenter } from "../../slack/views/inspections/present.ts";
import { dailyOccurrences, latestOccurrence } from "../daily.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const settings = inspectionSettingsOf(org.settings);
  if (!settings) return [];
  const calendar = calendarOf(org.settings, org.timezone);
  const time = settings.time ?? DEFAULT_ROUND_TIME;
  return dailyOccurrences(org.timezone, from, to, (day) =>
    isWorkingDay(calendar, day) ? zonedTime(day, time, org.timezone) : null,
  );
}

export const rectificationRemindersJob = defineJob({
  name: "rectification-reminders",
  occurrenceFor: (org, at) => latestOccurrence(days, org, at, 14),
  occurrencesBetween: days,
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return remindRectifications(deps, inspectionsPresenter, occurrence.key);
  },
});
