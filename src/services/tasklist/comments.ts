/**
 * A reply in a reminder's thread is a comment on that month's list: stored once (by its ts),
 * counted on the reminder, and shown on the committee message while a revision waits there.
 */
import {
  audit,
  findListByReminder,
  insertComment,
  loadListRecord,
} from "../../db/repositories/tasklist.ts";
import { latestRevision } from "../../domain/task-list.ts";
import type { TasklistDeps } from "../../ports/tasklist.ts";
import type { Deps } from "../kit/result.ts";
import type { ThreadReply } from "../kit/thread-reply.ts";
import { inTx } from "../kit/tx.ts";
import { loadTasklistOrg } from "./org.ts";
import { reminderExtras, updateCommittee, updateReminder } from "./transition.ts";

/** The list the reply is about, if its thread is a reminder's (a cheap lookup first). */
export async function reminderListOf(deps: Deps, reply: Pick<ThreadReply, "channel" | "threadTs">) {
  return (await findListByReminder(deps.db, reply.channel, reply.threadTs))?.id ?? null;
}

/** Records the reply on list `listId`; false when it was already recorded. */
export async function recordThreadReply(
  deps: TasklistDeps,
  listId: number,
  reply: ThreadReply,
): Promise<boolean> {
  const org = await loadTasklistOrg(deps.db);
  return inTx(deps.db, async (tx) => {
    const now = deps.now();
    const commentId = await insertComment(tx, {
      listId,
      authorId: reply.userId,
      text: reply.text,
      slackTs: reply.ts,
      at: now,
    });
    if (commentId === null) return false;
    await audit(tx, {
      actor: reply.userId,
      action: "tasklist.comment",
      entityId: listId,
      data: { ts: reply.ts },
      source: "message",
      at: now,
    });
    const rec = await loadListRecord(tx, listId);
    if (!rec) return true;
    const c = { tx, rec, org, present: deps.presenters.tasklist, tag: `c${commentId}` };
    await updateReminder(c, await reminderExtras(c));
    const latest = latestRevision(rec);
    if (latest?.status === "SUBMITTED") await updateCommittee(c, latest);
    return true;
  });
}
