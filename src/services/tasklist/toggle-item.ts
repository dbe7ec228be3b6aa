/**
 * Marking an item of the plan in force done, or undoing that. The item's status is the
 * condition of its own update, so of two clicks at once one changes it and the other finds it
 * already changed (and changes nothing). The plan message is updated in the same transaction.
 * The reading and deciding happen before it: the conditional update is what keeps two clicks
 * apart, so a refused or repeated click costs no transaction.
 */
import {
  audit,
  findItem,
  loadActor,
  loadListRecord,
  setItemStatusIfUnchanged,
} from "../../db/repositories/tasklist.ts";
import { type ItemStatus, toggleItem } from "../../domain/task-list-items.ts";
import type { TasklistDeps } from "../../ports/tasklist.ts";
import { advanceFromMonthly } from "../annual-plans/items.ts";
import { afterListChange } from "../home/refresh.ts";
import { inTx } from "../kit/tx.ts";
import { loadTasklistOrg } from "./org.ts";
import { type Result, refuse } from "./result.ts";
import { postOrUpdatePlan } from "./transition.ts";

export interface ToggleRequest {
  listId: number;
  itemId: number;
  to: ItemStatus;
  userId: string;
  source: string;
}

export async function setItemStatus(
  deps: TasklistDeps,
  req: ToggleRequest,
): Promise<Result<{ changed: boolean }>> {
  const item = await findItem(deps.db, req.itemId);
  if (!item || item.revision.listId !== req.listId) return refuse("not-found");
  const rec = await loadListRecord(deps.db, req.listId, { comments: false });
  if (!rec) return refuse("not-found");
  const actor = await loadActor(deps.db, req.userId);
  const decided = toggleItem(
    {
      branchKey: rec.branch.key,
      approvedRevision: rec.approvedRevision,
      itemRevision: item.revision.number,
      item: { status: item.status, ownerUserId: item.ownerUserId },
    },
    req.to,
    actor,
  );
  if (!decided.ok) return refuse(decided.error);
  if (!decided.changed) return { ok: true, changed: false };
  const org = await loadTasklistOrg(deps.db);
  return inTx(deps.db, async (tx): Promise<Result<{ changed: boolean }>> => {
    const now = deps.now();
    const eventId = await setItemStatusIfUnchanged(tx, {
      itemId: item.id,
      from: decided.from,
      to: decided.to,
      by: actor.userId,
      at: now,
    });
    if (eventId === null) return { ok: true, changed: false };
    if (req.to === "DONE" && item.planItemId !== null)
      await advanceFromMonthly(tx, {
        planItemId: item.planItemId,
        branchId: rec.branch.id,
        taskItemId: item.id,
        listId: rec.id,
        period: rec.period,
        by: actor.userId,
        at: now,
      });
    await audit(tx, {
      actor: actor.userId,
      action: req.to === "DONE" ? "tasklist.item.done" : "tasklist.item.undo",
      entityId: rec.id,
      data: { item: item.id, title: item.title, from: decided.from, to: decided.to },
      source: req.source,
      at: now,
    });
    const after = await loadListRecord(tx, rec.id, { comments: false });
    if (after)
      await postOrUpdatePlan(
        { tx, rec: after, org, present: deps.presenters.tasklist, tag: `e${eventId}` },
        "update",
      );
    return { ok: true, changed: true };
  }).then(afterListChange(deps.homes, req.listId));
}
