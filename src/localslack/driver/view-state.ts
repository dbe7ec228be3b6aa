/** state.values as Slack builds them from what the user typed or picked. */
import type { Json } from "../emulator/types.ts";
import { elementsOf, type FoundElement, findOption } from "./find.ts";

/**
 * A typed value: text for inputs; an option value or its text for selects/radios; a list for
 * multi-selects and checkboxes; a user/conversation/channel id; YYYY-MM-DD; HH:mm; epoch
 * seconds for datetimepicker; for a file_input the files uploaded, each "name" or
 * "name:bytes" (1 KB when not given) or the id of a file the person uploaded
 * (`UserSession.uploadFile`, with its real bytes and type); null clears.
 */
export type TypedValue = string | number | string[] | null;

/** Slack's limit for one file of a file_input ("There is a 10MB file size limit"). */
export const FILE_INPUT_MAX_BYTES = 10 * 1024 * 1024;

/** Slack's file object of a file the person uploaded, by its id; undefined for any other spec. */
export type UploadedFiles = (spec: string) => Json | undefined;

export type StateValues = Record<string, Record<string, Json>>;

const NOT_STATEFUL = new Set(["button", "overflow", "workflow_button", "image"]);

function list(v: TypedValue | undefined): string[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [String(v)];
}

function single(v: TypedValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : String(v);
}

let uploads = 0;

/** A file as a file_input's submission carries it (fields of Slack's file object). */
function uploadedFile(spec: string): Json {
  const m = /^(.*?)(?::(\d+))?$/.exec(spec);
  const name = m?.[1] || spec;
  const id = `F0UPLOAD${String(++uploads).padStart(4, "0")}`;
  const dot = name.lastIndexOf(".");
  return {
    id,
    name,
    title: name,
    filetype: dot < 0 ? "binary" : name.slice(dot + 1).toLowerCase(),
    mimetype: "application/octet-stream",
    size: m?.[2] === undefined ? 1024 : Number(m[2]),
    url_private: `https://files.slack.com/files-pri/T0LOCAL-${id}/${name}`,
    permalink: `https://localslack.slack.com/files/U0LOCAL/${id}/${name}`,
  };
}

/** The state entry of one element; `input` undefined means "left as initially shown". */
export function elementState(
  el: Json,
  input: TypedValue | undefined,
  uploaded: UploadedFiles = () => undefined,
): Json {
  const type = String(el.type);
  const given = input !== undefined;
  const pickOne = (): Json | null => {
    const v = given ? single(input) : null;
    if (v !== null) return findOption(el, v);
    return given ? null : ((el.initial_option as Json | undefined) ?? null);
  };
  const pickMany = (): Json[] =>
    given ? list(input).map((v) => findOption(el, v)) : ((el.initial_options as Json[]) ?? []);
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input":
      return { type, value: given ? single(input) : ((el.initial_value as string) ?? null) };
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: pickOne() };
    case "external_select": {
      const v = single(input);
      return {
        type,
        selected_option: v === null ? null : { text: { type: "plain_text", text: v }, value: v },
      };
    }
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: pickMany() };
    case "users_select":
      return { type, selected_user: given ? single(input) : (el.initial_user ?? null) };
    case "multi_users_select":
      return { type, selected_users: given ? list(input) : (el.initial_users ?? []) };
    case "conversations_select":
      return {
        type,
        selected_conversation: given ? single(input) : (el.initial_conversation ?? null),
      };
    case "multi_conversations_select":
      return {
        type,
        selected_conversations: given ? list(input) : (el.initial_conversations ?? []),
      };
    case "channels_select":
      return { type, selected_channel: given ? single(input) : (el.initial_channel ?? null) };
    case "multi_channels_select":
      return { type, selected_channels: given ? list(input) : (el.initial_channels ?? []) };
    case "file_input":
      // Nothing typed (the sandbox's page sends "" for an untouched field) uploads nothing.
      return {
        type,
        files: list(input)
          .filter((spec) => spec.trim() !== "")
          .map((spec) => uploaded(spec) ?? uploadedFile(spec)),
      };
    case "datepicker":
      return { type, selected_date: given ? single(input) : (el.initial_date ?? null) };
    case "timepicker":
      return { type, selected_time: given ? single(input) : (el.initial_time ?? null) };
    case "datetimepicker":
      return {
        type,
        selected_date_time:
          given && input !== null ? Number(input) : (el.initial_date_time ?? null),
      };
    case "rich_text_input": {
      const text = given ? single(input) : null;
      return {
        type,
        rich_text_value: {
          type: "rich_text",
          elements:
            text === null
              ? []
              : [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
        },
      };
    }
    default:
      return { type };
  }
}

function labelOf(f: FoundElement): string | undefined {
  const l = f.block.label as Json | undefined;
  return typeof l?.text === "string" ? l.text : undefined;
}

/**
 * Maps the user's keys to elements: "block_id.action_id", a block_id, an action_id, or the
 * visible label of an input block.
 */
export function resolveTyped(
  blocks: Json[],
  typed: Record<string, TypedValue>,
): Array<[FoundElement, TypedValue]> {
  const all = elementsOf(blocks);
  return Object.entries(typed).map(([key, value]) => {
    const f =
      all.find((e) => `${e.blockId}.${e.actionId}` === key) ??
      all.find((e) => e.blockId === key) ??
      all.find((e) => e.actionId === key) ??
      all.find((e) => labelOf(e)?.trim() === key.trim());
    if (!f) {
      const known = all.map((e) => `${e.blockId}.${e.actionId}`).join(", ");
      throw new Error(`no input for "${key}" in the view; inputs: ${known}`);
    }
    return [f, value];
  });
}

/** Full state.values of a surface: previous state, then the new typed values on top. */
export function buildState(
  blocks: Json[],
  previous: StateValues,
  typed: Record<string, TypedValue> = {},
  uploaded?: UploadedFiles,
): StateValues {
  const values: StateValues = {};
  const key = (f: FoundElement) => `${f.blockId}.${f.actionId}`;
  const typedByElement = new Map(resolveTyped(blocks, typed).map(([f, v]) => [key(f), v]));
  for (const f of elementsOf(blocks)) {
    if (NOT_STATEFUL.has(String(f.element.type))) continue;
    const prev = previous[f.blockId]?.[f.actionId];
    const entry = typedByElement.has(key(f))
      ? elementState(f.element, typedByElement.get(key(f)), uploaded)
      : (prev ?? elementState(f.element, undefined));
    values[f.blockId] = { ...values[f.blockId], [f.actionId]: entry };
  }
  return values;
}

function isEmpty(state: Json): boolean {
  const v = Object.entries(state).find(([k]) => k !== "type")?.[1];
  if (v === null || v === undefined || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object" && "elements" in v)
    return (v as { elements: unknown[] }).elements.length === 0;
  return false;
}

/** What Slack's client refuses before sending: empty required inputs, text length bounds. */
export function clientErrors(blocks: Json[], values: StateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of elementsOf(blocks)) {
    if (f.block.type !== "input") continue;
    const state = values[f.blockId]?.[f.actionId];
    if (!state) continue;
    if (isEmpty(state)) {
      if (f.block.optional !== true) errors[f.blockId] = "Please complete this required field.";
      continue;
    }
    const text = typeof state.value === "string" ? state.value : undefined;
    const min = f.element.min_length;
    const max = f.element.max_length;
    if (text !== undefined && typeof min === "number" && text.length < min) {
      errors[f.blockId] = `Must be at least ${min} characters.`;
    }
    if (text !== undefined && typeof max === "number" && text.length > max) {
      errors[f.blockId] = `Must be at most ${max} characters.`;
    }
  }
  return errors;
}
