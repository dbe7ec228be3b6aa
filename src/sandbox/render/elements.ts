/**
 * Interactive elements outside input blocks (actions blocks and section accessories). Each
 * carries data-el (what the page sends), data-block and data-action; the surface is on an
 * ancestor. The page sends a button click, or the value picked.
 */
import { pageWords, type RenderContext } from "./context.ts";
import { attr, type Html, html, join } from "./html.ts";
import { type Json, obj, objs, plainOf, str, strs } from "./json.ts";

/** Options of a select/overflow/checkboxes, option groups flattened (with their label). */
export function optionsOf(el: Json): { value: string; text: string; group?: string }[] {
  const direct = objs(el.options).map((o) => ({
    value: str(o.value) ?? "",
    text: plainOf(o.text),
  }));
  const grouped = objs(el.option_groups).flatMap((g) =>
    objs(g.options).map((o) => ({
      value: str(o.value) ?? "",
      text: plainOf(o.text),
      group: plainOf(g.label),
    })),
  );
  return [...direct, ...grouped];
}

const ids = (el: Json, blockId: string): Html =>
  html`data-block="${blockId}" data-action="${str(el.action_id) ?? ""}"`;

function confirmAttr(el: Json, ctx: RenderContext): Html {
  const c = obj(el.confirm);
  if (!c) return html``;
  const dialog = {
    title: plainOf(c.title),
    text: plainOf(c.text),
    confirm: plainOf(c.confirm) || pageWords(ctx)("sandbox.page.yes"),
    deny: plainOf(c.deny) || pageWords(ctx)("sandbox.page.cancel"),
    style: str(c.style) ?? "primary",
  };
  return attr("data-confirm", JSON.stringify(dialog));
}

function button(el: Json, blockId: string, ctx: RenderContext): Html {
  const style = str(el.style);
  const cls = `bk-btn${style === "primary" || style === "danger" ? ` ${style}` : ""}`;
  const label = plainOf(el.text);
  const aria = str(el.accessibility_label);
  return html`<button type="button" class="${cls}" data-el="button" ${ids(el, blockId)}${attr(
    "data-url",
    str(el.url),
  )}${attr("aria-label", aria)}${confirmAttr(el, ctx)}>${label}</button>`;
}

/** A single or multi select; users/conversations/channels selects list the workspace's. */
export function selectOptions(
  el: Json,
  ctx: RenderContext,
  selected: readonly string[],
): { html: Html; multiple: boolean } {
  const type = str(el.type) ?? "";
  const multiple = type.startsWith("multi_");
  const base = type.replace(/^multi_/, "");
  let options: { value: string; text: string; group?: string }[];
  if (base === "users_select") {
    options = ctx.people().map((u) => ({ value: u.id, text: u.real_name }));
  } else if (base === "conversations_select" || base === "channels_select") {
    options = ctx.channels().map((c) => ({ value: c.id, text: `#${c.name}` }));
  } else {
    options = optionsOf(el);
  }
  const opt = (o: { value: string; text: string }) =>
    html`<option value="${o.value}"${selected.includes(o.value) ? html` selected` : ""}>${o.text}</option>`;
  const groups = [...new Set(options.map((o) => o.group).filter((g) => g !== undefined))];
  const body = groups.length
    ? join([
        ...options.filter((o) => o.group === undefined).map(opt),
        ...groups.map(
          (g) =>
            html`<optgroup label="${g}">${options.filter((o) => o.group === g).map(opt)}</optgroup>`,
        ),
      ])
    : join(options.map(opt));
  const placeholder = plainOf(el.placeholder) || "Select an option";
  const none = multiple
    ? html``
    : html`<option value=""${selected.length === 0 ? html` selected` : ""}>${placeholder}</option>`;
  return { html: html`${none}${body}`, multiple };
}

function initialSelection(el: Json): string[] {
  const one =
    str(obj(el.initial_option)?.value) ??
    str(el.initial_user) ??
    str(el.initial_conversation) ??
    str(el.initial_channel);
  const many = [
    ...objs(el.initial_options).map((o) => str(o.value) ?? ""),
    ...strs(el.initial_users),
    ...strs(el.initial_conversations),
    ...strs(el.initial_channels),
  ];
  return one !== undefined ? [one] : many;
}

function select(el: Json, blockId: string, ctx: RenderContext): Html {
  const { html: options, multiple } = selectOptions(el, ctx, initialSelection(el));
  const label = plainOf(el.placeholder) || pageWords(ctx)("sandbox.page.selectOption");
  return html`<select class="bk-select" data-el="select" ${ids(el, blockId)} aria-label="${label}"${
    multiple ? html` multiple` : ""
  }${confirmAttr(el, ctx)}>${options}</select>`;
}

function overflow(el: Json, blockId: string, ctx: RenderContext): Html {
  const items = objs(el.options).map(
    (o) =>
      html`<button type="button" role="menuitem" class="bk-menu-item" data-el="overflow" ${ids(
        el,
        blockId,
      )} data-value="${str(o.value) ?? ""}"${attr("data-url", str(o.url))}>${plainOf(o.text)}</button>`,
  );
  return html`<div class="bk-overflow"><button type="button" class="bk-overflow-toggle" aria-haspopup="menu" aria-expanded="false" aria-label="${pageWords(ctx)("sandbox.page.moreActions")}">⋯</button><div class="bk-menu" role="menu" hidden>${items}</div></div>`;
}

function choices(el: Json, blockId: string, kind: "checkbox" | "radio", ctx: RenderContext): Html {
  const initial = new Set(
    kind === "checkbox"
      ? objs(el.initial_options).map((o) => str(o.value))
      : [str(obj(el.initial_option)?.value)],
  );
  const name = `${blockId}.${str(el.action_id) ?? ""}`;
  const items = objs(el.options).map(
    (o) =>
      html`<label class="bk-choice"><input type="${kind}" name="${name}" value="${str(o.value) ?? ""}"${
        initial.has(str(o.value)) ? html` checked` : ""
      }> <span>${plainOf(o.text)}</span>${
        o.description ? html`<small class="bk-choice-desc">${plainOf(o.description)}</small>` : ""
      }</label>`,
  );
  const el_ = kind === "checkbox" ? "checkboxes" : "radio";
  return html`<div class="bk-choices" role="group" aria-label="${plainOf(el.placeholder) || pageWords(ctx)("sandbox.page.options")}" data-el="${el_}" ${ids(el, blockId)}>${items}</div>`;
}

export function renderElement(el: Json, blockId: string, ctx: RenderContext): Html {
  const type = str(el.type) ?? "";
  switch (type) {
    case "button":
    case "workflow_button":
      return button(el, blockId, ctx);
    case "overflow":
      return overflow(el, blockId, ctx);
    case "datepicker":
      return html`<input type="date" class="bk-date" data-el="date" ${ids(el, blockId)} aria-label="${
        plainOf(el.placeholder) || pageWords(ctx)("sandbox.page.pickDate")
      }"${attr("value", str(el.initial_date))}>`;
    case "timepicker":
      return html`<input type="time" class="bk-date" data-el="date" ${ids(el, blockId)} aria-label="${
        plainOf(el.placeholder) || pageWords(ctx)("sandbox.page.pickTime")
      }"${attr("value", str(el.initial_time))}>`;
    case "checkboxes":
      return choices(el, blockId, "checkbox", ctx);
    case "radio_buttons":
      return choices(el, blockId, "radio", ctx);
    case "image":
      return html`<img class="bk-accessory-image" src="${str(el.image_url) ?? ""}" alt="${str(el.alt_text) ?? ""}" loading="lazy">`;
    default:
      if (type.endsWith("_select")) return select(el, blockId, ctx);
      return html`<span class="bk-unknown">[${type}]</span>`;
  }
}
