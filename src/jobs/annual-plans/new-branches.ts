/**
 * `annual-plan-new-branches`: every day at the annual reminder's time of day, after the year's
 * reminder, a branch added since (created in July, say) is asked for the rest of the year's
 * plans. Keyed by the local date; the plans and the request are keyed by branch and year, so a
 * branch is asked once however many days run.
 */
import { zonedTime } from "../../domain/period.ts";
import { planSettingsOf } from "../../services/annual-plans/org.ts";
import { askNewBranches } from "../../services/annual-plans/reminder.ts";
import { annualPlanPresenter } from "../../slack/views/annual-plans/present.ts";
import { dailyJob, dailyOccurrences } from "../daily.ts";
import type { JobOrg, Occurrence } from "../define.ts";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const settings = planSettingsOf(org.settings, org.timezone);
  if (!settings) return [];
  return dailyOccurrences(org.timezone, from, to, (day) =>
    zonedTime(day, settings.schedule.time, org.timezone),
  );
}

export const annualPlanNewBranchesJob = dailyJob(
  "annual-plan-new-branches",
  days,
  2,
  (ctx, _occurrence, at) =>
    askNewBranches({
      db: ctx.db,
      homes: ctx.homes,
      at,
      source: "annual-plan-new-branches",
      presenters: { annualPlans: annualPlanPresenter },
    }),
);
