/**
 * Input blocks of a modal: a labelled control showing what was typed (the view's state) or the
 * element's initial value, with the hint and the app's error under the field. The page reads
 * the controls by data-key ("block_id.action_id") and data-input (the element type).
 */
import { FILE_INPUT_MAX_BYTES } from "../../localslack/index.ts";
import { pageWords, type RenderContext } from "./context.ts";
import { selectOptions } from "./elements.ts";
import { attr, type Html, html } from "./html.ts";
import { type Json, obj, objs, plainOf, str, strs } from "./json.ts";
import { fileSize } from "./messages.ts";

/** What the control shows: the state entry when the user typed, else the initial value. */
export function currentValue(el: Json, state: Json | undefined): string[] {
  const s = state ?? {};
  const has = (k: string) => state !== undefined && k in s;
  const type = str(el.type) ?? "";
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const v = has("value") ? str(s.value) : str(el.initial_value);
      return v === undefined ? [] : [v];
    }
    case "static_select":
    case "external_select":
    case "radio_buttons": {
      const o = has("selected_option") ? obj(s.selected_option) : obj(el.initial_option);
      const v = str(o?.value);
      return v === undefined ? [] : [v];
    }
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return (has("selected_options") ? objs(s.selected_options) : objs(el.initial_options)).map(
        (o) => str(o.value) ?? "",
      );
    case "users_select":
    case "conversations_select":
    case "channels_select":
    case "datepicker":
    case "timepicker": {
      const [stateKey, initialKey] = SINGLE_VALUE[type];
      return one(has(stateKey) ? s[stateKey] : el[initialKey]);
    }
    case "multi_users_select":
    case "multi_conversations_select":
    case "multi_channels_select": {
      const [stateKey, initialKey] = MULTI_VALUE[type];
      return strs(has(stateKey) ? s[stateKey] : el[initialKey]);
    }
    case "rich_text_input":
      return one(has("rich_text_value") ? richText(s.rich_text_value) : undefined);
    default:
      return [];
  }
}

/** The state key and the initial-value key of the elements holding one id, date or time. */
const SINGLE_VALUE = {
  users_select: ["selected_user", "initial_user"],
  conversations_select: ["selected_conversation", "initial_conversation"],
  channels_select: ["selected_channel", "initial_channel"],
  datepicker: ["selected_date", "initial_date"],
  timepicker: ["selected_time", "initial_time"],
} as const;

/** The same for the elements holding several ids. */
const MULTI_VALUE = {
  multi_users_select: ["selected_users", "initial_users"],
  multi_conversations_select: ["selected_conversations", "initial_conversations"],
  multi_channels_select: ["selected_channels", "initial_channels"],
} as const;

const one = (v: unknown): string[] => (typeof v === "string" ? [v] : []);

function richText(v: unknown): string {
  const texts: string[] = [];
  const walk = (n: unknown) => {
    const o = obj(n);
    if (!o) return;
    if (o.type === "text" && typeof o.text === "string") texts.push(o.text);
    for (const child of objs(o.elements)) walk(child);
  };
  walk(v);
  return texts.join("");
}

const domId = (blockId: string, actionId: string) =>
  `in-${`${blockId}-${actionId}`.replace(/[^A-Za-z0-9_-]/g, "_")}`;

interface Control {
  key: string;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  dispatch: boolean;
}

function common(c: Control, type: string): Html {
  return html`id="${c.id}" data-key="${c.key}" data-input="${type}"${attr(
    "aria-describedby",
    c.describedBy,
  )}${c.invalid ? html` aria-invalid="true"` : ""}${c.dispatch ? html` data-dispatch="1"` : ""}`;
}

function textControl(el: Json, c: Control, value: string[]): Html {
  const type = str(el.type) ?? "plain_text_input";
  const placeholder = plainOf(el.placeholder);
  const limits = html`${attr("maxlength", numberOr(el.max_length))}${attr("minlength", numberOr(el.min_length))}`;
  if (el.multiline === true || type === "rich_text_input") {
    return html`<textarea class="bk-textarea" rows="4" ${common(c, type)}${attr(
      "placeholder",
      placeholder || undefined,
    )}${limits}>${value[0] ?? ""}</textarea>`;
  }
  const inputType =
    type === "email_text_input"
      ? "email"
      : type === "url_text_input"
        ? "url"
        : type === "number_input"
          ? "number"
          : "text";
  return html`<input class="bk-text-input" type="${inputType}" ${common(c, type)}${attr(
    "placeholder",
    placeholder || undefined,
  )}${attr("value", value[0])}${limits}${
    type === "number_input" && el.is_decimal_allowed === true ? html` step="any"` : ""
  }>`;
}

const numberOr = (v: unknown) => (typeof v === "number" ? v : undefined);

/** Slack's default and ceiling for a file_input's max_files. */
const MAX_FILES = 10;

/** How many files a file_input takes (its max_files, 1–10; 10 when not given). */
export function maxFilesOf(el: Json): number {
  const n = numberOr(el.max_files);
  return n === undefined ? MAX_FILES : Math.min(MAX_FILES, Math.max(1, Math.floor(n)));
}

/**
 * A file picker like Slack's: `accept` from the element's filetypes (a convenience, as in
 * Slack: any file can still be chosen, and the app checks), several files when max_files
 * allows, the limits said under it, and the files already attached (the view's state) listed.
 * Picking files again replaces them. The page sends the picked files with the submission.
 */
function fileControl(el: Json, c: Control, state: Json | undefined, ctx: RenderContext): Html {
  const t = pageWords(ctx);
  const max = maxFilesOf(el);
  const types = strs(el.filetypes).map((x) => `.${x.replace(/^\./, "")}`);
  const attached = objs(state?.files).map((f) =>
    t("sandbox.page.file", {
      name: str(f.name) ?? str(f.id) ?? "",
      size: fileSize(Number(f.size ?? 0)),
    }),
  );
  const limit = html`<small class="bk-file-limit" id="${c.id}-limit">${t("sandbox.page.fileLimit", {
    count: max,
    size: fileSize(FILE_INPUT_MAX_BYTES),
  })}</small>`;
  return html`<input class="bk-file" type="file" ${common(c, "file_input")}${attr(
    "accept",
    types.length > 0 ? types.join(",") : undefined,
  )}${max > 1 ? html` multiple` : ""} data-max-files="${max}" data-max-bytes="${FILE_INPUT_MAX_BYTES}">${limit}${
    attached.length > 0
      ? html`<p class="bk-file-attached">${t("sandbox.page.filesAttached", {
          files: attached.join(", "),
        })}</p>`
      : ""
  }`;
}

function choiceControl(el: Json, c: Control, value: string[], kind: "checkbox" | "radio"): Html {
  const type = str(el.type) ?? "";
  const items = objs(el.options).map((o, i) => {
    const v = str(o.value) ?? "";
    return html`<label class="bk-choice" for="${c.id}-${i}"><input type="${kind}" id="${c.id}-${i}" name="${c.key}" value="${v}"${
      value.includes(v) ? html` checked` : ""
    }> <span>${plainOf(o.text)}</span>${
      o.description ? html`<small class="bk-choice-desc">${plainOf(o.description)}</small>` : ""
    }</label>`;
  });
  return html`<div class="bk-choices" role="group" aria-labelledby="${c.id}-label" ${common(c, type)}>${items}</div>`;
}

function control(
  el: Json,
  c: Control,
  value: string[],
  ctx: RenderContext,
  state: Json | undefined,
): Html {
  const type = str(el.type) ?? "";
  switch (type) {
    case "file_input":
      return fileControl(el, c, state, ctx);
    case "checkboxes":
      return choiceControl(el, c, value, "checkbox");
    case "radio_buttons":
      return choiceControl(el, c, value, "radio");
    case "datepicker":
      // Text, not type=date: the browser would show its own locale's format (mm/dd/yyyy); the
      // page checks the date itself, in the page's language.
      return html`<input class="bk-date" type="text" inputmode="numeric" autocomplete="off" ${common(c, type)}${attr(
        "placeholder",
        pageWords(ctx)("sandbox.page.datePlaceholder"),
      )}${attr("value", value[0])}>`;
    case "timepicker":
      return html`<input class="bk-date" type="time" ${common(c, type)}${attr("value", value[0])}>`;
    default:
      if (type.endsWith("_select")) {
        const { html: options, multiple } = selectOptions(el, ctx, value);
        return html`<select class="bk-select" ${common(c, type)}${multiple ? html` multiple` : ""}>${options}</select>`;
      }
      return textControl(el, c, value);
  }
}

export function renderInput(block: Json, ctx: RenderContext): Html {
  const el = obj(block.element) ?? {};
  const blockId = str(block.block_id) ?? "";
  const actionId = str(el.action_id) ?? "";
  const id = domId(blockId, actionId);
  const error = ctx.errors?.[blockId];
  const hint = plainOf(block.hint);
  const describedBy =
    [
      el.type === "file_input" ? `${id}-limit` : "",
      hint ? `${id}-hint` : "",
      error ? `${id}-error` : "",
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const c: Control = {
    key: `${blockId}.${actionId}`,
    id,
    describedBy,
    invalid: error !== undefined,
    dispatch: block.dispatch_action === true,
  };
  const state = ctx.state?.[blockId]?.[actionId];
  const value = currentValue(el, state);
  const optionalWord = pageWords(ctx)("sandbox.page.optional");
  const optional =
    block.optional === true ? html`<span class="bk-optional">${optionalWord}</span>` : "";
  const grouped = el.type === "checkboxes" || el.type === "radio_buttons";
  const label = grouped
    ? html`<div class="bk-label" id="${id}-label">${plainOf(block.label)}${optional}</div>`
    : html`<label class="bk-label" for="${id}">${plainOf(block.label)}${optional}</label>`;
  return html`<div class="bk-input${error ? " has-error" : ""}" data-block-id="${blockId}">${label}${control(
    el,
    c,
    value,
    ctx,
    state,
  )}${hint ? html`<p class="bk-hint" id="${id}-hint">${hint}</p>` : ""}${
    error ? html`<p class="bk-error" id="${id}-error" role="alert">${error}</p>` : ""
  }</div>`;
}
