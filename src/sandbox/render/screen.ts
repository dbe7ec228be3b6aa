/**
 * One person's screen, as regions the page swaps in when they change: the person switcher,
 * the sidebar, the conversation (or App Home), the thread panel and the open modal.
 */
import { type Locale, translator } from "../../i18n/index.ts";
import type { ChannelRecord, UserRecord, Workspace } from "../../localslack/index.ts";
import { renderBlocks } from "./blocks.ts";
import { emojiImages } from "./emoji.ts";
import { type Html, html, raw } from "./html.ts";
import {
  fileLinkIn,
  type MessageContext,
  renderEphemeral,
  renderMessage,
  renderTimeline,
} from "./messages.ts";
import { modalRegion } from "./modal.ts";

export const HOME = "app:home";

/** Words of index.html's static parts (data-i18n="<key>"), sent with every screen. */
const CHROME = [
  "title",
  "tag",
  "clockRegion",
  "message",
  "send",
  "reply",
  "replyPlaceholder",
  "sendReply",
  "confirmTitle",
  "yes",
  "cancel",
  "noAnswer",
] as const;

const LOCK = raw(
  '<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z"/></svg>',
);
export const APP_MESSAGES = "app:messages";

export interface ScreenRequest {
  user: string;
  /** A channel id, HOME or APP_MESSAGES; the first channel of the person when absent. */
  conversation?: string;
  thread?: string;
}

export interface ScreenOptions {
  timezone: string;
  /** A role hint shown beside a name in the switcher ("secretary, 移交安置处党支部"). */
  describePerson?: (userId: string) => string | undefined;
  /** Field errors of the person's top modal view, by block_id. */
  modalErrors?: Record<string, string>;
  /** The page's language (the org's); English when absent. */
  locale?: Locale;
  /** The switcher's groups (committee, secretaries, members), each person with a hint. */
  groups?: () => PersonGroup[];
}

export interface PersonGroup {
  label: string;
  people: { id: string; hint?: string }[];
}

export interface Screen {
  user: string;
  conversation: string;
  thread: string | null;
  /** Where new messages go: a channel id (the bot's DM for APP_MESSAGES), or null (Home). */
  postTo: string | null;
  title: string;
  composerPlaceholder: string;
  modalViewId: string | null;
  /** The page's language (html lang) and the words of its static parts, by data-i18n key. */
  lang: string;
  chrome: Record<string, string>;
  regions: Record<"switcher" | "sidebar" | "header" | "messages" | "thread" | "modal", string>;
}

/** The bot's DM with the person, without opening one. */
export function findDm(ws: Workspace, user: string): ChannelRecord | undefined {
  for (const c of ws.channels.values()) if (c.kind === "im" && c.imUser === user) return c;
  return undefined;
}

export function people(ws: Workspace): UserRecord[] {
  return [...ws.users.values()]
    .filter((u) => !u.is_bot && !u.deleted)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Channels the person sees in the sidebar: theirs, then public ones they could join. */
export function channelsOf(
  ws: Workspace,
  user: string,
): { mine: ChannelRecord[]; other: ChannelRecord[] } {
  const all = [...ws.channels.values()]
    .filter((c) => (c.kind === "public" || c.kind === "private") && !c.archived)
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    mine: all.filter((c) => c.members.has(user)),
    other: all.filter((c) => !c.members.has(user) && c.kind === "public"),
  };
}

function context(ws: Workspace, options: ScreenOptions): MessageContext {
  const locale = options.locale ?? "en";
  return {
    ws,
    locale: locale === "en" ? "en-GB" : locale,
    t: translator(locale),
    timezone: options.timezone,
    userName: (id) => ws.user(id)?.real_name,
    channelName: (id) => ws.channels.get(id)?.name,
    fileLink: fileLinkIn(ws),
    people: () => people(ws),
    channels: () =>
      [...ws.channels.values()]
        .filter((c) => c.kind === "public" || c.kind === "private")
        .map((c) => ({ id: c.id, name: c.name })),
  };
}

function switcher(ws: Workspace, user: string, options: ScreenOptions, ctx: MessageContext): Html {
  const t = ctx.t ?? translator("en");
  const option = (u: UserRecord, hint: string | undefined) =>
    html`<option value="${u.id}"${u.id === user ? html` selected` : ""}>${u.real_name}${
      hint ? ` — ${hint}` : ""
    }</option>`;
  const everyone = people(ws);
  const groups = options.groups?.() ?? [];
  const placed = new Set(groups.flatMap((g) => g.people.map((p) => p.id)));
  const grouped = groups.map(
    (g) =>
      html`<optgroup label="${g.label}">${g.people.map((p) => {
        const u = ws.user(p.id);
        return u && !u.deleted ? option(u, p.hint) : "";
      })}</optgroup>`,
  );
  const rest = everyone
    .filter((u) => !placed.has(u.id))
    .map((u) => option(u, options.describePerson?.(u.id)));
  return html`<label class="switcher" for="acting-as"><span>${t("sandbox.page.actingAs")}</span><select id="acting-as" data-switch-user>${grouped}${rest}</select></label>`;
}

function sidebar(ws: Workspace, user: string, current: string, ctx: MessageContext): Html {
  const t = ctx.t ?? translator("en");
  const { mine, other } = channelsOf(ws, user);
  const link = (id: string, label: Html | string, extra = "") => {
    const active = id === current;
    return html`<li><a href="?as=${user}&amp;c=${id}" data-conv="${id}" class="conv-link${
      active ? " active" : ""
    }${extra}"${active ? html` aria-current="page"` : ""}>${label}</a></li>`;
  };
  const channelLabel = (c: ChannelRecord) =>
    html`<span class="conv-icon" aria-hidden="true">${c.kind === "private" ? LOCK : "#"}</span>${c.name}`;
  const latest = (c: ChannelRecord) => ws.history(c.id).at(-1)?.ts ?? "";
  const mineLinks = mine.map(
    (c) =>
      html`<li><a href="?as=${user}&amp;c=${c.id}" data-conv="${c.id}" data-latest="${latest(c)}" class="conv-link${
        c.id === current ? " active" : ""
      }"${c.id === current ? html` aria-current="page"` : ""}>${channelLabel(c)}</a></li>`,
  );
  const dm = findDm(ws, user);
  return html`<nav aria-label="${t("sandbox.page.channels")}"><h2 class="side-title">${t("sandbox.page.channels")}</h2><ul class="conv-list">${mineLinks}</ul>${
    other.length
      ? html`<details class="more-channels"><summary>${t("sandbox.page.moreChannels")}</summary><ul class="conv-list">${other.map(
          (c) => link(c.id, channelLabel(c)),
        )}</ul></details>`
      : ""
  }<h2 class="side-title">${t("sandbox.page.apps")}</h2><ul class="conv-list">${link(
    HOME,
    html`<span class="conv-icon app-icon" aria-hidden="true">${ws.bot.name.slice(0, 1).toUpperCase()}</span>${ws.bot.name}`,
  )}${html`<li><a href="?as=${user}&amp;c=${APP_MESSAGES}" data-conv="${APP_MESSAGES}" data-latest="${
    dm ? (ws.history(dm.id).at(-1)?.ts ?? "") : ""
  }" class="conv-link sub${current === APP_MESSAGES ? " active" : ""}"${
    current === APP_MESSAGES ? html` aria-current="page"` : ""
  }>${t("sandbox.page.messagesWith", { bot: ws.bot.name })}</a></li>`}</ul></nav>`;
}

function appTabs(current: string, botName: string, ctx: MessageContext): Html {
  const t = ctx.t ?? translator("en");
  const tab = (id: string, label: string) =>
    html`<a href="#" role="tab" data-conv="${id}" aria-selected="${String(current === id)}" class="tab${
      current === id ? " active" : ""
    }">${label}</a>`;
  return html`<div class="conv-title"><span class="app-name">${botName}</span><div role="tablist" aria-label="${t("sandbox.page.tabs")}" class="tabs">${tab(
    HOME,
    t("sandbox.page.home"),
  )}${tab(APP_MESSAGES, t("sandbox.page.messages"))}</div></div>`;
}

function homeRegion(ws: Workspace, user: string, ctx: MessageContext): Html {
  const view = ws.homeViews.get(user);
  if (!view) {
    return html`<div class="home" data-surface="home"><p class="empty">${(ctx.t ?? translator("en"))("sandbox.page.noHome", { bot: ws.bot.name })}</p></div>`;
  }
  return html`<div class="home" data-surface="home" data-view-id="${view.id}">${renderBlocks(view.blocks, ctx)}</div>`;
}

function pickConversation(ws: Workspace, user: string, wanted: string | undefined): string {
  if (wanted === HOME || wanted === APP_MESSAGES) return wanted;
  const { mine, other } = channelsOf(ws, user);
  if (wanted && [...mine, ...other].some((c) => c.id === wanted)) return wanted;
  return mine[0]?.id ?? HOME;
}

export function renderScreen(ws: Workspace, req: ScreenRequest, options: ScreenOptions): Screen {
  const user = req.user;
  const ctx = context(ws, options);
  const t = ctx.t ?? translator("en");
  const conversation = pickConversation(ws, user, req.conversation);
  const isApp = conversation === HOME || conversation === APP_MESSAGES;
  const channel =
    conversation === HOME
      ? undefined
      : conversation === APP_MESSAGES
        ? findDm(ws, user)
        : ws.channels.get(conversation);
  const thread = channel && req.thread ? ws.message(channel.id, req.thread) : undefined;

  let header: Html;
  let messages: Html;
  if (conversation === HOME) {
    header = appTabs(HOME, ws.bot.name, ctx);
    messages = homeRegion(ws, user, ctx);
  } else if (!channel) {
    header = appTabs(APP_MESSAGES, ws.bot.name, ctx);
    messages = html`<p class="empty">${t("sandbox.page.dmStart", { bot: ws.bot.name })}</p>`;
  } else {
    const c = channel;
    header = isApp
      ? appTabs(APP_MESSAGES, ws.bot.name, ctx)
      : html`<div class="conv-title"><h1><span aria-hidden="true">${c.kind === "private" ? LOCK : "#"} </span>${c.name}</h1><span class="members">${t("sandbox.page.members", { count: c.members.size })}</span>${
          c.topic ? html`<span class="topic">${c.topic}</span>` : ""
        }</div>`;
    const top = ws.history(c.id).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    // An ephemeral in a thread shows in the thread panel when that thread is open, else here.
    const openRoot = thread ? (thread.thread_ts ?? thread.ts) : undefined;
    const ephemerals = ws
      .ephemeralsFor(user, c.id)
      .filter((e) => !e.thread_ts || e.thread_ts !== openRoot);
    messages = renderTimeline(
      [
        ...top.map((m) => ({ ts: m.ts, html: renderMessage(m, ctx, false) })),
        ...ephemerals.map((e) => ({ ts: e.ts, html: renderEphemeral(e, ctx) })),
      ],
      ctx,
      isApp
        ? t("sandbox.page.dmStart", { bot: ws.bot.name })
        : t("sandbox.page.channelStart", { channel: c.name }),
    );
  }

  let threadHtml = html``;
  if (channel && thread) {
    const root = thread.thread_ts && thread.thread_ts !== thread.ts ? thread.thread_ts : thread.ts;
    const replies = ws.history(channel.id).filter((m) => m.ts === root || m.thread_ts === root);
    const ephemerals = ws.ephemeralsFor(user, channel.id).filter((e) => e.thread_ts === root);
    threadHtml = html`<div class="thread-head"><h2>${t("sandbox.page.thread")}</h2><span class="thread-where">${
      channel.kind === "im" ? ws.bot.name : `#${channel.name}`
    }</span><button type="button" class="icon-button" data-close-thread aria-label="${t("sandbox.page.closeThread")}">×</button></div><div class="thread-messages" data-root="${root}">${renderTimeline(
      [
        ...replies.map((m) => ({ ts: m.ts, html: renderMessage(m, ctx, true) })),
        ...ephemerals.map((e) => ({ ts: e.ts, html: renderEphemeral(e, ctx) })),
      ],
      ctx,
      "",
    )}</div>`;
  }
  const stack = ws.modalStack(user);
  const top = stack.at(-1);
  const modalCtx = { ...ctx, state: top?.state.values ?? {}, errors: options.modalErrors ?? {} };
  const placeholder =
    conversation === HOME
      ? ""
      : isApp
        ? t("sandbox.page.composeDm", { bot: ws.bot.name })
        : t("sandbox.page.composeChannel", { channel: channel?.name ?? "" });
  return {
    user,
    conversation,
    thread: thread ? (thread.thread_ts ?? thread.ts) : null,
    // The driver reads a user id as the bot's DM with that user, opening it on first use.
    postTo: conversation === HOME ? null : isApp ? user : (channel?.id ?? null),
    title: channel && channel.kind !== "im" ? `#${channel.name}` : ws.bot.name,
    composerPlaceholder: placeholder,
    modalViewId: top?.id ?? null,
    lang: options.locale ?? "en",
    chrome: Object.fromEntries(CHROME.map((k) => [k, t(`sandbox.page.${k}`)])),
    regions: {
      switcher: switcher(ws, user, options, ctx).value,
      sidebar: sidebar(ws, user, conversation, ctx).value,
      header: emojiImages(header.value),
      messages: emojiImages(messages.value),
      thread: emojiImages(threadHtml.value),
      modal: emojiImages(modalRegion(top, stack.length, modalCtx).value),
    },
  };
}
