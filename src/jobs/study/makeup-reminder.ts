/**
 * `study-makeup-reminder`: every day at 09:00 in the org's zone, each make-up still owed whose
 * reminder day has come gets its one reminder. Keyed by the local date.
 */
import { zonedInstant } from "../../domain/lecture-time.ts";
import { remindMakeUps } from "../../services/study/makeup.ts";
import { studyPresenter } from "../../slack/views/study/index.ts";
import { dailyOccurrences, latestOccurrence } from "../daily.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const TIME = "09:00";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  return dailyOccurrences(org.timezone, from, to, (day) => zonedInstant(day, TIME, org.timezone));
}

export const studyMakeUpReminderJob = defineJob({
  name: "study-makeup-reminder",
  occurrenceFor: (org, at) => latestOccurrence(days, org, at, 2),
  occurrencesBetween: days,
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return remindMakeUps(deps, studyPresenter, occurrence.key);
  },
});
