/**
 * An annual plan goes through the monthly list's approval machinery (services/kit/approval.ts:
 * the same state machine, four eyes, conditional update, retries and audit): this is the plan's
 * store and what each of the domain's effects means for a plan.
 */
import type { PlanRecord } from "../../db/repositories/annual-plan.ts";
import { loadPlanRecord, plansOfBranchYear } from "../../db/repositories/annual-plan.ts";
import {
  auditPlan,
  type NewPlanItem,
  recordPlanDecision,
  updatePlanIfUnchanged,
  writePlanRevisions,
} from "../../db/repositories/annual-plan-write.ts";
import { latestRevision } from "../../domain/task-list.ts";
import { kindOf, type PlanDeps } from "../../ports/annual-plans.ts";
import {
  type ApprovalKind,
  type ApprovalOutcome,
  type ApprovalRequest,
  type ApprovalStore,
  runApproval,
} from "../kit/approval.ts";
import type { Tx } from "../kit/tx.ts";
import {
  dmSecretaries,
  type PlanMessageContext,
  postApproved,
  postCommittee,
  postReturned,
  updateCommittee,
  updateReminder,
} from "./messages.ts";
import { loadPlanOrg, type PlanOrg } from "./org.ts";
import type { PlanError } from "./result.ts";

export const planStore: ApprovalStore<PlanRecord, NewPlanItem> = {
  name: "annual-plan",
  load: (db, id) => loadPlanRecord(db, id),
  updateIfUnchanged: updatePlanIfUnchanged,
  writeRevisions: writePlanRevisions,
  recordDecision: recordPlanDecision,
  audit: auditPlan,
  describe: (p) => ({ branch: p.branch.key, year: p.year, kind: kindOf(p.kind) }),
};

/** The branch's year as its request message shows it, read in the change's transaction. */
export async function branchYearOf(tx: Tx, plan: PlanRecord) {
  return {
    branch: plan.branch,
    year: plan.year,
    dueAt: plan.dueAt,
    plans: await plansOfBranchYear(tx, plan.branch.id, plan.year),
  };
}

function planKind(deps: PlanDeps): ApprovalKind<PlanRecord, NewPlanItem> {
  let org: PlanOrg | undefined;
  return {
    store: planStore,
    async prepare() {
      org ??= await loadPlanOrg(deps.db);
    },
    async effects(tx, plan, { event, result, now }) {
      if (!org) throw new Error("the plan's org was not loaded");
      const latest = latestRevision(plan);
      if (!latest) throw new Error(`plan ${plan.id} has no revision after a transition`);
      const c: PlanMessageContext = {
        tx,
        org,
        present: deps.presenters.annualPlans,
        tag: `p${plan.id}v${plan.version}`,
      };
      for (const effect of result.effects) {
        switch (effect) {
          case "post-committee":
            await postCommittee(c, plan, latest);
            break;
          case "update-committee":
            await updateCommittee(c, plan, latest, event.type === "withdraw" ? now : undefined);
            break;
          case "update-reminder":
            await updateReminder(c, await branchYearOf(tx, plan));
            break;
          case "post-branch-plan":
          case "update-branch-plan":
            await postApproved(c, plan);
            break;
          case "post-branch-returned":
            await postReturned(c, plan, latest);
            break;
          case "update-branch-returned":
            break;
          case "dm-secretaries":
            await dmSecretaries(c, plan, latest);
            break;
        }
      }
    },
  };
}

/** One change of a plan through the shared machinery; the Homes concerned are re-published. */
export async function runPlanTransition(
  deps: PlanDeps,
  req: ApprovalRequest<PlanRecord, NewPlanItem, PlanError>,
): Promise<ApprovalOutcome<PlanError>> {
  const outcome = await runApproval(deps, planKind(deps), req);
  if (outcome.ok) deps.homes?.changed({ users: [req.userId] });
  return outcome;
}
