/**
 * "Give reasons" on a branch's quarter tracking: the reasons modal (the branch's secretaries
 * only), and its submission: each answered overdue item needs a reason and a new date after
 * today within the plan's year (inline errors, nothing stored); a refusal is told privately.
 */
import type { AppContext } from "../../../app/context.ts";
import { loadPlanOrg } from "../../../services/annual-plans/org.ts";
import { prepareReasons, saveReasons } from "../../../services/annual-plans/quarter.ts";
import { PLAN_ACTION, PLAN_CALLBACK, reasonBlock } from "../../ids/annual-plans.ts";
import type { ListenerApp } from "../../router.ts";
import { newDateErrors } from "../../views/annual-plans/items.ts";
import { parseQuarterValue, readReasons, reasonsModal } from "../../views/annual-plans/quarter.ts";
import { registerModalButton } from "../buttons.ts";
import { PLAN_BUTTON, planSubmission } from "./decide.ts";

export function registerQuarterReasons(app: ListenerApp, ctx: AppContext): void {
  const quarterButton = { ...PLAN_BUTTON, parse: parseQuarterValue };
  registerModalButton(app, ctx, quarterButton, PLAN_ACTION.reasons, async ({ ref, userId }) => {
    const ready = await prepareReasons(ctx, { ...ref, userId });
    return ready.ok ? { ok: true, view: reasonsModal(ready.form, ready.org.t) } : ready;
  });

  app.view(PLAN_CALLBACK.reasonsModal, async (args) => {
    const { ack, view } = args;
    const sent = await planSubmission(ctx, args, parseQuarterValue);
    if (!sent) return;
    const { userId, reply, meta: ref } = sent;
    const req = { ...ref, userId, typed: readReasons(view.state.values) };
    const checked = await saveReasons(ctx, { ...req, write: false });
    if (!checked.ok && checked.error === "input") {
      const { t } = await loadPlanOrg(ctx.db);
      const errors: Record<string, string> = {};
      for (const e of checked.errors)
        Object.assign(
          errors,
          newDateErrors([e], (f) => reasonBlock(e.itemId, f), checked, t),
          errors,
        );
      return ack({ response_action: "errors", errors });
    }
    await ack();
    if (!checked.ok) return reply.refuse(checked.error);
    const saved = await saveReasons(ctx, { ...req, write: true }).catch(reply.failed);
    if (saved && !saved.ok && saved.error !== "input") await reply.refuse(saved.error);
  });
}
