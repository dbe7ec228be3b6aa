/**
 * `annual-plan-reminder`: on the org file's day (`schedules.annualPlan`, moved to the next
 * working day like the monthly reminder), each branch is asked for the year's four plans. Keyed
 * by the year ("2027"): cron, catch-up and `pbb jobs run --at` run it once.
 */
import { ensureAnnualPlanRequests } from "../../services/annual-plans/reminder.ts";
import { planJob } from "./plan-job.ts";

export const annualPlanReminderJob = planJob("annual-plan-reminder", (run, occurrence) =>
  ensureAnnualPlanRequests(run, Number(occurrence.key)),
);
