/** The input elements of the admin modals, typed; each field's block and action id is its own. */
import type { InputBlock, PlainTextOption } from "@slack/types";
import { input, option } from "../../blocks.ts";
import { fieldId } from "../../ids/admin.ts";

type Element = InputBlock["element"];

export const field = (
  name: string,
  label: string,
  element: Element,
  extra: Partial<InputBlock> = {},
): InputBlock => input(fieldId(name), label, element, extra);

export const text = (name: string, value: string, maxLength = 150): Element => ({
  type: "plain_text_input",
  action_id: fieldId(name),
  max_length: maxLength,
  ...(value ? { initial_value: value } : {}),
});

export const channel = (name: string, value: string | undefined): Element => ({
  type: "conversations_select",
  action_id: fieldId(name),
  filter: { include: ["public", "private"], exclude_bot_users: true },
  ...(value ? { initial_conversation: value } : {}),
});

export const users = (name: string, value: readonly string[]): Element => ({
  type: "multi_users_select",
  action_id: fieldId(name),
  ...(value.length > 0 ? { initial_users: [...value] } : {}),
});

export const user = (name: string, value: string | undefined): Element => ({
  type: "users_select",
  action_id: fieldId(name),
  ...(value ? { initial_user: value } : {}),
});

export const whole = (
  name: string,
  value: number | undefined,
  min: number,
  max: number,
): Element => ({
  type: "number_input",
  action_id: fieldId(name),
  is_decimal_allowed: false,
  min_value: String(min),
  max_value: String(max),
  ...(value === undefined ? {} : { initial_value: String(value) }),
});

export const time = (name: string, value: string | undefined): Element => ({
  type: "timepicker",
  action_id: fieldId(name),
  ...(value ? { initial_time: value } : {}),
});

export function select(
  name: string,
  options: PlainTextOption[],
  value: string | undefined,
): Element {
  const initial = options.find((o) => o.value === value);
  return {
    type: "static_select",
    action_id: fieldId(name),
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

export const checkbox = (name: string, label: string, value: string): Element => ({
  type: "checkboxes",
  action_id: fieldId(name),
  options: [option(label, value)],
});
