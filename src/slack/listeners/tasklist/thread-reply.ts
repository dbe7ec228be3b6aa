/** A reply in a reminder's thread becomes a comment on that month's list (stored once by its ts). */
import { recordThreadReply, reminderListOf } from "../../../services/tasklist/comments.ts";
import type { ThreadReplyHandler } from "../thread-replies.ts";

export const tasklistThreadReply: ThreadReplyHandler = async (ctx, reply) => {
  const listId = await reminderListOf(ctx, reply);
  if (listId === null) return false;
  await recordThreadReply(ctx, listId, reply);
  return true;
};
