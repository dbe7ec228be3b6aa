/**
 * `annual-plan-reminder`: on the org file's day (`schedules.annualPlan`, moved to the next
 * working day like the monthly reminder), each branch is asked for the year's four plans. Keyed
 * by the year ("2027"): cron, catch-up and `pbb jobs run --at` run it once.
 */
import { planOccurrenceFor, planOccurrencesBetween } from "../../domain/annual-plan.ts";
import { planSettingsOf } from "../../services/annual-plans/org.ts";
import { ensureAnnualPlanRequests } from "../../services/annual-plans/reminder.ts";
import { annualPlanPresenter } from "../../slack/views/annual-plans/present.ts";
import { defineJob } from "../define.ts";

export const annualPlanReminderJob = defineJob({
  name: "annual-plan-reminder",
  occurrenceFor(org, at) {
    const settings = planSettingsOf(org.settings, org.timezone);
    return settings ? planOccurrenceFor(settings, "annual-plan-reminder", at) : null;
  },
  occurrencesBetween(org, from, to) {
    const settings = planSettingsOf(org.settings, org.timezone);
    return settings ? planOccurrencesBetween(settings, "annual-plan-reminder", from, to) : [];
  },
  run: (ctx, occurrence, at) =>
    ensureAnnualPlanRequests(
      {
        db: ctx.db,
        homes: ctx.homes,
        at,
        source: "annual-plan-reminder",
        presenters: { annualPlans: annualPlanPresenter },
      },
      Number(occurrence.key),
    ),
});
