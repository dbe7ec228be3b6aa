/**
 * The input elements of modals, typed, built one way: what a person types or picks, its
 * action id, and an initial value only when there is one (Slack rejects an empty one).
 */
import type {
  Datepicker,
  InputBlock,
  MultiUsersSelect,
  PlainTextInput,
  PlainTextOption,
  StaticSelect,
  UsersSelect,
} from "@slack/types";
import { input, plain } from "./blocks.ts";

/** A modal's state values as Slack sends them: by block id, then by action id. */
export type ModalValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_date?: string | null;
      selected_time?: string | null;
      selected_user?: string | null;
      selected_users?: string[] | null;
      files?: { id: string; name?: string; title?: string; size?: number; permalink?: string }[];
    }
  >
>;

/** A modal's values read: clean, or the errors on the fields at fault (`response_action: "errors"`). */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** An input the person may leave empty. */
export const optionalInput = (
  blockId: string,
  label: string,
  element: InputBlock["element"],
  extra: Partial<InputBlock> = {},
): InputBlock => input(blockId, label, element, { optional: true, ...extra });

/**
 * A text box. Each option is written only when given: Slack rejects an empty `initial_value`,
 * and a box without `max_length` takes Slack's own limit.
 */
export function textBox(
  actionId: string,
  o: {
    multiline?: boolean;
    min?: number;
    max?: number;
    placeholder?: string;
    initial?: string | null;
  } = {},
): PlainTextInput {
  return {
    type: "plain_text_input",
    action_id: actionId,
    ...(o.multiline ? { multiline: true } : {}),
    ...(o.min !== undefined ? { min_length: o.min } : {}),
    ...(o.max !== undefined ? { max_length: o.max } : {}),
    ...(o.placeholder ? { placeholder: plain(o.placeholder) } : {}),
    ...(o.initial ? { initial_value: o.initial } : {}),
  };
}

/** A static select; `initial` must be one of `options` (Slack rejects another). */
export const staticSelect = (
  actionId: string,
  options: PlainTextOption[],
  initial?: PlainTextOption,
): StaticSelect => ({
  type: "static_select",
  action_id: actionId,
  options,
  ...(initial ? { initial_option: initial } : {}),
});

export const datePicker = (actionId: string, initial?: string | null): Datepicker => ({
  type: "datepicker",
  action_id: actionId,
  ...(initial ? { initial_date: initial } : {}),
});

export const userPicker = (actionId: string, initial?: string | null): UsersSelect => ({
  type: "users_select",
  action_id: actionId,
  ...(initial ? { initial_user: initial } : {}),
});

export const usersPicker = (
  actionId: string,
  initial: readonly string[] = [],
  max?: number,
): MultiUsersSelect => ({
  type: "multi_users_select",
  action_id: actionId,
  ...(max !== undefined ? { max_selected_items: max } : {}),
  ...(initial.length > 0 ? { initial_users: [...initial] } : {}),
});
