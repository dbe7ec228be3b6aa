/**
 * `rectification-reminders`: every working day at the round time (09:00 by default) in the
 * org's zone, the owners of open items due in 3 working days or today hear of them, and the
 * committee gets the overdue items once a week. Keyed by the local date.
 */
import { addDays, isWorkingDay } from "../../domain/calendar.ts";
import { DEFAULT_ROUND_TIME } from "../../domain/inspection-round.ts";
import { localDateOf, zonedTime } from "../../domain/period.ts";
import { inspectionSettingsOf } from "../../services/inspections/open-round.ts";
import { remindRectifications } from "../../services/inspections/reminders.ts";
import { calendarOf } from "../../services/org/calendar-settings.ts";
import { inspectionsPresenter } from "../../slack/views/inspections/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const settings = inspectionSettingsOf(org.settings);
  if (!settings) return [];
  const calendar = calendarOf(org.settings, org.timezone);
  const out: Occurrence[] = [];
  let day = addDays(localDateOf(from, org.timezone), -1);
  const last = localDateOf(to, org.timezone);
  for (let i = 0; i < 1000 && day <= last; i++, day = addDays(day, 1)) {
    if (!isWorkingDay(calendar, day)) continue;
    const fireAt = zonedTime(day, settings.time ?? DEFAULT_ROUND_TIME, org.timezone);
    if (fireAt > from && fireAt <= to) out.push({ key: day, fireAt });
  }
  return out;
}

export const rectificationRemindersJob = defineJob({
  name: "rectification-reminders",
  occurrenceFor(org, at) {
    return days(org, new Date(at.getTime() - 14 * 86_400_000), at).at(-1) ?? null;
  },
  occurrencesBetween: days,
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return remindRectifications(deps, inspectionsPresenter, occurrence.key);
  },
});
