/** Block Kit blocks → HTML, as Slack lays them out in messages, modals and the Home tab. */
import type { RenderContext } from "./context.ts";
import { renderElement } from "./elements.ts";
import { type Html, html, raw } from "./html.ts";
import { renderInput } from "./inputs.ts";
import { type Json, obj, objs, plainOf, str, textObject } from "./json.ts";
import { mrkdwnToHtml, plainToHtml } from "./mrkdwn.ts";
import { renderRichText } from "./rich-text.ts";

export function renderText(v: unknown, ctx: RenderContext): Html {
  const t = textObject(v);
  if (!t) return html``;
  return raw(t.type === "mrkdwn" ? mrkdwnToHtml(t.text, ctx) : plainToHtml(t.text));
}

function section(block: Json, blockId: string, ctx: RenderContext): Html {
  const fields = objs(block.fields);
  const accessory = obj(block.accessory);
  return html`<div class="bk-section${accessory ? " with-accessory" : ""}"><div class="bk-section-body">${
    block.text ? html`<div class="bk-text">${renderText(block.text, ctx)}</div>` : ""
  }${
    fields.length
      ? html`<div class="bk-fields">${fields.map((f) => html`<div class="bk-field">${renderText(f, ctx)}</div>`)}</div>`
      : ""
  }</div>${accessory ? html`<div class="bk-accessory">${renderElement(accessory, blockId, ctx)}</div>` : ""}</div>`;
}

function contextBlock(block: Json, ctx: RenderContext): Html {
  const items = objs(block.elements).map((e) =>
    e.type === "image"
      ? html`<img class="bk-context-image" src="${str(e.image_url) ?? ""}" alt="${str(e.alt_text) ?? ""}">`
      : html`<span>${renderText(e, ctx)}</span>`,
  );
  return html`<div class="bk-context">${items}</div>`;
}

function image(block: Json): Html {
  const title = plainOf(block.title);
  return html`<figure class="bk-image">${title ? html`<figcaption>${title}</figcaption>` : ""}<img src="${
    str(block.image_url) ?? ""
  }" alt="${str(block.alt_text) ?? ""}" loading="lazy"></figure>`;
}

export function renderBlock(block: Json, ctx: RenderContext): Html {
  const blockId = str(block.block_id) ?? "";
  switch (block.type) {
    case "header":
      return html`<h3 class="bk-header">${plainOf(block.text)}</h3>`;
    case "section":
      return section(block, blockId, ctx);
    case "context":
      return contextBlock(block, ctx);
    case "divider":
      return html`<hr class="bk-divider">`;
    case "actions":
      return html`<div class="bk-actions">${objs(block.elements).map((e) => renderElement(e, blockId, ctx))}</div>`;
    case "image":
      return image(block);
    case "input":
      return renderInput(block, ctx);
    case "rich_text":
      return renderRichText(block, ctx);
    case "video":
      return html`<p class="bk-context">Video: ${plainOf(block.title)}</p>`;
    case "file":
      return html`<p class="bk-context">File: ${str(block.external_id) ?? ""}</p>`;
    default:
      return html`<p class="bk-unknown">[${str(block.type) ?? "block"}]</p>`;
  }
}

export function renderBlocks(blocks: readonly Json[], ctx: RenderContext): Html {
  return html`<div class="bk-blocks">${blocks.map((b) => renderBlock(b, ctx))}</div>`;
}
