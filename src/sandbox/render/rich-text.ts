/** rich_text blocks (what people type in Slack's composer) → HTML. */
import type { RenderContext } from "./context.ts";
import { escapeHtml, type Html, html, join, raw } from "./html.ts";
import { type Json, obj, objs, str } from "./json.ts";

function styled(text: string, style: Json | undefined): string {
  let out = escapeHtml(text).replace(/\n/g, "<br>");
  if (style?.code) out = `<code>${out}</code>`;
  if (style?.bold) out = `<strong>${out}</strong>`;
  if (style?.italic) out = `<em>${out}</em>`;
  if (style?.strike) out = `<del>${out}</del>`;
  return out;
}

function inline(e: Json, ctx: RenderContext): string {
  const style = obj(e.style);
  switch (e.type) {
    case "text":
      return styled(str(e.text) ?? "", style);
    case "link": {
      const url = str(e.url) ?? "";
      const safe = /^(https?:|mailto:)/i.test(url);
      const text = styled(str(e.text) ?? url, style);
      return safe
        ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>`
        : text;
    }
    case "user": {
      const id = str(e.user_id) ?? "";
      return `<span class="mention">@${escapeHtml(ctx.userName(id) ?? id)}</span>`;
    }
    case "channel": {
      const id = str(e.channel_id) ?? "";
      return `<span class="mention">#${escapeHtml(ctx.channelName(id) ?? id)}</span>`;
    }
    case "broadcast":
      return `<span class="mention">@${escapeHtml(str(e.range) ?? "here")}</span>`;
    case "emoji":
      return str(e.unicode)
        ? String.fromCodePoint(
            ...(str(e.unicode) ?? "").split("-").map((h) => Number.parseInt(h, 16)),
          )
        : `:${escapeHtml(str(e.name) ?? "")}:`;
    default:
      return "";
  }
}

const inlines = (e: Json, ctx: RenderContext) =>
  objs(e.elements)
    .map((x) => inline(x, ctx))
    .join("");

function part(e: Json, ctx: RenderContext): Html {
  switch (e.type) {
    case "rich_text_section":
      return html`<div class="rt-section">${raw(inlines(e, ctx))}</div>`;
    case "rich_text_quote":
      return html`<blockquote>${raw(inlines(e, ctx))}</blockquote>`;
    case "rich_text_preformatted":
      return html`<pre class="code-block">${raw(inlines(e, ctx))}</pre>`;
    case "rich_text_list": {
      const items = objs(e.elements).map((s) => html`<li>${raw(inlines(s, ctx))}</li>`);
      return e.style === "ordered" ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    default:
      return html``;
  }
}

export function renderRichText(block: Json, ctx: RenderContext): Html {
  return html`<div class="bk-rich-text">${join(objs(block.elements).map((e) => part(e, ctx)))}</div>`;
}
