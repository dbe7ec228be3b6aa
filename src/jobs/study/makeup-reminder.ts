/**
 * `study-makeup-reminder`: every day at 09:00 in the org's zone, each make-up still owed whose
 * reminder day has come gets its one reminder. Keyed by the local date.
 */
import { remindMakeUps } from "../../services/study/makeup.ts";
import { studyPresenter } from "../../slack/views/study/index.ts";
import { dailyJob, everyDayAt } from "../daily.ts";

export const studyMakeUpReminderJob = dailyJob(
  "study-makeup-reminder",
  everyDayAt("09:00"),
  2,
  (ctx, occurrence, at) =>
    remindMakeUps({ db: ctx.db, now: () => at, homes: ctx.homes }, studyPresenter, occurrence.key),
);
