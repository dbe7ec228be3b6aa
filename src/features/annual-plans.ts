/**
 * The year's "four plans" (issue 19): each branch is asked for its plans for the year, submits
 * them through a paged modal, and the committee approves or returns them through the monthly
 * list's approval machinery.
 */
import { defineFeature } from "../app/feature.ts";
import { annualPlanNewBranchesJob } from "../jobs/annual-plans/new-branches.ts";
import { quarterFollowUpJob, quarterTrackingJob } from "../jobs/annual-plans/quarter-tracking.ts";
import { annualPlanReminderJob } from "../jobs/annual-plans/reminder.ts";
import { planItemsOnTime } from "../services/annual-plans/assessment-source.ts";
import { plansReport } from "../services/annual-plans/report.ts";
import { annualPlanResultHandlers } from "../services/annual-plans/result-handler.ts";
import { registerAnnualPlanListeners } from "../slack/listeners/annual-plans/index.ts";

export const annualPlansFeature = defineFeature({
  name: "annual-plans",
  listeners: registerAnnualPlanListeners,
  jobs: [annualPlanReminderJob, annualPlanNewBranchesJob, quarterTrackingJob, quarterFollowUpJob],
  resultHandlers: annualPlanResultHandlers,
  reports: [plansReport],
  assessmentSources: [planItemsOnTime],
});
