/** `submission-followup`: on a follow-up day, a reminder in the thread of each branch not submitted. */
import { sendFollowUps } from "../../services/tasklist/reminders.ts";
import { monthJob } from "./month-job.ts";

export const submissionFollowUpJob = monthJob("submission-followup", (ctx, o, at) =>
  sendFollowUps(
    { db: ctx.db, homes: ctx.homes, at, source: "submission-followup" },
    o.period,
    o.index ?? 0,
  ),
);
