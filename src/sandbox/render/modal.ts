/** The open modal: the top view of the person's stack, with Back when views were pushed. */
import type { ViewRecord } from "../../localslack/index.ts";
import { renderBlocks } from "./blocks.ts";
import { pageWords } from "./context.ts";
import { type Html, html } from "./html.ts";
import { plainOf } from "./json.ts";
import type { MessageContext } from "./messages.ts";

export function modalRegion(
  view: ViewRecord | undefined,
  depth: number,
  ctx: MessageContext,
): Html {
  if (!view) return html``;
  const t = pageWords(ctx);
  const title = plainOf(view.title) || t("sandbox.page.modal");
  const close = plainOf(view.close) || t("sandbox.page.cancel");
  const submit = plainOf(view.submit);
  return html`<div class="modal-backdrop"><div class="modal" role="dialog" aria-modal="true" aria-labelledby="modal-title" data-surface="modal" data-view-id="${view.id}"><header class="modal-head">${
    depth > 1
      ? html`<button type="button" class="icon-button" data-modal-close aria-label="${t("sandbox.page.back")}">←</button>`
      : ""
  }<span class="modal-app" aria-hidden="true">${ctx.ws.bot.name.slice(0, 1).toUpperCase()}</span><h2 id="modal-title">${title}</h2><button type="button" class="icon-button" data-modal-close aria-label="${t("sandbox.page.close")}">×</button></header><form class="modal-body" data-modal-form novalidate>${renderBlocks(
    view.blocks,
    ctx,
  )}</form><footer class="modal-foot"><button type="button" class="bk-btn" data-modal-close>${close}</button>${
    submit
      ? html`<button type="button" class="bk-btn primary" data-modal-submit>${submit}</button>`
      : ""
  }</footer></div></div>`;
}
