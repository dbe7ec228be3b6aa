/**
 * Slack's mrkdwn → HTML: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, <@U…>
 * mentions, <#C…> channels, <!here>, <url|text> links, newlines, and &lt; &gt; &amp;.
 */
import { applyStyle } from "../../localslack/mrkdwn.ts";
import { escapeHtml } from "./html.ts";

export interface NameLookup {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  /** Where the page serves a file of the local Slack that `url` (its permalink) names. */
  fileLink?(url: string): string | undefined;
}

const decode = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Decodes Slack's three escapes, then escapes for HTML. */
const literal = (text: string) => escapeHtml(decode(text));

const SPECIALS: Record<string, string> = {
  here: "@here",
  channel: "@channel",
  everyone: "@everyone",
};

function safeUrl(url: string): string | undefined {
  return /^(https?:|mailto:)/i.test(url) ? url : undefined;
}

/** One `<…>` token: mention, channel, special or link. */
function token(body: string, names: NameLookup): string {
  const [target = "", label] = splitLabel(body);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    const name = names.userName(id) ?? label ?? id;
    return `<span class="mention" data-user="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const name = names.channelName(id) ?? label ?? id;
    return `<span class="mention channel-mention">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("!")) {
    const [kind = "", ...rest] = target.slice(1).split("^");
    if (kind === "date") return literal(label ?? rest[0] ?? "");
    if (kind === "subteam") return `<span class="mention">${literal(label ?? "@team")}</span>`;
    return `<span class="mention">${escapeHtml(SPECIALS[kind] ?? `@${kind}`)}</span>`;
  }
  const url = names.fileLink?.(decode(target)) ?? safeUrl(decode(target));
  const text = label ?? target;
  if (!url) return literal(text);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${format(literal(text))}</a>`;
}

function splitLabel(body: string): [string, string | undefined] {
  const bar = body.indexOf("|");
  return bar < 0 ? [body, undefined] : [body.slice(0, bar), body.slice(bar + 1)];
}

// Slack's rule (src/localslack/mrkdwn.ts): markers count at half-width boundaries only, so
// markers glued to Chinese text stay raw here as they do in Slack. The token stand-ins
// (\u{E000}…\u{E001}) count as edges, as the `<`/`>` they replace do in Slack.
const TOKEN_EDGE = "\u{E000}\u{E001}";
const bold = (text: string) => applyStyle(text, "*", (s) => `<strong>${s}</strong>`, TOKEN_EDGE);
const italic = (text: string) => applyStyle(text, "_", (s) => `<em>${s}</em>`, TOKEN_EDGE);
const strike = (text: string) => applyStyle(text, "~", (s) => `<del>${s}</del>`, TOKEN_EDGE);

/** Bold, italic and strike on already-escaped HTML text. */
function format(escaped: string): string {
  return strike(italic(bold(escaped)));
}

/** Text outside code: tokens, escapes, styles, quotes and line breaks. */
function prose(text: string, names: NameLookup): string {
  const tokens: string[] = [];
  const marked = text.replace(/<([^<>\n]+)>/g, (_m, body: string) => {
    tokens.push(token(body, names));
    return `\u{E000}${tokens.length - 1}\u{E001}`;
  });
  const formatted = format(literal(marked));
  const withTokens = formatted.replace(
    /\u{E000}(\d+)\u{E001}/gu,
    (_m, i: string) => tokens[Number(i)] ?? "",
  );
  return quotes(withTokens);
}

/** Lines starting with "> " (or "&gt; " as sent) become blockquotes; newlines become <br>. */
function quotes(escapedHtml: string): string {
  const lines = escapedHtml.split("\n");
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const m = /^&gt;\s?(.*)$/.exec(line);
    if (m) quote.push(m[1] ?? "");
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join("<br>").replace(/<\/blockquote><br>/g, "</blockquote>");
}

export function mrkdwnToHtml(text: string, names: NameLookup): string {
  const parts: string[] = [];
  // ```pre``` first, then `code`, then the prose between them.
  const pre = text.split(/```/);
  pre.forEach((segment, i) => {
    if (i % 2 === 1 && i < pre.length - 1) {
      parts.push(`<pre class="code-block">${literal(segment.replace(/^\n/, ""))}</pre>`);
      return;
    }
    const seg = i % 2 === 1 ? `\`\`\`${segment}` : segment;
    const code = seg.split(/`/);
    code.forEach((piece, j) => {
      if (j % 2 === 1 && j < code.length - 1) parts.push(`<code>${literal(piece)}</code>`);
      else parts.push(prose(j % 2 === 1 ? `\`${piece}` : piece, names));
    });
  });
  return parts.join("");
}

/** plain_text: escapes only (and line breaks); `emoji` shortcodes are left as typed. */
export function plainToHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}
