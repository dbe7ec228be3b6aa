/**
 * A secretary submits a plan (first submission, a revision after a return, or an amendment of
 * the plan in force): the rows of every page (the draft and the page on screen) are checked by
 * the domain (a row error names its row and field; nothing is stored), then the plan goes
 * through the shared approval machinery. An amendment keeps what was done of the items in force.
 */
import { branchPeople, findPlanDraft, loadPlanRecord } from "../../db/repositories/annual-plan.ts";
import { deletePlanDraft, type NewPlanItem } from "../../db/repositories/annual-plan-write.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import {
  type PlanItemData,
  type PlanRowError,
  parsePlanRows,
  type RawPlanRow,
} from "../../domain/annual-plan.ts";
import { isSecretaryOf, revisionOf, submissionKind } from "../../domain/task-list.ts";
import type { PlanDeps, PlanRecord } from "../../ports/annual-plans.ts";
import type { ApprovalOutcome } from "../kit/approval.ts";
import type { Deps } from "../kit/result.ts";
import { runPlanTransition } from "./approval.ts";
import { mergeRows, rowsOfDraft } from "./form.ts";
import { type PlanError, refuse } from "./result.ts";

export interface CheckPlanRequest {
  planId: number;
  userId: string;
  /** The rows on the page submitted (the other pages' rows are in the draft). */
  typed: RawPlanRow[];
}

export type CheckPlanOutcome =
  | { ok: true; items: PlanItemData[] }
  | { ok: false; error: "rows"; errors: PlanRowError[]; rows: RawPlanRow[] }
  | { ok: false; error: PlanError };

const norm = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();

/** For an amendment: each item keeps the status of the same-titled item in force. */
function withStatuses(plan: PlanRecord, items: PlanItemData[]): NewPlanItem[] {
  const inForce = revisionOf(plan, plan.approvedRevision)?.items ?? [];
  const taken = new Set<number>();
  return items.map((item) => {
    const i = inForce.findIndex((p, k) => !taken.has(k) && norm(p.title) === norm(item.title));
    const match = inForce[i];
    if (!match) return item;
    taken.add(i);
    return { ...item, status: match.status, doneAt: match.doneAt, doneBy: match.doneBy };
  });
}

/** The rows of every page checked (before the modal's ack): the items, or the row errors. */
export async function checkPlanSubmission(
  deps: Deps,
  req: CheckPlanRequest,
): Promise<CheckPlanOutcome> {
  const plan = await loadPlanRecord(deps.db, req.planId);
  if (!plan) return refuse("not-found");
  const actor = await loadActor(deps.db, req.userId);
  if (!isSecretaryOf(actor, plan.branch.key)) return refuse("not-secretary");
  const draft = rowsOfDraft(await findPlanDraft(deps.db, req.userId, plan.id));
  const rows = mergeRows(draft, req.typed);
  const people = await branchPeople(deps.db, plan.branch.id);
  const parsed = parsePlanRows(rows, { firstMonth: plan.firstMonth, branchPeople: people });
  if (!parsed.ok) return { ok: false, error: "rows", errors: parsed.errors, rows };
  return { ok: true, items: parsed.items };
}

/** The checked items submitted through the shared approval machinery; the draft is dropped. */
export function submitPlan(
  deps: PlanDeps,
  req: { planId: number; userId: string; items: PlanItemData[]; source: string },
): Promise<ApprovalOutcome<PlanError>> {
  return runPlanTransition(deps, {
    id: req.planId,
    userId: req.userId,
    source: req.source,
    event: (snapshot) => {
      const kind = submissionKind(snapshot);
      if (kind) return { type: kind };
      return snapshot.state === "SUBMITTED" ? "already-submitted" : "amendment-pending";
    },
    items: (stored) => withStatuses(stored, req.items),
    alsoWrite: (tx) => deletePlanDraft(tx, req.userId, req.planId),
  });
}
