/** Messages as Slack shows them: author, time, blocks (or text), thread summary, ephemerals. */
import {
  type EphemeralRecord,
  type FileRecord,
  fileJson,
  type MessageRecord,
  type Workspace,
} from "../../localslack/index.ts";
import { renderBlocks } from "./blocks.ts";
import { pageWords, type RenderContext } from "./context.ts";
import { type Html, html, raw } from "./html.ts";
import { objs } from "./json.ts";
import { mrkdwnToHtml } from "./mrkdwn.ts";

export interface MessageContext extends RenderContext {
  ws: Workspace;
  /** The acting user's locale, for dates. */
  locale: string;
}

const AVATAR_COLORS = ["#4a154b", "#1264a3", "#2bac76", "#e01e5a", "#ecb22e", "#7c3085", "#0b4c8c"];

function avatar(name: string, id: string, bot: boolean): Html {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const color = bot ? "#611f69" : (AVATAR_COLORS[h % AVATAR_COLORS.length] ?? "#1264a3");
  const letter = bot ? name.slice(0, 1).toUpperCase() : ([...name].at(-1) ?? "?");
  return html`<div class="avatar" style="background:${color}" aria-hidden="true">${letter}</div>`;
}

export const tsDate = (ts: string): Date => new Date(Number(ts.split(".")[0]) * 1000);

export function timeOf(ts: string, ctx: MessageContext): Html {
  const d = tsDate(ts);
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(ctx.locale, { timeZone: ctx.timezone, ...o }).format(d);
  return html`<time datetime="${d.toISOString()}" title="${fmt({ dateStyle: "full", timeStyle: "short" })}">${fmt(
    { hour: "2-digit", minute: "2-digit", hour12: false },
  )}</time>`;
}

export function dayOf(ts: string, ctx: MessageContext): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    timeZone: ctx.timezone,
    dateStyle: "full",
  }).format(tsDate(ts));
}

function body(blocks: readonly unknown[] | undefined, text: string, ctx: MessageContext): Html {
  const list = objs(blocks);
  if (list.length > 0) return renderBlocks(list, ctx);
  return html`<div class="bk-text">${raw(mrkdwnToHtml(text, ctx))}</div>`;
}

/** "12.5 KB": a file's size as Slack lists it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Where the page serves a file's bytes (server/index.ts, as Slack's download link). */
const downloadHref = (f: FileRecord) =>
  `/sandbox/files/${encodeURIComponent(f.id)}/${encodeURIComponent(f.name)}`;

/**
 * The page's download link for a file of the local Slack named by its permalink (an app's
 * message linking the evidence a person uploaded), so the link opens the bytes; undefined
 * for any other URL.
 */
export function fileLinkIn(ws: Workspace): (url: string) => string | undefined {
  return (url) => {
    const id = /\/files\/[A-Z0-9]+\/(F[A-Z0-9]+)\//.exec(url)?.[1];
    const f = id === undefined ? undefined : ws.files.get(id);
    return f?.bytes && fileJson(ws, f).permalink === url ? downloadHref(f) : undefined;
  };
}

/** The files of a message: name, size and a link that downloads the bytes. */
function files(ids: readonly string[], ctx: MessageContext): Html {
  const t = pageWords(ctx);
  const items = ids.map((id) => {
    const f = ctx.ws.files.get(id);
    if (!f) return html``;
    const size = fileSize(f.bytes?.length ?? f.length);
    return html`<li class="file"><span class="file-icon" aria-hidden="true">${
      f.name.split(".").pop()?.slice(0, 4).toUpperCase() ?? ""
    }</span><span class="file-name">${f.title || f.name}</span><span class="file-size">${size}</span><a class="file-download" href="${downloadHref(f)}" download="${f.name}">${t("sandbox.page.download")}</a></li>`;
  });
  return html`<ul class="files">${items}</ul>`;
}

function author(userId: string, isBot: boolean, ctx: MessageContext): Html {
  const u = ctx.ws.user(userId);
  const name = isBot ? ctx.ws.bot.name : (u?.real_name ?? userId);
  return html`${avatar(name, userId, isBot)}<div class="msg-meta"><span class="msg-author">${name}</span>${
    isBot ? html`<span class="badge">${pageWords(ctx)("sandbox.page.app")}</span>` : ""
  }`;
}

export function renderMessage(m: MessageRecord, ctx: MessageContext, inThread: boolean): Html {
  const t = pageWords(ctx);
  const isBot = m.bot_id !== undefined || m.user === ctx.ws.bot.userId;
  const isRoot = !m.thread_ts || m.thread_ts === m.ts;
  const replies = isRoot ? m.replies.length : 0;
  const last = m.replies.at(-1);
  const threadSummary =
    !inThread && replies > 0
      ? html`<button type="button" class="thread-link" data-open-thread="${m.ts}">${t(
          "sandbox.page.replies",
          { count: replies },
        )}</button>${last ? html`<span class="thread-last">${t("sandbox.page.lastReply")} ${timeOf(last, ctx)}</span>` : ""}`
      : "";
  const replyButton =
    !inThread && isRoot
      ? html`<div class="msg-hover"><button type="button" class="msg-action" data-open-thread="${m.ts}" aria-label="${t("sandbox.page.reply")}">${t("sandbox.page.replyButton")}</button></div>`
      : "";
  return html`<article class="msg${isBot ? " from-app" : ""}" data-surface="message" data-channel="${m.channel}" data-ts="${m.ts}" aria-label="${t(
    "sandbox.page.messageFrom",
    {
      name: isBot ? ctx.ws.bot.name : (ctx.ws.user(m.user)?.real_name ?? m.user),
    },
  )}">${author(m.user, isBot, ctx)}${timeOf(m.ts, ctx)}${
    m.edited ? html`<span class="edited">${t("sandbox.page.edited")}</span>` : ""
  }</div><div class="msg-body">${body(m.blocks, m.text, ctx)}${
    m.files?.length ? files(m.files, ctx) : ""
  }${threadSummary}</div>${replyButton}</article>`;
}

export function renderEphemeral(e: EphemeralRecord, ctx: MessageContext): Html {
  const t = pageWords(ctx);
  return html`<article class="msg ephemeral from-app" data-surface="ephemeral" data-channel="${e.channel}" data-ts="${e.ts}" aria-label="${t("sandbox.page.onlyYou")}">${author(
    ctx.ws.bot.userId,
    true,
    ctx,
  )}${timeOf(e.ts, ctx)}</div><div class="msg-body"><p class="ephemeral-note">${t("sandbox.page.onlyYou")}</p>${body(
    e.blocks,
    e.text,
    ctx,
  )}<button type="button" class="link-button" data-dismiss="${e.ts}">${t("sandbox.page.dismiss")}</button></div></article>`;
}

type Item = { ts: string; html: Html };

/** Messages and ephemerals in time order, with a separator at each new day. */
export function renderTimeline(items: Item[], ctx: MessageContext, empty: string): Html {
  if (items.length === 0) return html`<p class="empty">${empty}</p>`;
  let day = "";
  const out: Html[] = [];
  for (const item of [...items].sort((a, b) => Number(a.ts) - Number(b.ts))) {
    const d = dayOf(item.ts, ctx);
    if (d !== day) {
      day = d;
      out.push(html`<div class="day-divider" role="separator"><span>${d}</span></div>`);
    }
    out.push(item.html);
  }
  return html`${out}`;
}
