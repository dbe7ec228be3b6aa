/**
 * A person's reply in a thread the bot started (a reminder's, a query's, a project's): Slack
 * sends every such message as one `message` event, so the features share one listener and each
 * says whether the thread is one of its own (Feature.threadReplies, first taker wins). Bot
 * messages and edits are ignored; a retried event (same event_id) was already dropped by the
 * router (firstDelivery), and each feature stores a reply once by its ts.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.ts";
import type { ThreadReply as ServiceThreadReply } from "../../services/kit/thread-reply.ts";
import type { ListenerApp } from "../router.ts";

export interface ThreadReply extends ServiceThreadReply {
  /** Files shared with the reply: their ids, names and Slack links. */
  files: { id: string; name: string; permalink: string | null }[];
}

/** Handles the reply when its thread is the feature's; true when it took it. */
export type ThreadReplyHandler = (ctx: AppContext, reply: ThreadReply) => Promise<boolean>;

const humanReply = z.object({
  type: z.literal("message"),
  subtype: z.union([z.undefined(), z.literal("file_share")]).optional(),
  bot_id: z.undefined().optional(),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string(),
  channel: z.string(),
  files: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().optional(),
        title: z.string().optional(),
        permalink: z.string().optional(),
      }),
    )
    .optional(),
});

export function threadReplyOf(event: unknown): ThreadReply | null {
  const parsed = humanReply.safeParse(event);
  if (!parsed.success || parsed.data.thread_ts === parsed.data.ts) return null;
  const { channel, thread_ts: threadTs, ts, user: userId, text } = parsed.data;
  const files = (parsed.data.files ?? []).map((f) => ({
    id: f.id,
    name: f.name ?? f.title ?? f.id,
    permalink: f.permalink ?? null,
  }));
  return { channel, threadTs, ts, userId, text, files };
}

/** The one `message` listener, asking each feature's handler in the list's order. */
export function registerThreadReplies(
  app: ListenerApp,
  ctx: AppContext,
  handlers: readonly ThreadReplyHandler[],
): void {
  if (handlers.length === 0) return;
  app.event("message", async ({ event }) => {
    const reply = threadReplyOf(event);
    if (!reply) return;
    for (const handle of handlers) if (await handle(ctx, reply)) return;
  });
}
