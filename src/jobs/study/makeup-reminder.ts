/**
 * `study-makeup-reminder`: every day at 09:00 in the org's zone, each make-up still owed whose
 * reminder day has come gets its one reminder. Keyed by the local date.
 */
import { addDays } from "../../domain/calendar.ts";
import { localDateOf, zonedInstant } from "../../domain/lecture-time.ts";
import { remindMakeUps } from "../../services/study/makeup.ts";
import { studyPresenter } from "../../slack/views/study/index.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const TIME = "09:00";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  let day = addDays(localDateOf(from, org.timezone), -1);
  const last = localDateOf(to, org.timezone);
  for (let i = 0; i < 1000 && day <= last; i++, day = addDays(day, 1)) {
    const fireAt = zonedInstant(day, TIME, org.timezone);
    if (fireAt > from && fireAt <= to) out.push({ key: day, fireAt });
  }
  return out;
}

export const studyMakeUpReminderJob = defineJob({
  name: "study-makeup-reminder",
  occurrenceFor(org, at) {
    return days(org, new Date(at.getTime() - 2 * 86_400_000), at).at(-1) ?? null;
  },
  occurrencesBetween: days,
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return remindMakeUps(deps, studyPresenter, occurrence.key);
  },
});
