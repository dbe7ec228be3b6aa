/**
 * The plan modal: opened from the branch's request or the returned notice (only a secretary of
 * the branch; refusals told privately), its pages turned (the rows typed kept in the draft
 * first), closed (kept as a draft), submitted (every page's rows checked before the ack: errors
 * on the field at fault and nothing stored; then the plan goes to the committee).
 */
import type { AppContext } from "../../../app/context.ts";
import { keepPage, openPlanForm, PAGES } from "../../../services/annual-plans/form.ts";
import { loadPlanOrg } from "../../../services/annual-plans/org.ts";
import { planErrorKey } from "../../../services/annual-plans/result.ts";
import { checkPlanSubmission, submitPlan } from "../../../services/annual-plans/submit.ts";
import { PLAN_ACTION, PLAN_CALLBACK, planRowBlock } from "../../ids/annual-plans.ts";
import { refusalOnField, replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  parsePlanModalMeta,
  planModal,
  readPlanRows,
  rowErrors,
} from "../../views/annual-plans/modal.ts";
import { type ButtonArgs as Args, type Button, buttons } from "../buttons.ts";
import { PLAN_BUTTON, planSubmission } from "./decide.ts";

export function registerPlanModal(app: ListenerApp, ctx: AppContext): void {
  buttons(
    app,
    ctx,
    PLAN_BUTTON,
  )(PLAN_ACTION.open, async ({ ref, userId, reply }, args) => {
    const opened = await openPlanForm(ctx, { planId: ref.planId, userId }).catch(reply.failed);
    if (!opened) return;
    if (!opened.ok) return reply.refuse(opened.error);
    const { t } = await loadPlanOrg(ctx.db);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: planModal(opened.form, t),
    });
  });

  for (let page = 0; page < PAGES; page++) {
    app.action<Button>(`${PLAN_ACTION.page}_${page}`, async (args: Args) => {
      await args.ack();
      const view = args.body.view;
      const meta = parsePlanModalMeta(view?.private_metadata);
      if (!view || !meta) return;
      const typed = readPlanRows(view.state?.values, meta.page);
      const userId = args.body.user.id;
      const kept = await keepPage(ctx, { planId: meta.planId, userId, typed, to: page });
      if (!kept.ok) {
        await replier(ctx, viaDm(args.client, userId), planErrorKey).refuse(kept.error);
        return;
      }
      const { t } = await loadPlanOrg(ctx.db);
      await args.client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: planModal(kept.form, t),
      });
    });
  }

  app.view(
    { callback_id: PLAN_CALLBACK.planModal, type: "view_closed" },
    async ({ ack, body, view }) => {
      await ack();
      const meta = parsePlanModalMeta(view.private_metadata);
      if (!meta) return;
      const typed = readPlanRows(view.state.values, meta.page);
      const kept = await keepPage(ctx, {
        planId: meta.planId,
        userId: body.user.id,
        typed,
        to: meta.page,
      });
      if (!kept.ok)
        ctx.logger.info({ error: kept.error, user: body.user.id }, "plan draft not kept");
    },
  );

  app.view(PLAN_CALLBACK.planModal, async (args) => {
    const { ack, view } = args;
    const sent = await planSubmission(ctx, args, parsePlanModalMeta);
    if (!sent) return;
    const { userId, reply, meta } = sent;
    const typed = readPlanRows(view.state.values, meta.page);
    const checked = await checkPlanSubmission(ctx, { planId: meta.planId, userId, typed });
    if (!checked.ok && checked.error === "rows") {
      const { t } = await loadPlanOrg(ctx.db);
      // Keep what was typed on this page, so the other pages' errors can be fixed there.
      await keepPage(ctx, { planId: meta.planId, userId, typed, to: meta.page });
      return ack({ response_action: "errors", errors: rowErrors(checked.errors, meta.page, t) });
    }
    if (!checked.ok) {
      const field = planRowBlock(meta.page * 10, "title");
      return ack(await refusalOnField(ctx, field, planErrorKey(checked.error)));
    }
    await ack();
    await reply.settle(
      submitPlan(ctx, {
        planId: meta.planId,
        userId,
        items: checked.items,
        source: PLAN_CALLBACK.planModal,
      }),
    );
  });
}
