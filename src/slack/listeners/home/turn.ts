/**
 * A member's buttons on the Home for their next lecture turn: Confirm (at once) and Swap (the
 * lecture hall's swap modal; its submission is handled by the lecture hall's listener).
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { openSwap } from "../../../services/lecture/swap-request.ts";
import { confirmTurn } from "../../../services/lecture/turn-actions.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import { replier, viaHome } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { buildSwapModal } from "../../views/lecture/index.ts";

type Button = BlockAction<ButtonAction>;

export function registerHomeTurnButtons(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(HOME_ACTION.confirmTurn, async ({ ack, body, action }) => {
    await ack();
    const userId = body.user.id;
    const reply = replier(ctx, viaHome(ctx, userId), errorKey);
    const turnId = parseId(action.value);
    if (turnId === null) return reply.refuse("not-found");
    const result = await confirmTurn(ctx, { turnId, userId, source: action.action_id }).catch(
      reply.failed,
    );
    if (result && !result.ok) await reply.refuse(result.error);
  });

  app.action<Button>(HOME_ACTION.swapTurn, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replier(ctx, viaHome(ctx, userId), errorKey);
    const turnId = parseId(action.value);
    if (turnId === null) return reply.refuse("not-found");
    const opened = await openSwap(ctx, { turnId, userId });
    if (!opened.ok) return reply.refuse(opened.error);
    const view = buildSwapModal(opened.view, opened.env.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
