import { SlackApiError } from "./errors.ts";
import type {
  BotIdentity,
  ChannelKind,
  ChannelRecord,
  Clock,
  EphemeralRecord,
  FileRecord,
  MessageRecord,
  TeamInfo,
  UserRecord,
  ViewRecord,
} from "./types.ts";

export interface UserInit {
  id: string;
  name?: string;
  real_name?: string;
  email?: string;
  tz?: string;
  locale?: string;
  deleted?: boolean;
  is_admin?: boolean;
}

export interface ChannelInit {
  id?: string;
  name: string;
  private?: boolean;
  archived?: boolean;
  /** User ids; include the bot's user id (or set botMember) to let the bot post. */
  members?: string[];
  botMember?: boolean;
}

export interface WorkspaceOptions {
  team?: Partial<TeamInfo>;
  bot?: Partial<BotIdentity>;
  users?: UserInit[];
  channels?: ChannelInit[];
  /** The app has chat:write.public: it may post in public channels it is not a member of. */
  chatWritePublic?: boolean;
  /** Granted bot scopes; when set, methods needing another scope answer missing_scope. */
  scopes?: string[];
  clock: Clock;
}

const TZ_OFFSETS: Record<string, number> = {
  "Asia/Shanghai": 28_800,
  "America/Los_Angeles": -28_800,
  "Europe/London": 0,
  UTC: 0,
};

/** The emulated workspace: team, bot, users, conversations, messages, views and files. */
export class Workspace {
  readonly team: TeamInfo;
  readonly bot: BotIdentity;
  readonly users = new Map<string, UserRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord[]>();
  readonly ephemerals: EphemeralRecord[] = [];
  /** Modal view stack per user (bottom first), at most 3. */
  readonly modalStacks = new Map<string, ViewRecord[]>();
  readonly homeViews = new Map<string, ViewRecord>();
  readonly files = new Map<string, FileRecord>();
  chatWritePublic: boolean;
  scopes: Set<string> | undefined;
  private readonly clock: Clock;
  private lastTsMicros = 0;
  private seq = 0;

  constructor(opts: WorkspaceOptions) {
    this.clock = opts.clock;
    this.team = { id: "T0LOCAL", name: "Local Workspace", domain: "pbb-local", ...opts.team };
    this.bot = {
      userId: "U0BOT",
      botId: "B0BOT",
      appId: "A0LOCAL",
      token: "xoxb-test",
      appToken: "xapp-test",
      name: "pbb",
      ...opts.bot,
    };
    this.chatWritePublic = opts.chatWritePublic ?? false;
    this.scopes = opts.scopes ? new Set(opts.scopes) : undefined;
    this.users.set(this.bot.userId, {
      id: this.bot.userId,
      name: this.bot.name,
      real_name: this.bot.name,
      tz: "UTC",
      tz_offset: 0,
      locale: "en-US",
      deleted: false,
      is_bot: true,
      is_admin: false,
    });
    for (const u of opts.users ?? []) this.addUser(u);
    for (const c of opts.channels ?? []) this.addChannel(c);
  }

  now(): number {
    return this.clock.now();
  }

  /** A new id with a Slack-like prefix (C, D, G, V, F…). */
  newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}0${this.seq.toString(36).toUpperCase().padStart(8, "0")}`;
  }

  /** Strictly increasing message ts in Slack's "1732771200.000100" form. */
  nextTs(): string {
    const micros = Math.max(this.clock.now() * 1000, this.lastTsMicros + 100);
    this.lastTsMicros = micros;
    const sec = Math.floor(micros / 1_000_000);
    const frac = String(micros % 1_000_000).padStart(6, "0");
    return `${sec}.${frac}`;
  }

  addUser(u: UserInit): UserRecord {
    const tz = u.tz ?? "Asia/Shanghai";
    const rec: UserRecord = {
      id: u.id,
      name: u.name ?? u.id.toLowerCase(),
      real_name: u.real_name ?? u.name ?? u.id,
      tz,
      tz_offset: TZ_OFFSETS[tz] ?? 0,
      locale: u.locale ?? "en-US",
      deleted: u.deleted ?? false,
      is_bot: false,
      is_admin: u.is_admin ?? false,
      ...(u.email ? { email: u.email } : {}),
    };
    this.users.set(rec.id, rec);
    return rec;
  }

  addChannel(c: ChannelInit): ChannelRecord {
    const kind: ChannelKind = c.private ? "private" : "public";
    const members = new Set(c.members ?? []);
    if (c.botMember) members.add(this.bot.userId);
    const rec: ChannelRecord = {
      id: c.id ?? this.newId(c.private ? "G" : "C"),
      name: c.name,
      kind,
      archived: c.archived ?? false,
      members,
      created: Math.floor(this.now() / 1000),
      creator: c.members?.[0] ?? this.bot.userId,
      topic: "",
      purpose: "",
    };
    this.channels.set(rec.id, rec);
    this.messages.set(rec.id, []);
    return rec;
  }

  user(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  requireUser(id: string): UserRecord {
    const u = this.users.get(id);
    if (!u) throw new SlackApiError("user_not_found");
    return u;
  }

  /** By id, or by name (with or without '#'). */
  channel(idOrName: string): ChannelRecord | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, "");
    for (const c of this.channels.values()) if (c.name === name && c.kind !== "im") return c;
    return undefined;
  }

  /** The IM between the bot and a user, created on first use. */
  dmWith(userId: string): ChannelRecord {
    for (const c of this.channels.values()) {
      if (c.kind === "im" && c.imUser === userId) return c;
    }
    const rec: ChannelRecord = {
      id: this.newId("D"),
      name: userId,
      kind: "im",
      archived: false,
      members: new Set([userId, this.bot.userId]),
      created: Math.floor(this.now() / 1000),
      creator: this.bot.userId,
      imUser: userId,
      topic: "",
      purpose: "",
    };
    this.channels.set(rec.id, rec);
    this.messages.set(rec.id, []);
    return rec;
  }

  /** An MPIM between the bot and several users, reused when the member set matches. */
  mpimWith(userIds: string[]): ChannelRecord {
    const wanted = new Set([...userIds, this.bot.userId]);
    for (const c of this.channels.values()) {
      if (c.kind === "mpim" && c.members.size === wanted.size) {
        if ([...wanted].every((u) => c.members.has(u))) return c;
      }
    }
    const rec: ChannelRecord = {
      id: this.newId("G"),
      name: `mpdm-${userIds.join("--")}-1`,
      kind: "mpim",
      archived: false,
      members: wanted,
      created: Math.floor(this.now() / 1000),
      creator: this.bot.userId,
      topic: "",
      purpose: "",
    };
    this.channels.set(rec.id, rec);
    this.messages.set(rec.id, []);
    return rec;
  }

  /** All messages of a conversation (top level and replies), oldest first, without deleted ones. */
  history(channel: string): MessageRecord[] {
    return (this.messages.get(channel) ?? []).filter((m) => !m.deleted);
  }

  message(channel: string, ts: string): MessageRecord | undefined {
    return this.history(channel).find((m) => m.ts === ts);
  }

  /** Adds a message (bot or user) and links a reply to its parent. */
  addMessage(m: Omit<MessageRecord, "ts" | "replies" | "deleted">): MessageRecord {
    const rec: MessageRecord = { ...m, ts: this.nextTs(), replies: [], deleted: false };
    if (rec.thread_ts !== undefined) {
      const parent = this.message(rec.channel, rec.thread_ts);
      if (!parent) throw new SlackApiError("thread_not_found");
      // A reply to a reply belongs to the same thread.
      const root =
        parent.thread_ts && parent.thread_ts !== parent.ts ? parent.thread_ts : parent.ts;
      rec.thread_ts = root;
      const rootMsg = this.message(rec.channel, root);
      if (rootMsg) {
        rootMsg.thread_ts = root;
        rootMsg.replies.push(rec.ts);
      }
    }
    const list = this.messages.get(rec.channel) ?? [];
    list.push(rec);
    this.messages.set(rec.channel, list);
    return rec;
  }

  deleteMessage(m: MessageRecord): void {
    m.deleted = true;
    if (m.thread_ts && m.thread_ts !== m.ts) {
      const parent = this.message(m.channel, m.thread_ts);
      if (parent) parent.replies = parent.replies.filter((ts) => ts !== m.ts);
    }
  }

  addEphemeral(e: Omit<EphemeralRecord, "ts" | "deleted">): EphemeralRecord {
    const rec: EphemeralRecord = { ...e, ts: this.nextTs(), deleted: false };
    this.ephemerals.push(rec);
    return rec;
  }

  /** Live ephemeral messages for a user, optionally in one channel, oldest first. */
  ephemeralsFor(user: string, channel?: string): EphemeralRecord[] {
    return this.ephemerals.filter(
      (e) => !e.deleted && e.user === user && (channel === undefined || e.channel === channel),
    );
  }

  modalStack(user: string): ViewRecord[] {
    return this.modalStacks.get(user) ?? [];
  }

  /** The top view of the user's open modal. */
  topView(user: string): ViewRecord | undefined {
    const stack = this.modalStack(user);
    return stack[stack.length - 1];
  }

  /** Finds a view by id (or external_id) among modals and Home tabs. */
  findView(by: { id?: string; externalId?: string }): ViewRecord | undefined {
    const all = [...[...this.modalStacks.values()].flat(), ...this.homeViews.values()];
    return all.find(
      (v) =>
        (by.id !== undefined && v.id === by.id) ||
        (by.externalId !== undefined && v.external_id !== "" && v.external_id === by.externalId),
    );
  }

  newHash(): string {
    return `${Math.floor(this.now() / 1000)}.${this.newId("H").slice(2).toLowerCase()}`;
  }

  permalink(channel: string, ts: string): string {
    return `https://${this.team.domain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
  }
}
