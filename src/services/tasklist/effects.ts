/** Carrying out a transition's symbolic effects as outbox messages, in its transaction. */
import { approvedItemsOf } from "../../db/repositories/tasklist.ts";
import { previousPeriod } from "../../domain/period.ts";
import { type Effect, latestRevision, revisionOf } from "../../domain/task-list.ts";
import { unfinishedItems } from "../../domain/task-list-items.ts";
import {
  dmSecretaries,
  type MessageContext,
  postCommittee,
  postOrUpdatePlan,
  postOrUpdateReturned,
  updateCommittee,
  updateReminder,
} from "./messages.ts";

/** Unfinished items of last month's plan, which the modal offers while nothing is submitted. */
export async function carriedOverCount(c: Pick<MessageContext, "tx" | "rec">): Promise<number> {
  if (c.rec.state !== "DRAFT") return 0;
  const items = await approvedItemsOf(c.tx, c.rec.branch.id, previousPeriod(c.rec.period));
  return unfinishedItems(items).length;
}

export async function applyEffects(
  c: MessageContext,
  effects: readonly Effect[],
  opts: { withdrawnAt?: Date } = {},
): Promise<void> {
  const latest = latestRevision(c.rec);
  if (!latest) throw new Error(`list ${c.rec.id} has no revision after a transition`);
  for (const effect of effects) {
    switch (effect) {
      case "post-committee":
        await postCommittee(c, latest);
        break;
      case "update-committee":
        await updateCommittee(c, latest, opts.withdrawnAt);
        break;
      case "update-reminder":
        await updateReminder(c, await carriedOverCount(c));
        break;
      case "post-branch-plan":
        await postOrUpdatePlan(c, "post");
        break;
      case "update-branch-plan":
        await postOrUpdatePlan(c, "update");
        break;
      case "post-branch-returned":
        await postOrUpdateReturned(c, latest, "post");
        break;
      case "update-branch-returned": {
        const returned = revisionOf(c.rec, latest.number - 1);
        if (returned) await postOrUpdateReturned(c, returned, "update");
        break;
      }
      case "dm-secretaries":
        await dmSecretaries(c, latest);
        break;
    }
  }
  // The plan in force says whether an amendment waits: keep it current on every change.
  const planned = effects.includes("post-branch-plan") || effects.includes("update-branch-plan");
  if (!planned && c.rec.approvedRevision !== null) await postOrUpdatePlan(c, "update");
}
