/** Modal input errors as Slack wants them: `response_action: "errors"`, keyed by block id. */
import type { InputError } from "../../../domain/task-list-input.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import { TASKLIST_BLOCK } from "../../ids/tasklist.ts";

export interface ErrorsResponse {
  response_action: "errors";
  errors: Record<string, string>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Dates among the params (a due-date range) in the language's own style. */
function dated(params: InputError["params"], t: Translator): Record<string, unknown> | undefined {
  if (!params) return params;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === "string" && ISO_DAY.test(v) ? formatDay(v, t) : v;
  return out;
}

export function inputErrors(errors: Record<string, InputError>, t: Translator): ErrorsResponse {
  const out: Record<string, string> = {};
  for (const [blockId, e] of Object.entries(errors)) out[blockId] = t(e.key, dated(e.params, t));
  return { response_action: "errors", errors: out };
}

/** The return modal submitted without a comment. */
export function commentRequired(t: Translator): ErrorsResponse {
  return {
    response_action: "errors",
    errors: { [TASKLIST_BLOCK.returnComment]: t("tasklist.input.commentRequired") },
  };
}
