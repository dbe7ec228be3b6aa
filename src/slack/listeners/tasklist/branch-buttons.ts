/**
 * The branch's buttons besides the modal: Withdraw (on the reminder, while a revision waits) and
 * Mark done / Undo on the approved plan's items.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { setItemStatus } from "../../../services/tasklist/toggle-item.ts";
import { withdrawList } from "../../../services/tasklist/withdraw-list.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { parseItemValue, parseListValue } from "../../views/tasklist/index.ts";

type Button = BlockAction<ButtonAction>;

export function registerBranchButtons(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(TASKLIST_ACTION.withdraw, async ({ ack, body, action, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const ref = parseListValue(action.value);
    if (!ref) return reply.refuse("invalid");
    const request = { listId: ref.listId, userId: body.user.id, source: action.action_id };
    const result = await withdrawList(ctx, request).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });

  for (const actionId of [TASKLIST_ACTION.markDone, TASKLIST_ACTION.undoDone]) {
    app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = replier(ctx, viaResponseUrl(respond), errorKey);
      const ref = parseItemValue(action.value);
      if (!ref) return reply.refuse("invalid");
      const to = actionId === TASKLIST_ACTION.markDone ? "DONE" : "OPEN";
      const request = { ...ref, to, userId: body.user.id, source: actionId } as const;
      const result = await setItemStatus(ctx, request).catch(reply.failed);
      if (result && !result.ok) await reply.refuse(result.error);
    });
  }
}
