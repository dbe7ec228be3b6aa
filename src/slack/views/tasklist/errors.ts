/** Modal input errors as Slack wants them: `response_action: "errors"`, keyed by block id. */
import type { InputError } from "../../../domain/task-list-input.ts";
import type { Translator } from "../../../i18n/index.ts";
import { TASKLIST_BLOCK } from "../../ids/tasklist.ts";

export interface ErrorsResponse {
  response_action: "errors";
  errors: Record<string, string>;
}

export function inputErrors(errors: Record<string, InputError>, t: Translator): ErrorsResponse {
  const out: Record<string, string> = {};
  for (const [blockId, e] of Object.entries(errors)) out[blockId] = t(e.key, e.params);
  return { response_action: "errors", errors: out };
}

/** The return modal submitted without a comment. */
export function commentRequired(t: Translator): ErrorsResponse {
  return {
    response_action: "errors",
    errors: { [TASKLIST_BLOCK.returnComment]: t("tasklist.input.commentRequired") },
  };
}
