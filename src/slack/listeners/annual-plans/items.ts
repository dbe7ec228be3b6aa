/**
 * "Mark done / move" under the plan in force: the item modal (the branch's secretaries only),
 * and its submission: a move needs a reason and a new date after today in the plan's year
 * (inline errors, nothing stored); a refusal is told privately.
 */
import type { AppContext } from "../../../app/context.ts";
import {
  changePlanItem,
  checkPlanItemChange,
  preparePlanItems,
} from "../../../services/annual-plans/items.ts";
import { loadPlanOrg } from "../../../services/annual-plans/org.ts";
import { planErrorKey } from "../../../services/annual-plans/result.ts";
import { PLAN_ACTION, PLAN_BLOCK, PLAN_CALLBACK } from "../../ids/annual-plans.ts";
import { replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  newDateErrors,
  parseItemsMeta,
  planItemsModal,
  readItemChoice,
} from "../../views/annual-plans/items.ts";
import { registerModalButton } from "../buttons.ts";
import { PLAN_BUTTON } from "./decide.ts";

const ITEM_FIELD_BLOCK = { reason: PLAN_BLOCK.itemReason, date: PLAN_BLOCK.itemDate } as const;

export function registerPlanItems(app: ListenerApp, ctx: AppContext): void {
  registerModalButton(app, ctx, PLAN_BUTTON, PLAN_ACTION.items, async ({ ref, userId }) => {
    const ready = await preparePlanItems(ctx, { planId: ref.planId, userId });
    if (!ready.ok) return ready;
    const { t } = await loadPlanOrg(ctx.db);
    return { ok: true, view: planItemsModal(ready.plan, t) };
  });

  app.view(PLAN_CALLBACK.itemModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const reply = replier(ctx, viaDm(client, userId), planErrorKey);
    const meta = parseItemsMeta(view.private_metadata);
    const choice = readItemChoice(view.state.values);
    if (!meta || choice.itemId === null || choice.change === null) {
      const { t } = await loadPlanOrg(ctx.db);
      const errors: Record<string, string> = {};
      if (choice.itemId === null) errors[PLAN_BLOCK.itemPick] = t("annualPlans.input.itemRequired");
      if (choice.change === null)
        errors[PLAN_BLOCK.itemChange] = t("annualPlans.input.changeRequired");
      if (!meta) {
        await ack();
        return reply.refuse("invalid");
      }
      return ack({ response_action: "errors", errors });
    }
    const req =
      choice.change === "done"
        ? { planId: meta.planId, itemId: choice.itemId, userId, change: "done" as const }
        : {
            planId: meta.planId,
            itemId: choice.itemId,
            userId,
            change: "move" as const,
            date: choice.date,
            reason: choice.reason,
          };
    const checked = await checkPlanItemChange(ctx, req);
    if (!checked.ok && checked.error === "input") {
      const { t } = await loadPlanOrg(ctx.db);
      const errors = newDateErrors(checked.errors, (f) => ITEM_FIELD_BLOCK[f], checked, t);
      return ack({ response_action: "errors", errors });
    }
    await ack();
    if (!checked.ok) return reply.refuse(checked.error);
    const result = await changePlanItem(ctx, { ...req, source: PLAN_CALLBACK.itemModal }).catch(
      reply.failed,
    );
    if (result && !result.ok && result.error !== "input") await reply.refuse(result.error);
  });
}
