/**
 * The year's annual reminder, as an "ensure" operation: each active branch has its four plans
 * for the year (a branch created during the year plans from its first month) and its request
 * posted in its channel. The plan rows and the post commit together and are keyed (branch +
 * year + kind, branch + year), so a re-run, a catch-up or a second replica adds nothing.
 */
import type { Database } from "../../db/client.ts";
import {
  activeBranchesWithCreation,
  activeBranchesWithoutPlans,
  plansOfBranchYear,
} from "../../db/repositories/annual-plan.ts";
import { auditPlan, createPlansIfMissing } from "../../db/repositories/annual-plan-write.ts";
import {
  deadlineFire,
  firstPlanMonth,
  PLAN_KINDS,
  reminderFire,
} from "../../domain/annual-plan.ts";
import { localDateOf } from "../../domain/period.ts";
import { type PlanPresenter, STORED_KIND } from "../../ports/annual-plans.ts";
import type { Homes } from "../home/refresh.ts";
import { inTx } from "../kit/tx.ts";
import { postReminder } from "./messages.ts";
import { loadPlanOrg } from "./org.ts";

export interface PlanJobRun {
  db: Database;
  /** The run's "now" (a `pbb jobs run --at` time, or the fire time). */
  at: Date;
  source: string;
  homes?: Homes | undefined;
  presenters: { annualPlans: PlanPresenter };
}

/**
 * A branch added to the org file after the year's annual reminder (a branch created in July) is
 * asked for the rest of the year: its plans start at its first month. Run daily by
 * `annual-plan-new-branches`; the plans (unique per branch, year and kind) and the request's key
 * make it ask once. Before the year's reminder it does nothing (the reminder asks everyone).
 */
export async function askNewBranches(run: PlanJobRun) {
  const org = await loadPlanOrg(run.db);
  const year = Number(localDateOf(run.at, org.tz).slice(0, 4));
  if (!org.plans || run.at < reminderFire(org.plans, year).at)
    return { year, branches: 0, plansCreated: 0, requestsPosted: 0, skipped: [] as string[] };
  return ensureAnnualPlanRequests(run, year, "new");
}

export async function ensureAnnualPlanRequests(
  run: PlanJobRun,
  year: number,
  which: "all" | "new" = "all",
) {
  const org = await loadPlanOrg(run.db);
  const summary = {
    year,
    branches: 0,
    plansCreated: 0,
    requestsPosted: 0,
    skipped: [] as string[],
  };
  if (!org.plans) return summary;
  const dueAt = deadlineFire(org.plans, year).at;
  const kinds = PLAN_KINDS.map((k) => STORED_KIND[k]);
  const branches =
    which === "new"
      ? await activeBranchesWithoutPlans(run.db, year)
      : await activeBranchesWithCreation(run.db);
  for (const { branch, createdAt } of branches) {
    const firstMonth = firstPlanMonth(year, localDateOf(createdAt, org.tz));
    if (firstMonth > 12) {
      summary.skipped.push(branch.key);
      continue;
    }
    const done = await inTx(run.db, async (tx) => {
      const created = await createPlansIfMissing(tx, {
        branchId: branch.id,
        year,
        kinds,
        firstMonth,
        dueAt,
      });
      const plans = await plansOfBranchYear(tx, branch.id, year);
      if (created > 0) {
        await auditPlan(tx, {
          actor: run.source,
          action: "annual-plan.remind",
          entityId: plans[0]?.id ?? 0,
          data: { branch: branch.key, year, firstMonth, dueAt: dueAt.toISOString() },
          source: run.source,
          at: run.at,
        });
      }
      const present = run.presenters.annualPlans;
      const posted = await postReminder({ tx, org, present }, { branch, year, dueAt, plans });
      return { created, posted };
    });
    summary.branches += 1;
    summary.plansCreated += done.created;
    if (done.posted) summary.requestsPosted += 1;
  }
  if (summary.plansCreated > 0) run.homes?.changed({});
  return summary;
}
