/**
 * `/pbb inspections swap`: a system admin changes who inspects a branch in an open round; the
 * rules are checked again and a broken one is shown on the field (nothing changes).
 */
import type { AppContext } from "../../../app/context.ts";
import { errorKey } from "../../../services/inspections/result.ts";
import { openSwap, swapAssignment } from "../../../services/inspections/swap.ts";
import { INSPECTION_BLOCK, INSPECTION_CALLBACK } from "../../ids/inspections.ts";
import { refusalOnField, refusalText } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { buildSwapModal, readSwap } from "../../views/inspections/modals.ts";
import { inspectionsPresenter } from "../../views/inspections/present.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

export const inspectionsSubcommand: Subcommand = {
  name: "inspections",
  usage: "inspections swap",
  describe: (t) => t("inspections.command.describe"),
  async run({ ctx, command, t, respond }) {
    const opened = await openSwap(ctx, command.user_id);
    if (!opened.ok) {
      await respond({
        response_type: "ephemeral",
        text: await refusalText(ctx, errorKey(opened.error)),
      });
      return;
    }
    await ctx.client.views.open({
      trigger_id: command.trigger_id,
      view: buildSwapModal(opened.form.rounds, t),
    });
  },
};

export function registerSwap(app: ListenerApp, ctx: AppContext): void {
  app.view(INSPECTION_CALLBACK.swap, async ({ ack, body, view }) => {
    const read = readSwap(view.state.values as never);
    const result = await swapAssignment(ctx, inspectionsPresenter, {
      userId: body.user.id,
      ...read,
    });
    if (result.ok) return ack();
    const field =
      result.error === "swap-not-in-round" ? INSPECTION_BLOCK.branch : INSPECTION_BLOCK.inspector;
    return ack(await refusalOnField(ctx, field, errorKey(result.error)));
  });
}
