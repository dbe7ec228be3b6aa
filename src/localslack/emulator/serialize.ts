/** Records → the JSON objects Slack's Web API returns. */
import { createHash } from "node:crypto";
import type {
  ChannelRecord,
  FileRecord,
  Json,
  MessageRecord,
  UserRecord,
  ViewRecord,
} from "./types.ts";
import type { Workspace } from "./workspace.ts";

/** A default avatar per user, as Slack serves one to every user without a custom image. */
function avatar(u: UserRecord): Json {
  const hash = createHash("md5").update(u.id).digest("hex");
  const image = (size: number) => `https://secure.gravatar.com/avatar/${hash}.jpg?s=${size}`;
  return {
    avatar_hash: `g${hash.slice(0, 11)}`,
    image_24: image(24),
    image_32: image(32),
    image_48: image(48),
    image_72: image(72),
    image_192: image(192),
    image_512: image(512),
  };
}

export function userJson(ws: Workspace, u: UserRecord, includeLocale = false): Json {
  const tzLabel = u.tz === "Asia/Shanghai" ? "China Standard Time" : u.tz;
  return {
    id: u.id,
    team_id: ws.team.id,
    name: u.name,
    deleted: u.deleted,
    color: "9f69e7",
    real_name: u.real_name,
    tz: u.tz,
    tz_label: tzLabel,
    tz_offset: u.tz_offset,
    is_admin: u.is_admin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.is_bot,
    is_app_user: false,
    updated: Math.floor(ws.now() / 1000),
    has_2fa: false,
    ...(includeLocale ? { locale: u.locale } : {}),
    profile: {
      ...avatar(u),
      status_text: "",
      status_emoji: "",
      real_name: u.real_name,
      display_name: u.name,
      real_name_normalized: u.real_name,
      display_name_normalized: u.name,
      team: ws.team.id,
      ...(u.email ? { email: u.email } : {}),
      ...(u.is_bot ? { bot_id: ws.bot.botId } : {}),
    },
  };
}

/**
 * A conversation object as conversations.list returns it; conversations.info adds the calling
 * bot's `last_read` (when it is a member) and, asked with include_locale, `locale`.
 */
export function channelJson(
  ws: Workspace,
  c: ChannelRecord,
  opts: { info?: boolean; includeLocale?: boolean } = {},
): Json {
  const isMember = c.members.has(ws.bot.userId);
  if (c.kind === "im") {
    return {
      id: c.id,
      created: c.created,
      is_im: true,
      is_org_shared: false,
      user: c.imUser,
      is_user_deleted: ws.user(c.imUser ?? "")?.deleted ?? false,
      priority: 0,
    };
  }
  return {
    id: c.id,
    name: c.name,
    is_channel: c.kind === "public",
    is_group: c.kind === "private",
    is_im: false,
    is_mpim: c.kind === "mpim",
    is_private: c.kind !== "public",
    created: c.created,
    creator: c.creator,
    is_archived: c.archived,
    is_general: false,
    unlinked: 0,
    name_normalized: c.name,
    is_read_only: false,
    is_shared: false,
    parent_conversation: null,
    is_ext_shared: false,
    is_org_shared: false,
    pending_shared: [],
    is_pending_ext_shared: false,
    is_member: isMember,
    num_members: c.members.size,
    topic: { value: c.topic, creator: "", last_set: 0 },
    purpose: { value: c.purpose, creator: "", last_set: 0 },
    previous_names: [],
    context_team_id: ws.team.id,
    ...(opts.info && isMember ? { last_read: lastRead(ws, c) } : {}),
    ...(opts.includeLocale ? { locale: "en-US" } : {}),
  };
}

/** The newest message's ts: the bot has read everything in the emulator. */
function lastRead(ws: Workspace, c: ChannelRecord): string {
  const tss = ws.history(c.id).map((m) => m.ts);
  return tss.sort().at(-1) ?? "0000000000.000000";
}

export function messageJson(
  ws: Workspace,
  m: MessageRecord,
  opts: { includeMetadata?: boolean } = {},
): Json {
  const isBot = m.bot_id !== undefined;
  const out: Json = {
    type: "message",
    ...(m.subtype ? { subtype: m.subtype } : {}),
    text: m.text,
    user: m.user,
    ts: m.ts,
    team: ws.team.id,
  };
  if (isBot) {
    out.bot_id = m.bot_id;
    out.app_id = m.app_id;
    out.bot_profile = {
      id: ws.bot.botId,
      app_id: ws.bot.appId,
      name: ws.bot.name,
      deleted: false,
      team_id: ws.team.id,
    };
  }
  if (m.blocks) out.blocks = m.blocks;
  if (m.thread_ts) {
    out.thread_ts = m.thread_ts;
    if (m.thread_ts === m.ts) {
      out.reply_count = m.replies.length;
      out.reply_users_count = new Set(
        m.replies.map((ts) => ws.message(m.channel, ts)?.user).filter(Boolean),
      ).size;
      out.latest_reply = m.replies[m.replies.length - 1] ?? m.ts;
    } else {
      out.parent_user_id = ws.message(m.channel, m.thread_ts)?.user;
    }
  }
  if (m.edited) out.edited = m.edited;
  if (m.files) {
    out.files = m.files.flatMap((id) => {
      const f = ws.files.get(id);
      return f ? [fileJson(ws, f)] : [];
    });
  }
  if (m.metadata && opts.includeMetadata) out.metadata = m.metadata;
  return out;
}

export function viewJson(ws: Workspace, v: ViewRecord): Json {
  return {
    id: v.id,
    team_id: ws.team.id,
    type: v.type,
    blocks: v.blocks,
    private_metadata: v.private_metadata,
    callback_id: v.callback_id,
    state: v.state,
    hash: v.hash,
    ...(v.type === "modal"
      ? {
          title: v.title,
          clear_on_close: v.clear_on_close,
          notify_on_close: v.notify_on_close,
          close: v.close ?? null,
          submit: v.submit ?? null,
        }
      : {
          title: v.title ?? { type: "plain_text", text: "View Title" },
          clear_on_close: false,
          notify_on_close: false,
          close: null,
          submit: null,
        }),
    previous_view_id: v.previous_view_id,
    root_view_id: v.root_view_id,
    app_id: ws.bot.appId,
    external_id: v.external_id,
    app_installed_team_id: ws.team.id,
    bot_id: ws.bot.botId,
  };
}

export function fileJson(ws: Workspace, f: FileRecord): Json {
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title,
    mimetype: f.mimetype || "application/octet-stream",
    filetype: f.name.split(".").pop() ?? "binary",
    user: f.user,
    size: f.length,
    is_external: false,
    url_private: `https://files.slack.com/files-pri/${ws.team.id}-${f.id}/${f.name}`,
    permalink: `https://${ws.team.domain}.slack.com/files/${f.user}/${f.id}/${f.name}`,
    channels: f.channels,
  };
}
