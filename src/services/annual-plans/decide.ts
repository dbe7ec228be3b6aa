/**
 * The plan's use cases that only change its state: the committee approves or returns a revision
 * (a comment required), a secretary withdraws one waiting for the committee. Of many clicks at
 * once exactly one wins; the others are told it was already decided.
 */
import { loadPlanRecord } from "../../db/repositories/annual-plan.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { deciderRefusal, snapshotOf } from "../../domain/task-list.ts";
import type { PlanDeps, PlanRecord } from "../../ports/annual-plans.ts";
import type { Deps } from "../kit/result.ts";
import { runPlanTransition } from "./approval.ts";
import { type PlanResult, refuse } from "./result.ts";

export type DecidePlanRequest = {
  planId: number;
  /** The revision the clicked message shows; a newer one makes the click stale. */
  revision: number;
  userId: string;
  source: string;
} & ({ decision: "approve" } | { decision: "return"; comment: string });

export const decidePlan = (deps: PlanDeps, req: DecidePlanRequest) =>
  runPlanTransition(deps, {
    id: req.planId,
    userId: req.userId,
    source: req.source,
    event: () =>
      req.decision === "approve"
        ? { type: "approve", revision: req.revision }
        : { type: "return", revision: req.revision, comment: req.comment },
  });

export const withdrawPlan = (
  deps: PlanDeps,
  req: { planId: number; userId: string; source: string },
) =>
  runPlanTransition(deps, {
    id: req.planId,
    userId: req.userId,
    source: req.source,
    event: () => ({ type: "withdraw" }),
  });

/** Before the return modal opens: the plan, if the clicker may return this revision. */
export async function prepareReturn(
  deps: Deps,
  req: { planId: number; revision: number; userId: string },
): Promise<PlanResult<{ plan: PlanRecord }>> {
  const plan = await loadPlanRecord(deps.db, req.planId);
  if (!plan) return refuse("not-found");
  const refusal = deciderRefusal(snapshotOf(plan), await loadActor(deps.db, req.userId));
  if (refusal) return refuse(refusal);
  if (plan.currentRevision !== req.revision) return refuse("stale-revision");
  return { ok: true, plan };
}
