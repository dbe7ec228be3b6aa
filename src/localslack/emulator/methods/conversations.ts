import { optBool, optList, optString, reqString } from "../args.ts";
import { SlackApiError } from "../errors.ts";
import { channelJson, messageJson } from "../serialize.ts";
import type { ChannelKind, MessageRecord } from "../types.ts";
import type { MethodContext, MethodSpec } from "./context.ts";
import { assertCanRead, resolveChannel } from "./membership.ts";
import { paginate } from "./pagination.ts";

function open(ctx: MethodContext) {
  const { ws, args } = ctx;
  const existing = optString(args, "channel");
  const users = optList(args, "users");
  if (existing !== undefined) {
    const c = resolveChannel(ws, existing);
    return { ok: true, channel: channelJson(ws, c) };
  }
  if (!users || users.length === 0) throw new SlackApiError("users_list_not_supplied");
  for (const id of users) {
    const u = ws.user(id);
    if (!u) throw new SlackApiError("user_not_found");
    if (u.deleted) throw new SlackApiError("user_disabled");
  }
  const humans = users.filter((u) => u !== ws.bot.userId);
  const first = humans[0];
  const c = humans.length <= 1 && first !== undefined ? ws.dmWith(first) : ws.mpimWith(humans);
  const full = optBool(args, "return_im") === true;
  return { ok: true, channel: full ? channelJson(ws, c) : { id: c.id } };
}

function info(ctx: MethodContext) {
  const c = resolveChannel(ctx.ws, reqString(ctx.args, "channel"));
  const includeLocale = optBool(ctx.args, "include_locale") === true;
  return { ok: true, channel: channelJson(ctx.ws, c, { info: true, includeLocale }) };
}

function members(ctx: MethodContext) {
  const c = resolveChannel(ctx.ws, reqString(ctx.args, "channel"));
  const { page, nextCursor } = paginate(ctx.args, [...c.members], {
    kind: "member",
    defaultLimit: 100,
  });
  return { ok: true, members: page, response_metadata: { next_cursor: nextCursor } };
}

const TYPE_KIND: Record<string, ChannelKind> = {
  public_channel: "public",
  private_channel: "private",
  im: "im",
  mpim: "mpim",
};

function list(ctx: MethodContext) {
  const { ws, args } = ctx;
  const types = (optList(args, "types") ?? ["public_channel"]).map((t) => TYPE_KIND[t]);
  const excludeArchived = optBool(args, "exclude_archived") === true;
  const visible = [...ws.channels.values()].filter(
    (c) =>
      types.includes(c.kind) &&
      (c.kind === "public" || c.members.has(ws.bot.userId)) &&
      !(excludeArchived && c.archived),
  );
  const { page, nextCursor } = paginate(args, visible, { kind: "channel", defaultLimit: 100 });
  return {
    ok: true,
    channels: page.map((c) => channelJson(ws, c)),
    response_metadata: { next_cursor: nextCursor },
  };
}

/** Applies latest/oldest/inclusive to a list of messages. */
function inRange(ctx: MethodContext, msgs: MessageRecord[]): MessageRecord[] {
  const latest = optString(ctx.args, "latest");
  const oldest = optString(ctx.args, "oldest");
  const inclusive = optBool(ctx.args, "inclusive") === true;
  const num = (ts: string) => Number(ts);
  return msgs.filter((m) => {
    const t = num(m.ts);
    if (latest !== undefined && (inclusive ? t > num(latest) : t >= num(latest))) return false;
    if (oldest !== undefined && (inclusive ? t < num(oldest) : t <= num(oldest))) return false;
    return true;
  });
}

function history(ctx: MethodContext) {
  const { ws, args } = ctx;
  const c = resolveChannel(ws, reqString(args, "channel"));
  assertCanRead(ws, c);
  const includeMetadata = optBool(args, "include_all_metadata") === true;
  // Thread replies stay in the thread unless broadcast to the channel.
  const top = ws
    .history(c.id)
    .filter((m) => !m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast)
    .reverse();
  const paging = { kind: "history", defaultLimit: 100 };
  return messagesPage(ctx, top, paging, includeMetadata, { pin_count: 0 });
}

/** One page of messages in the range asked for, with Slack's `has_more` and next cursor. */
function messagesPage(
  ctx: MethodContext,
  messages: MessageRecord[],
  paging: { kind: string; defaultLimit: number },
  includeMetadata: boolean,
  extra: Record<string, unknown> = {},
) {
  const { page, nextCursor } = paginate(ctx.args, inRange(ctx, messages), paging);
  return {
    ok: true,
    messages: page.map((m) => messageJson(ctx.ws, m, { includeMetadata })),
    has_more: nextCursor !== "",
    ...extra,
    response_metadata: { next_cursor: nextCursor },
  };
}

function replies(ctx: MethodContext) {
  const { ws, args } = ctx;
  const c = resolveChannel(ws, reqString(args, "channel"));
  assertCanRead(ws, c);
  const ts = reqString(args, "ts");
  const parent = ws.message(c.id, ts);
  if (!parent) throw new SlackApiError("thread_not_found");
  const root = parent.thread_ts ?? parent.ts;
  const thread = ws.history(c.id).filter((m) => m.ts === root || m.thread_ts === root);
  const includeMetadata = optBool(args, "include_all_metadata") === true;
  return messagesPage(ctx, thread, { kind: "replies", defaultLimit: 1000 }, includeMetadata);
}

function join(ctx: MethodContext) {
  const { ws } = ctx;
  const c = resolveChannel(ws, reqString(ctx.args, "channel"));
  if (c.kind !== "public") throw new SlackApiError("method_not_supported_for_channel_type");
  if (c.archived) throw new SlackApiError("is_archived");
  const already = c.members.has(ws.bot.userId);
  c.members.add(ws.bot.userId);
  return {
    ok: true,
    channel: channelJson(ws, c),
    ...(already ? { warning: "already_in_channel" } : {}),
  };
}

export const conversationMethods: Record<string, MethodSpec> = {
  "conversations.open": { tier: 3, handler: open },
  "conversations.info": { tier: 3, handler: info },
  "conversations.members": { tier: 4, handler: members },
  "conversations.list": { tier: 2, handler: list },
  "conversations.history": { tier: 3, handler: history },
  "conversations.replies": { tier: 3, handler: replies },
  "conversations.join": { tier: 3, handler: join },
};
