/**
 * The committee's buttons on a plan's message — Approve (decided at once), Return (opens the
 * return modal; the comment is required) — and the branch's Withdraw. Every click is checked on
 * the server by the shared approval machinery (four eyes, stale revisions, double clicks).
 */
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import { decidePlan, prepareReturn, withdrawPlan } from "../../../services/annual-plans/decide.ts";
import { loadPlanOrg } from "../../../services/annual-plans/org.ts";
import { type PlanError, planErrorKey } from "../../../services/annual-plans/result.ts";
import { PLAN_ACTION, PLAN_BLOCK, PLAN_CALLBACK } from "../../ids/annual-plans.ts";
import { replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { parsePlanValue } from "../../views/annual-plans/messages.ts";
import {
  parseReturnMeta,
  planReturnModal,
  readReturnComment,
} from "../../views/annual-plans/modal.ts";
import { type ButtonKind, buttons, registerDecisionButtons, withRevision } from "../buttons.ts";

/** A plan's buttons: the value names the plan (and, on a decision, its revision). */
export const PLAN_BUTTON: ButtonKind<PlanError, { planId: number; revision?: number }> = {
  parse: parsePlanValue,
  invalid: "invalid",
  errorKey: planErrorKey,
};

/**
 * A plan modal's submission: who sent it, their DM to answer in, and what its metadata names; a
 * forged metadata is acked and refused (null).
 */
export async function planSubmission<M>(
  ctx: AppContext,
  args: {
    ack: () => Promise<void>;
    body: { user: { id: string } };
    view: { private_metadata: string };
    client: WebClient;
  },
  parse: (raw: string | undefined) => M | null,
) {
  const userId = args.body.user.id;
  const reply = replier(ctx, viaDm(args.client, userId), planErrorKey);
  const meta = parse(args.view.private_metadata);
  if (!meta) {
    await args.ack();
    await reply.refuse("invalid");
    return null;
  }
  return { userId, reply, meta };
}

export function registerPlanDecisions(app: ListenerApp, ctx: AppContext): void {
  registerDecisionButtons<PlanError, { planId: number; revision: number }>(app, ctx, {
    kind: { ...PLAN_BUTTON, parse: withRevision(parsePlanValue) },
    approve: PLAN_ACTION.approve,
    return: PLAN_ACTION.return,
    decide: ({ ref, userId }, source) =>
      decidePlan(ctx, { ...ref, userId, decision: "approve", source }),
    async returnModal({ ref, userId }) {
      const ready = await prepareReturn(ctx, { ...ref, userId });
      if (!ready.ok) return ready;
      const { t } = await loadPlanOrg(ctx.db);
      return { ok: true, view: planReturnModal(ref, ready.plan, t) };
    },
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
    await reply.settle(
      decidePlan(ctx, {
        ...meta,
        userId,
        decision: "return",
        comment,
        source: PLAN_CALLBACK.returnModal,
      }),
    );
  });

  buttons(
    app,
    ctx,
    PLAN_BUTTON,
  )(PLAN_ACTION.withdraw, ({ ref, userId, reply }) =>
    reply.settle(withdrawPlan(ctx, { planId: ref.planId, userId, source: PLAN_ACTION.withdraw })),
  );
}
