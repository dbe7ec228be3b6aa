/** Field errors as Slack's `response_action: errors` wants them: block_id → message. */
import type { Translator } from "../../../i18n/index.ts";
import type { FieldError } from "../../../ports/admin.ts";
import { fieldId } from "../../ids/admin.ts";

/**
 * A field the view does not show (the key of an edited branch) reports on the first input.
 * `shown`: the view's input block ids, in order.
 */
export function viewErrors(
  errors: readonly FieldError[],
  shown: readonly string[],
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = shown.includes(fieldId(e.field))
      ? fieldId(e.field)
      : (shown[0] ?? fieldId(e.field));
    out[block] ??= t(e.key, e.params ?? {}).slice(0, 300);
  }
  return out;
}
