/**
 * The committee's buttons on a plan's message — Approve (decided at once), Return (opens the
 * return modal; the comment is required) — and the branch's Withdraw. Every click is checked on
 * the server by the shared approval machinery (four eyes, stale revisions, double clicks).
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { decidePlan, prepareReturn, withdrawPlan } from "../../../services/annual-plans/decide.ts";
import { loadPlanOrg } from "../../../services/annual-plans/org.ts";
import { planErrorKey } from "../../../services/annual-plans/result.ts";
import { PLAN_ACTION, PLAN_BLOCK, PLAN_CALLBACK } from "../../ids/annual-plans.ts";
import { replier, viaDm, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { parsePlanValue } from "../../views/annual-plans/messages.ts";
import {
  parseReturnMeta,
  planReturnModal,
  readReturnComment,
} from "../../views/annual-plans/modal.ts";

type Button = BlockAction<ButtonAction>;
type Args = SlackActionMiddlewareArgs<Button> & AllMiddlewareArgs;

export function registerPlanDecisions(app: ListenerApp, ctx: AppContext): void {
  const target = async (args: Args) => {
    await args.ack();
    const reply = replier(ctx, viaResponseUrl(args.respond), planErrorKey);
    const ref = parsePlanValue(args.action.value);
    if (ref?.revision === undefined) {
      await reply.refuse("invalid");
      return null;
    }
    return { reply, planId: ref.planId, revision: ref.revision, userId: args.body.user.id };
  };

  app.action<Button>(PLAN_ACTION.approve, async (args) => {
    const to = await target(args);
    if (!to) return;
    const { reply, ...req } = to;
    const result = await decidePlan(ctx, {
      ...req,
      decision: "approve",
      source: PLAN_ACTION.approve,
    }).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });

  app.action<Button>(PLAN_ACTION.return, async (args) => {
    const to = await target(args);
    if (!to) return;
    const ready = await prepareReturn(ctx, to);
    if (!ready.ok) return to.reply.refuse(ready.error);
    const { t } = await loadPlanOrg(ctx.db);
    const view = planReturnModal({ planId: to.planId, revision: to.revision }, ready.plan, t);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });

  app.view(PLAN_CALLBACK.returnModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const reply = replier(ctx, viaDm(client, userId), planErrorKey);
    const meta = parseReturnMeta(view.private_metadata);
    const comment = readReturnComment(view.state.values);
    if (meta && comment === "") {
      const { t } = await loadPlanOrg(ctx.db);
      return ack({
        response_action: "errors",
        errors: { [PLAN_BLOCK.returnComment]: t("annualPlans.return.required") },
      });
    }
    await ack();
    if (!meta) return reply.refuse("invalid");
    const result = await decidePlan(ctx, {
      ...meta,
      userId,
      decision: "return",
      comment,
      source: PLAN_CALLBACK.returnModal,
    }).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });

  app.action<Button>(PLAN_ACTION.withdraw, async (args) => {
    await args.ack();
    const reply = replier(ctx, viaResponseUrl(args.respond), planErrorKey);
    const ref = parsePlanValue(args.action.value);
    if (!ref) return reply.refuse("invalid");
    const result = await withdrawPlan(ctx, {
      planId: ref.planId,
      userId: args.body.user.id,
      source: PLAN_ACTION.withdraw,
    }).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });
}
