import { optBool, optString, reqString } from "../args.ts";
import { SlackApiError } from "../errors.ts";
import { messageJson } from "../serialize.ts";
import { LIMITS } from "../validate.ts";
import { readContent } from "./content.ts";
import type { MethodContext, MethodSpec } from "./context.ts";
import { assertCanPost, resolveChannel } from "./membership.ts";

function postMessage(ctx: MethodContext) {
  const { ws, args } = ctx;
  const channel = resolveChannel(ws, reqString(args, "channel"));
  assertCanPost(ws, channel);
  const content = readContent(args, { maxText: LIMITS.postText, strictText: ctx.strictText });
  const threadTs = optString(args, "thread_ts");
  if (threadTs !== undefined && !ws.message(channel.id, threadTs)) {
    throw new SlackApiError("thread_not_found");
  }
  const msg = ws.addMessage({
    channel: channel.id,
    user: ws.bot.userId,
    bot_id: ws.bot.botId,
    app_id: ws.bot.appId,
    ...content,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    ...(optBool(args, "reply_broadcast") ? { reply_broadcast: true } : {}),
  });
  return { ok: true, channel: channel.id, ts: msg.ts, message: messageJson(ws, msg) };
}

function findOwnMessage(ctx: MethodContext, cantCode: string) {
  const { ws, args } = ctx;
  const channel = resolveChannel(ws, reqString(args, "channel"));
  const ts = reqString(args, "ts");
  const msg = ws.message(channel.id, ts);
  if (!msg) throw new SlackApiError("message_not_found");
  if (msg.bot_id !== ws.bot.botId) throw new SlackApiError(cantCode);
  return { channel, msg };
}

function update(ctx: MethodContext) {
  const { ws, args } = ctx;
  const { channel, msg } = findOwnMessage(ctx, "cant_update_message");
  if (channel.archived) throw new SlackApiError("is_archived");
  const content = readContent(args, { maxText: LIMITS.updateText, strictText: ctx.strictText });
  msg.text = content.text;
  // chat.update replaces blocks only when given; an empty text with no blocks keeps the old ones.
  if (content.blocks !== undefined) msg.blocks = content.blocks;
  if (content.metadata !== undefined) msg.metadata = content.metadata;
  msg.edited = { user: ws.bot.userId, ts: ws.nextTs() };
  return {
    ok: true,
    channel: channel.id,
    ts: msg.ts,
    text: msg.text,
    message: messageJson(ws, msg),
  };
}

function remove(ctx: MethodContext) {
  const { channel, msg } = findOwnMessage(ctx, "cant_delete_message");
  ctx.ws.deleteMessage(msg);
  return { ok: true, channel: channel.id, ts: msg.ts };
}

function postEphemeral(ctx: MethodContext) {
  const { ws, args } = ctx;
  const channel = resolveChannel(ws, reqString(args, "channel"));
  assertCanPost(ws, channel);
  const user = ws.requireUser(reqString(args, "user"));
  if (!channel.members.has(user.id)) throw new SlackApiError("user_not_in_channel");
  const content = readContent(args, { maxText: LIMITS.postText, strictText: ctx.strictText });
  const threadTs = optString(args, "thread_ts");
  const e = ws.addEphemeral({
    channel: channel.id,
    user: user.id,
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    source: "chat.postEphemeral",
  });
  return { ok: true, message_ts: e.ts };
}

function getPermalink(ctx: MethodContext) {
  const { ws, args } = ctx;
  const channel = resolveChannel(ws, reqString(args, "channel"));
  const ts = reqString(args, "message_ts");
  if (!ws.message(channel.id, ts)) throw new SlackApiError("message_not_found");
  return { ok: true, channel: channel.id, permalink: ws.permalink(channel.id, ts) };
}

export const chatMethods: Record<string, MethodSpec> = {
  "chat.postMessage": { tier: "post", handler: postMessage },
  "chat.update": { tier: 3, handler: update },
  "chat.delete": { tier: 3, handler: remove },
  "chat.postEphemeral": { tier: 4, handler: postEphemeral },
  "chat.getPermalink": { tier: 4, handler: getPermalink },
};
