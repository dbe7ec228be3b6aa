/** What Slack does with the app's answer to a view_submission (SLACK-PLATFORM.md §3). */
import { pushView, replaceView } from "../emulator/methods/views.ts";
import type { Json, ViewRecord } from "../emulator/types.ts";
import { validateView } from "../emulator/validate.ts";
import type { Workspace } from "../emulator/workspace.ts";
import type { Delivery } from "./transport.ts";

export type SubmitOutcome =
  /** Plain ack: the submitted view closed (the previous one in the stack shows again). */
  | "closed"
  /** response_action: errors — the view stays open with field errors. */
  | "errors"
  | "updated"
  | "pushed"
  /** response_action: clear — the whole modal closed. */
  | "cleared"
  /** Slack's client refused to send: a required input empty or a length bound broken. */
  | "client_errors"
  /** The app answered update/push with a view Slack would refuse. */
  | "invalid_view"
  /** No 2xx answer within 3 s: the user sees an error, the view stays. */
  | "failed";

export interface SubmitResult {
  outcome: SubmitOutcome;
  /** Field errors by block_id (response_action: errors, or client-side). */
  errors?: Record<string, string>;
  /** The view now on top of the stack, if any. */
  view?: ViewRecord;
  /** Validation messages for invalid_view. */
  messages?: string[];
  delivery?: Delivery;
}

function isObj(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function applyViewResponse(
  ws: Workspace,
  user: string,
  submitted: ViewRecord,
  delivery: Delivery,
): SubmitResult {
  const top = (): ViewRecord | undefined => ws.topView(user);
  if (delivery.status < 200 || delivery.status >= 300) {
    return { outcome: "failed", delivery, ...(top() ? { view: top() } : {}) };
  }
  const body = isObj(delivery.body) ? delivery.body : {};
  const action = body.response_action;
  if (action === "errors") {
    const errors = isObj(body.errors) ? (body.errors as Record<string, string>) : {};
    return { outcome: "errors", errors, view: submitted, delivery };
  }
  if (action === "update" || action === "push") {
    const problem = validateView(body.view);
    if (problem) return { outcome: "invalid_view", messages: problem.messages, delivery };
    const def = body.view as Json;
    const view = action === "update" ? replaceView(ws, submitted, def) : pushView(ws, user, def);
    return { outcome: action === "update" ? "updated" : "pushed", view, delivery };
  }
  if (action === "clear") {
    ws.modalStacks.delete(user);
    return { outcome: "cleared", delivery };
  }
  const stack = ws.modalStack(user).filter((v) => v.id !== submitted.id);
  if (stack.length === 0) ws.modalStacks.delete(user);
  else ws.modalStacks.set(user, stack);
  const next = top();
  return { outcome: "closed", delivery, ...(next ? { view: next } : {}) };
}
