/**
 * Strict Block Kit and surface validation, with the limits of docs/SLACK-PLATFORM.md §3.
 * Issues are reported the way Slack words them in `response_metadata.messages`:
 * `[ERROR] <message> [json-pointer:/blocks/0/text]`.
 */

export interface ValidationIssue {
  pointer: string;
  message: string;
}

export type Surface = "message" | "modal" | "home";

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInputLength: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  checkboxOptions: 10,
  overflowOptions: 5,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  viewBytes: 250_000,
  imageUrl: 3000,
  altText: 2000,
  /** chat.update answers msg_too_long above this. */
  updateText: 4000,
  /** chat.postMessage: Slack truncates above this; the emulator refuses (msg_too_long). */
  postText: 40_000,
} as const;

export function formatIssue(issue: ValidationIssue): string {
  return `[ERROR] ${issue.message} [json-pointer:${issue.pointer}]`;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

class Checker {
  readonly issues: ValidationIssue[] = [];

  fail(pointer: string, message: string): void {
    this.issues.push({ pointer, message });
  }

  /** Optional string no longer than `max`. */
  str(v: unknown, pointer: string, max: number, opts: { required?: boolean; min?: number } = {}) {
    if (v === undefined || v === null) {
      if (opts.required) this.fail(pointer, "missing required field");
      return;
    }
    if (typeof v !== "string") {
      this.fail(pointer, "must be a string");
      return;
    }
    if (v.length > max) this.fail(pointer, `must be less than ${max + 1} characters`);
    if (opts.min !== undefined && v.length < opts.min) {
      this.fail(pointer, `must be more than ${opts.min - 1} characters`);
    }
  }

  /** A text composition object. */
  text(
    v: unknown,
    pointer: string,
    max: number,
    opts: { required?: boolean; plainOnly?: boolean } = {},
  ): void {
    if (v === undefined || v === null) {
      if (opts.required) this.fail(pointer, "missing required field");
      return;
    }
    if (!isObj(v)) {
      this.fail(pointer, "must be a text object");
      return;
    }
    if (v.type !== "plain_text" && v.type !== "mrkdwn") {
      this.fail(`${pointer}/type`, "must be a valid enum value (plain_text, mrkdwn)");
    } else if (opts.plainOnly && v.type !== "plain_text") {
      this.fail(`${pointer}/type`, "must be plain_text");
    }
    this.str(v.text, `${pointer}/text`, max, { required: true, min: 1 });
  }

  array(v: unknown, pointer: string, max: number, opts: { required?: boolean; min?: number } = {}) {
    if (v === undefined || v === null) {
      if (opts.required) this.fail(pointer, "missing required field");
      return [] as unknown[];
    }
    if (!Array.isArray(v)) {
      this.fail(pointer, "must be an array");
      return [] as unknown[];
    }
    if (v.length > max) this.fail(pointer, `must provide an array with no more than ${max} items`);
    if (opts.min !== undefined && v.length < opts.min) {
      this.fail(pointer, `must provide an array with at least ${opts.min} items`);
    }
    return v as unknown[];
  }

  /** An array (at least one item unless said otherwise), each item checked at its own pointer. */
  items(
    v: unknown,
    pointer: string,
    max: number,
    check: (item: unknown, pointer: string) => void,
    opts: { required?: boolean; min?: number } = { required: true, min: 1 },
  ): unknown[] {
    const list = this.array(v, pointer, max, opts);
    list.forEach((item, i) => {
      check(item, `${pointer}/${i}`);
    });
    return list;
  }

  int(v: unknown, pointer: string, min: number, max: number): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.fail(pointer, "must be an integer");
      return undefined;
    }
    if (v < min || v > max) this.fail(pointer, `must be between ${min} and ${max}`);
    return v;
  }
}

// Which element types each container accepts.
const ACTION_ELEMENTS = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "multi_static_select",
  "multi_external_select",
  "multi_users_select",
  "multi_conversations_select",
  "multi_channels_select",
  "overflow",
  "radio_buttons",
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "timepicker",
  "workflow_button",
]);
const ACCESSORY_ELEMENTS = new Set([...ACTION_ELEMENTS, "image"]);
ACCESSORY_ELEMENTS.delete("datetimepicker");
const INPUT_ELEMENTS = new Set([
  ...ACTION_ELEMENTS,
  "plain_text_input",
  "email_text_input",
  "url_text_input",
  "number_input",
  "file_input",
  "rich_text_input",
]);
INPUT_ELEMENTS.delete("button");
INPUT_ELEMENTS.delete("overflow");
INPUT_ELEMENTS.delete("workflow_button");

/** The blocks every surface takes; messages also take `file` and `markdown`. */
const SURFACE_BLOCKS = [
  "section",
  "divider",
  "image",
  "actions",
  "context",
  "header",
  "input",
  "rich_text",
  "video",
];
const BLOCKS_BY_SURFACE: Record<Surface, Set<string>> = {
  message: new Set([...SURFACE_BLOCKS, "file", "markdown"]),
  modal: new Set(SURFACE_BLOCKS),
  home: new Set(SURFACE_BLOCKS),
};

function checkConfirm(c: Checker, v: unknown, p: string): void {
  if (v === undefined) return;
  if (!isObj(v)) {
    c.fail(p, "must be a confirmation dialog object");
    return;
  }
  c.text(v.title, `${p}/title`, LIMITS.confirmTitle, { required: true, plainOnly: true });
  c.text(v.text, `${p}/text`, LIMITS.confirmText, { required: true });
  c.text(v.confirm, `${p}/confirm`, LIMITS.confirmButton, { required: true, plainOnly: true });
  c.text(v.deny, `${p}/deny`, LIMITS.confirmButton, { required: true, plainOnly: true });
  if (v.style !== undefined && v.style !== "primary" && v.style !== "danger") {
    c.fail(`${p}/style`, "must be a valid enum value (primary, danger)");
  }
}

function checkOption(c: Checker, v: unknown, p: string, plainOnly: boolean): void {
  if (!isObj(v)) {
    c.fail(p, "must be an option object");
    return;
  }
  c.text(v.text, `${p}/text`, LIMITS.optionText, { required: true, plainOnly });
  c.str(v.value, `${p}/value`, LIMITS.optionValue, { required: true });
  c.text(v.description, `${p}/description`, LIMITS.optionDescription, { plainOnly });
  c.str(v.url, `${p}/url`, LIMITS.buttonUrl);
}

function optionValues(options: unknown[]): Set<unknown> {
  return new Set(options.filter(isObj).map((o) => o.value));
}

function checkInitialOptions(c: Checker, e: Obj, p: string, values: Set<unknown>): void {
  if (isObj(e.initial_option) && !values.has(e.initial_option.value)) {
    c.fail(`${p}/initial_option`, "must match one of the provided options");
  }
  if (Array.isArray(e.initial_options)) {
    e.initial_options.forEach((o, i) => {
      if (!isObj(o) || !values.has(o.value)) {
        c.fail(`${p}/initial_options/${i}`, "must match one of the provided options");
      }
    });
  }
}

function checkSelectOptions(c: Checker, e: Obj, p: string): void {
  const hasOptions = e.options !== undefined;
  const hasGroups = e.option_groups !== undefined;
  if (hasOptions === hasGroups) {
    c.fail(p, "must provide exactly one of options or option_groups");
    return;
  }
  let all: unknown[] = [];
  if (hasOptions) {
    all = c.items(
      e.options,
      `${p}/options`,
      LIMITS.selectOptions,
      (o, q) => checkOption(c, o, q, true),
      { min: 1 },
    );
  } else {
    const groups = c.array(e.option_groups, `${p}/option_groups`, LIMITS.selectOptions, { min: 1 });
    groups.forEach((g, gi) => {
      const gp = `${p}/option_groups/${gi}`;
      if (!isObj(g)) {
        c.fail(gp, "must be an option group object");
        return;
      }
      c.text(g.label, `${gp}/label`, LIMITS.optionText, { required: true, plainOnly: true });
      const opts = c.items(
        g.options,
        `${gp}/options`,
        LIMITS.selectOptions,
        (o, q) => checkOption(c, o, q, true),
        { required: true },
      );
      all = all.concat(opts);
    });
  }
  checkInitialOptions(c, e, p, optionValues(all));
}

function checkElement(c: Checker, e: Obj, p: string): void {
  c.str(e.action_id, `${p}/action_id`, LIMITS.actionId);
  checkConfirm(c, e.confirm, `${p}/confirm`);
  if (e.placeholder !== undefined) {
    c.text(e.placeholder, `${p}/placeholder`, LIMITS.placeholder, { plainOnly: true });
  }
  switch (e.type) {
    case "button":
      c.text(e.text, `${p}/text`, LIMITS.buttonText, { required: true, plainOnly: true });
      c.str(e.value, `${p}/value`, LIMITS.buttonValue);
      c.str(e.url, `${p}/url`, LIMITS.buttonUrl);
      if (e.style !== undefined && e.style !== "primary" && e.style !== "danger") {
        c.fail(`${p}/style`, "must be a valid enum value (primary, danger)");
      }
      return;
    case "static_select":
    case "multi_static_select":
      checkSelectOptions(c, e, p);
      if (e.type === "multi_static_select")
        c.int(e.max_selected_items, `${p}/max_selected_items`, 1, 100);
      return;
    case "overflow": {
      c.items(e.options, `${p}/options`, LIMITS.overflowOptions, (o, q) =>
        checkOption(c, o, q, true),
      );
      return;
    }
    case "checkboxes":
    case "radio_buttons": {
      const opts = c.items(e.options, `${p}/options`, LIMITS.checkboxOptions, (o, q) =>
        checkOption(c, o, q, false),
      );
      checkInitialOptions(c, e, p, optionValues(opts));
      return;
    }
    case "plain_text_input": {
      const min = c.int(e.min_length, `${p}/min_length`, 0, LIMITS.plainTextInputLength);
      const max = c.int(e.max_length, `${p}/max_length`, 1, LIMITS.plainTextInputLength);
      if (min !== undefined && max !== undefined && min > max) {
        c.fail(`${p}/min_length`, "must be less than or equal to max_length");
      }
      c.str(e.initial_value, `${p}/initial_value`, max ?? LIMITS.plainTextInputLength);
      return;
    }
    case "datepicker":
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) {
        c.fail(`${p}/initial_date`, "must be in the format YYYY-MM-DD");
      }
      return;
    case "timepicker":
      if (e.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(e.initial_time))) {
        c.fail(`${p}/initial_time`, "must be in the format HH:mm");
      }
      return;
    case "image":
      c.str(e.image_url, `${p}/image_url`, LIMITS.imageUrl, {
        required: e.slack_file === undefined,
      });
      c.str(e.alt_text, `${p}/alt_text`, LIMITS.altText, { required: true });
      return;
    default:
      return;
  }
}

/** Checks one element and that its type is allowed in its container. */
function checkElementIn(c: Checker, v: unknown, p: string, allowed: Set<string>, where: string) {
  if (!isObj(v)) {
    c.fail(p, "must be an element object");
    return;
  }
  if (typeof v.type !== "string" || !allowed.has(v.type)) {
    c.fail(`${p}/type`, `element type ${String(v.type)} is not allowed in ${where}`);
    return;
  }
  checkElement(c, v, p);
}

function checkActionIdsUnique(c: Checker, elements: unknown[], p: string): void {
  const seen = new Set<string>();
  elements.forEach((e, i) => {
    if (!isObj(e) || typeof e.action_id !== "string") return;
    if (seen.has(e.action_id)) {
      c.fail(`${p}/${i}/action_id`, `duplicate action_id ${e.action_id} in block`);
    }
    seen.add(e.action_id);
  });
}

function checkBlock(c: Checker, b: Obj, p: string): void {
  switch (b.type) {
    case "section": {
      if (b.text === undefined && b.fields === undefined) {
        c.fail(p, "must provide text or fields");
      }
      c.text(b.text, `${p}/text`, LIMITS.sectionText);
      const field = (f: unknown, q: string) =>
        c.text(f, q, LIMITS.sectionFieldText, { required: true });
      c.items(b.fields, `${p}/fields`, LIMITS.sectionFields, field, { min: 1 });
      if (b.accessory !== undefined) {
        checkElementIn(c, b.accessory, `${p}/accessory`, ACCESSORY_ELEMENTS, "a section accessory");
      }
      return;
    }
    case "header":
      c.text(b.text, `${p}/text`, LIMITS.headerText, { required: true, plainOnly: true });
      return;
    case "actions": {
      const element = (e: unknown, q: string) =>
        checkElementIn(c, e, q, ACTION_ELEMENTS, "an actions block");
      const els = c.items(b.elements, `${p}/elements`, LIMITS.actionsElements, element);
      checkActionIdsUnique(c, els, `${p}/elements`);
      return;
    }
    case "context": {
      c.items(b.elements, `${p}/elements`, LIMITS.contextElements, (e, ep) => {
        if (!isObj(e)) c.fail(ep, "must be an element object");
        else if (e.type === "image") checkElement(c, e, ep);
        else if (e.type === "plain_text" || e.type === "mrkdwn") c.text(e, ep, LIMITS.sectionText);
        else
          c.fail(`${ep}/type`, `element type ${String(e.type)} is not allowed in a context block`);
      });
      return;
    }
    case "input":
      c.text(b.label, `${p}/label`, LIMITS.inputLabel, { required: true, plainOnly: true });
      c.text(b.hint, `${p}/hint`, LIMITS.inputHint, { plainOnly: true });
      if (b.element === undefined) c.fail(`${p}/element`, "missing required field");
      else checkElementIn(c, b.element, `${p}/element`, INPUT_ELEMENTS, "an input block");
      return;
    case "image":
      c.str(b.image_url, `${p}/image_url`, LIMITS.imageUrl, {
        required: b.slack_file === undefined,
      });
      c.str(b.alt_text, `${p}/alt_text`, LIMITS.altText, { required: true });
      c.text(b.title, `${p}/title`, LIMITS.altText, { plainOnly: true });
      return;
    case "markdown":
      c.str(b.text, `${p}/text`, 12_000, { required: true, min: 1 });
      return;
    default:
      // divider, rich_text, video, file: structure not checked beyond the type.
      return;
  }
}

function checkBlocksInto(c: Checker, blocks: unknown, pointer: string, surface: Surface): void {
  const max = surface === "message" ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  const list = c.array(blocks, pointer, max);
  const blockIds = new Set<string>();
  list.forEach((b, i) => {
    const p = `${pointer}/${i}`;
    if (!isObj(b)) {
      c.fail(p, "must be a block object");
      return;
    }
    if (typeof b.type !== "string" || !BLOCKS_BY_SURFACE[surface].has(b.type)) {
      c.fail(`${p}/type`, `unsupported block type ${String(b.type)} for a ${surface}`);
      return;
    }
    if (b.block_id !== undefined) {
      c.str(b.block_id, `${p}/block_id`, LIMITS.blockId, { min: 1 });
      if (typeof b.block_id === "string") {
        if (blockIds.has(b.block_id)) c.fail(`${p}/block_id`, `duplicate block_id ${b.block_id}`);
        blockIds.add(b.block_id);
      }
    }
    checkBlock(c, b, p);
  });
}

/** Validates a `blocks` array for a surface. */
export function validateBlocks(
  blocks: unknown,
  surface: Surface,
  pointer = "/blocks",
): ValidationIssue[] {
  const c = new Checker();
  checkBlocksInto(c, blocks, pointer, surface);
  return c.issues;
}

export interface SurfaceError {
  error: string;
  messages: string[];
}

function toError(error: string, issues: ValidationIssue[]): SurfaceError | undefined {
  return issues.length === 0 ? undefined : { error, messages: issues.map(formatIssue) };
}

/**
 * Validates a view as views.open/push/update/publish would: Slack answers `invalid_arguments`
 * for any problem in the view (blocks included) and `view_too_large` above 250 kB.
 */
export function validateView(view: unknown): SurfaceError | undefined {
  const c = new Checker();
  if (!isObj(view)) {
    c.fail("/view", "must be a view object");
    return toError("invalid_arguments", c.issues);
  }
  if (Buffer.byteLength(JSON.stringify(view)) > LIMITS.viewBytes) {
    return { error: "view_too_large", messages: ["[ERROR] view is larger than 250 kB"] };
  }
  if (view.type !== "modal" && view.type !== "home") {
    c.fail("/view/type", "must be a valid enum value (modal, home)");
    return toError("invalid_arguments", c.issues);
  }
  const surface: Surface = view.type;
  c.str(view.callback_id, "/view/callback_id", LIMITS.callbackId);
  c.str(view.private_metadata, "/view/private_metadata", LIMITS.privateMetadata);
  c.str(view.external_id, "/view/external_id", LIMITS.externalId);
  if (surface === "modal") {
    c.text(view.title, "/view/title", LIMITS.viewTitle, { required: true, plainOnly: true });
    c.text(view.submit, "/view/submit", LIMITS.viewButton, { plainOnly: true });
    c.text(view.close, "/view/close", LIMITS.viewButton, { plainOnly: true });
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === "input");
    if (hasInput && view.submit === undefined) {
      c.fail("/view/submit", "must provide submit when the view has input blocks");
    }
  }
  if (view.blocks === undefined) c.fail("/view/blocks", "missing required field");
  checkBlocksInto(c, view.blocks, "/view/blocks", surface);
  return toError("invalid_arguments", c.issues);
}

export interface MessageCheckOptions {
  /** Longest accepted `text` (LIMITS.postText for chat.postMessage, LIMITS.updateText for chat.update). */
  maxText: number;
  /** Project policy: blocks without a non-empty top-level `text` fallback are refused. */
  requireTextWithBlocks: boolean;
}

/** Validates the content of a message (text + blocks) as chat.postMessage/update would. */
export function validateMessage(
  content: { text?: string; blocks?: unknown },
  opts: MessageCheckOptions,
): SurfaceError | undefined {
  const text = content.text ?? "";
  const hasBlocks = content.blocks !== undefined;
  if (!hasBlocks && text === "") {
    return { error: "no_text", messages: ["[ERROR] text or blocks must be provided"] };
  }
  if (text.length > opts.maxText) {
    return {
      error: "msg_too_long",
      messages: [`[ERROR] text must be less than ${opts.maxText + 1} characters`],
    };
  }
  if (hasBlocks) {
    const issues = validateBlocks(content.blocks, "message");
    if (issues.length > 0) return toError("invalid_blocks", issues);
    if (opts.requireTextWithBlocks && text.trim() === "") {
      return {
        error: "invalid_arguments",
        messages: [
          "[ERROR] missing required field: text (a notification/screen-reader fallback is required when blocks are sent) [json-pointer:/text]",
        ],
      };
    }
  }
  return undefined;
}
