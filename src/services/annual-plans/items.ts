/**
 * The plan items in the months: which approved items are due in a month (the monthly reminder
 * names them, the task-list modal offers them as rows), a monthly item done advances the plan
 * item it carries out, and a secretary marks a plan item done or moves it to a new date (a
 * reason required) on its own. Each change is a conditional update with its item event; the
 * plan's message in the branch channel is updated in the same transaction.
 */

import type { Database } from "../../db/client.ts";
import { loadPlanRecord } from "../../db/repositories/annual-plan.ts";
import {
  findPlanItem,
  type InForceItem,
  itemInForceFor,
  itemsInForce,
  markPlanItemDone,
  movePlanItem,
  type PlanItemPlace,
} from "../../db/repositories/annual-plan-items.ts";
import { loadActor, loadListRecord } from "../../db/repositories/tasklist.ts";
import { parseTarget, targetCode } from "../../domain/annual-plan.ts";
import {
  checkNewDate,
  itemsDueInMonth,
  type NewDateCheck,
  PLAN_CATEGORY,
  planItemRefusal,
} from "../../domain/annual-plan-months.ts";
import { localDateOf } from "../../domain/period.ts";
import type { TaskItemData } from "../../domain/task-list-items.ts";
import {
  type DuePlanItem,
  kindOf,
  type PlanDeps,
  type PlanRecord,
} from "../../ports/annual-plans.ts";
import type { Deps } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { updateApproved } from "./messages.ts";
import { loadPlanOrg } from "./org.ts";

export type { DuePlanItem } from "../../ports/annual-plans.ts";

import { type PlanResult, refuse } from "./result.ts";

const withTarget = (items: readonly InForceItem[]) =>
  items.flatMap((i) => {
    const target = parseTarget(i.target);
    return target ? [{ ...i, target }] : [];
  });

/** The branch's open plan items due in the month `period` ("2027-04"): its month or quarter. */
export async function duePlanItems(
  db: Database | Tx,
  branchId: number,
  period: string,
): Promise<DuePlanItem[]> {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const due = itemsDueInMonth(withTarget(await itemsInForce(db, year, branchId)), month);
  return due.map((i) => {
    const kind = kindOf(i.kind);
    return {
      id: i.id,
      kind,
      title: i.title,
      target: i.target,
      ownerUserId: i.ownerUserId,
      expectedResult: i.expectedResult,
      category: PLAN_CATEGORY[kind],
    };
  });
}

/** Of `ids`, the branch's plan items due in the period, in the order asked (others dropped). */
export async function chosenPlanItems(
  db: Database | Tx,
  branchId: number,
  period: string,
  ids: readonly number[],
): Promise<{ items: DuePlanItem[]; foreign: boolean }> {
  const due = await duePlanItems(db, branchId, period);
  const items = ids.flatMap((id) => due.filter((d) => d.id === id));
  return { items, foreign: items.length !== new Set(ids).size };
}

/**
 * A monthly item linked to a plan item was marked done: the plan item (or the one of the plan
 * in force that carries it on) is done too, its event naming the monthly item. In the caller's
 * transaction; false when there was nothing to advance.
 */
export async function advanceFromMonthly(
  tx: Tx,
  c: {
    planItemId: number;
    branchId: number;
    taskItemId: number;
    listId: number;
    period: string;
    by: string;
    at: Date;
  },
): Promise<boolean> {
  const item = await itemInForceFor(tx, c.planItemId);
  // Only the list's own branch's plan item advances (a link is never trusted across branches).
  if (!item || item.branchId !== c.branchId || item.status === "DONE") return false;
  return markPlanItemDone(tx, {
    itemId: item.id,
    by: c.by,
    at: c.at,
    detail: { via: "monthly", taskItemId: c.taskItemId, listId: c.listId, period: c.period },
  });
}

/** Before the item modal opens: the plan in force, if the clicker is one of its secretaries. */
export async function preparePlanItems(
  deps: Deps,
  req: { planId: number; userId: string },
): Promise<PlanResult<{ plan: PlanRecord }>> {
  const plan = await loadPlanRecord(deps.db, req.planId);
  if (!plan) return refuse("not-found");
  const actor = await loadActor(deps.db, req.userId);
  const refusal = planItemRefusal(
    { branchKey: plan.branch.key, inForce: plan.approvedRevision !== null, status: "OPEN" },
    actor,
    "done",
  );
  return refusal ? refuse(refusal) : { ok: true, plan };
}

export type PlanItemChange =
  | { change: "done" }
  | { change: "move"; date: string | null; reason: string | null };

export type NewDateErrors = Extract<NewDateCheck, { ok: false }>["errors"];

export type PlanItemCheck =
  | PlanResult<{ item: PlanItemPlace; moveTo: Extract<NewDateCheck, { ok: true }> | null }>
  | { ok: false; error: "input"; errors: NewDateErrors; year: number; today: string };

type ItemRequest = { planId: number; itemId: number; userId: string } & PlanItemChange;

/**
 * Whether the clicker may make the change (the branch's secretaries, an item of this plan in
 * force; an item of another plan is not found) and, for a move, the new date and reason
 * checked: read only, so a modal can answer with its errors before it is acknowledged.
 */
export async function checkPlanItemChange(deps: Deps, req: ItemRequest): Promise<PlanItemCheck> {
  const item = await findPlanItem(deps.db, req.itemId);
  if (!item || item.planId !== req.planId) return refuse("not-found");
  const refusal = planItemRefusal(item, await loadActor(deps.db, req.userId), req.change);
  if (refusal) return refuse(refusal);
  if (req.change === "done") return { ok: true, item, moveTo: null };
  const { tz } = await loadPlanOrg(deps.db);
  const today = localDateOf(deps.now(), tz);
  const checked = checkNewDate(req, item.year, today);
  if (!checked.ok)
    return { ok: false, error: "input", errors: checked.errors, year: item.year, today };
  return { ok: true, item, moveTo: checked };
}

/** A secretary marks a plan item done, or moves it to a new date with a reason. */
export async function changePlanItem(
  deps: PlanDeps,
  req: ItemRequest & { source: string },
): Promise<PlanItemCheck | PlanResult<{ changed: boolean }>> {
  const checked = await checkPlanItemChange(deps, req);
  if (!checked.ok) return checked;
  const { item, moveTo } = checked;
  if (!moveTo && item.status === "DONE") return { ok: true, changed: false };
  const org = await loadPlanOrg(deps.db);
  const now = deps.now();
  const changed = await inTx(deps.db, async (tx) => {
    const won = moveTo
      ? await movePlanItem(tx, {
          itemId: item.id,
          from: item.target,
          to: targetCode(moveTo.target),
          reason: moveTo.reason,
          by: req.userId,
          at: now,
          event: "rescheduled",
          detail: { date: moveTo.date, source: req.source },
        })
      : await markPlanItemDone(tx, {
          itemId: item.id,
          by: req.userId,
          at: now,
          detail: { via: "plan", source: req.source },
        });
    if (!won) return false;
    const plan = await loadPlanRecord(tx, item.planId);
    const tag = `i${item.id}-${req.change}-${now.getTime()}`;
    if (plan) await updateApproved({ tx, org, present: deps.presenters.annualPlans, tag }, plan);
    return true;
  });
  if (changed) deps.homes?.changed({ users: [req.userId] });
  return { ok: true, changed };
}

/**
 * The plan items ticked in a task-list modal, as rows of that list (title, category, responsible
 * person, expected result, linked): each must be one of the list's branch's items due in its
 * month, else the first that is not (a forged or out-of-date tick) is named.
 */
export async function planRowsForList(
  db: Database,
  listId: number,
  ids: readonly number[],
): Promise<{ ok: true; items: TaskItemData[] } | { ok: false; notDue: number }> {
  const rec = await loadListRecord(db, listId, { comments: false });
  const due = rec ? await duePlanItems(db, rec.branch.id, rec.period) : [];
  const items: TaskItemData[] = [];
  for (const id of new Set(ids)) {
    const d = due.find((i) => i.id === id);
    if (!d) return { ok: false, notDue: id };
    items.push({
      title: d.title,
      category: d.category,
      ownerUserId: d.ownerUserId,
      dueDate: null,
      expectedResult: d.expectedResult,
      planItemId: d.id,
    });
  }
  return { ok: true, items };
}
