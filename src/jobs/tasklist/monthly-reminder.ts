/** `monthly-reminder`: each active branch's list for the month and its reminder in its channel. */
import { ensureMonthlyReminders } from "../../services/tasklist/reminders.ts";
import { monthJob, runOf } from "./month-job.ts";

export const monthlyReminderJob = monthJob("monthly-reminder", (ctx, { period }, at) =>
  ensureMonthlyReminders(runOf(ctx, at, "monthly-reminder"), period),
);
