/**
 * A secretary's buttons on the Home: Submit / Revise / Amend open the round trip's task-list
 * modal (its submission is handled by the round trip's listener); Mark done / Undo on items.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { openListModal } from "../../../services/tasklist/list-modal.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { setItemStatus } from "../../../services/tasklist/toggle-item.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import { replier, viaHome } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { listModal, parseItemValue, parseListValue } from "../../views/tasklist/index.ts";

type Button = BlockAction<ButtonAction>;

export function registerHomeBranchButtons(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(HOME_ACTION.submit, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replier(ctx, viaHome(ctx, userId), errorKey);
    const ref = parseListValue(action.value);
    if (!ref) return reply.refuse("invalid");
    const opened = await openListModal(ctx, { listId: ref.listId, userId });
    if (!opened.ok) return reply.refuse(opened.error);
    const view = listModal(opened);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  for (const actionId of [HOME_ACTION.markDone, HOME_ACTION.undoDone]) {
    app.action<Button>(actionId, async ({ ack, body, action }) => {
      await ack();
      const userId = body.user.id;
      const reply = replier(ctx, viaHome(ctx, userId), errorKey);
      const ref = parseItemValue(action.value);
      if (!ref) return reply.refuse("invalid");
      const to = actionId === HOME_ACTION.markDone ? "DONE" : "OPEN";
      const result = await setItemStatus(ctx, { ...ref, to, userId, source: actionId }).catch(
        reply.failed,
      );
      if (result && !result.ok) await reply.refuse(result.error);
    });
  }
}
