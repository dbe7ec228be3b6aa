/**
 * A job of the annual plans, fired by `schedules.annualPlan` (domain/annual-plan.ts: the annual
 * reminder keyed by the year, the quarter's tracking by the quarter), and what its use case is
 * given: the job's database, Homes and the plans' presenter.
 */
import {
  type PlanJob,
  planOccurrenceFor,
  planOccurrencesBetween,
} from "../../domain/annual-plan.ts";
import { planSettingsOf } from "../../services/annual-plans/org.ts";
import type { PlanJobRun } from "../../services/annual-plans/reminder.ts";
import { annualPlanPresenter } from "../../slack/views/annual-plans/present.ts";
import { defineJob, type JobContext, type Occurrence } from "../define.ts";

export const planRunOf = (ctx: JobContext, at: Date, source: string): PlanJobRun => ({
  db: ctx.db,
  homes: ctx.homes,
  at,
  source,
  presenters: { annualPlans: annualPlanPresenter },
});

export const planJob = <S>(
  name: PlanJob,
  work: (run: PlanJobRun, occurrence: Occurrence) => Promise<S>,
) =>
  defineJob({
    name,
    occurrenceFor(org, at) {
      const settings = planSettingsOf(org.settings, org.timezone);
      return settings ? planOccurrenceFor(settings, name, at) : null;
    },
    occurrencesBetween(org, from, to) {
      const settings = planSettingsOf(org.settings, org.timezone);
      return settings ? planOccurrencesBetween(settings, name, from, to) : [];
    },
    run: (ctx, occurrence, at) => work(planRunOf(ctx, at, name), occurrence),
  });
