/**
 * A reply in a reminder's thread becomes a comment on that month's list. Bot messages and edits
 * are ignored. A retried event (same event_id) never gets here (the router's firstDelivery),
 * and a reply is stored once by its ts whichever way it arrives.
 */

import { z } from "zod";
import type { AppContext } from "../../../app/context.ts";
import {
  recordThreadReply,
  reminderListOf,
  type ThreadReply,
} from "../../../services/tasklist/comments.ts";
import type { ListenerApp } from "../../router.ts";

const humanReply = z.object({
  type: z.literal("message"),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string(),
  channel: z.string(),
});

function threadReplyOf(event: unknown): ThreadReply | null {
  const parsed = humanReply.safeParse(event);
  if (!parsed.success || parsed.data.thread_ts === parsed.data.ts) return null;
  const { channel, thread_ts: threadTs, ts, user: userId, text } = parsed.data;
  return { channel, threadTs, ts, userId, text };
}

export function registerThreadReplies(app: ListenerApp, ctx: AppContext): void {
  // A retried event (same event_id) was already dropped by the router (firstDelivery).
  app.event("message", async ({ event }) => {
    const reply = threadReplyOf(event);
    if (!reply) return;
    const listId = await reminderListOf(ctx, reply);
    if (listId !== null) await recordThreadReply(ctx, listId, reply);
  });
}
