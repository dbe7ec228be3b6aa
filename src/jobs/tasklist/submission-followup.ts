/** `submission-followup`: on a follow-up day, a reminder in the thread of each branch not submitted. */
import { sendFollowUps } from "../../services/tasklist/reminders.ts";
import { monthJob, runOf } from "./month-job.ts";

export const submissionFollowUpJob = monthJob("submission-followup", (ctx, o, at) =>
  sendFollowUps(runOf(ctx, at, "submission-followup"), o.period, o.index ?? 0),
);
