/**
 * "Fill in task list", "Revise", "Amend plan": the task-list modal, opened with the click's
 * trigger_id (valid 3 s): ack first, a few reads, then views.open. Refused (ephemeral) for
 * anyone but the branch's secretaries, and while a revision waits for the committee.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { openListModal } from "../../../services/tasklist/list-modal.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { listModal, parseListValue } from "../../views/tasklist/index.ts";

/** Each opener and what it offered, so an older copy's button is answered for what it said. */
const OPENERS = [
  [TASKLIST_ACTION.openModal, "submit"],
  [TASKLIST_ACTION.revise, "resubmit"],
  [TASKLIST_ACTION.amend, "amend"],
] as const;

export function registerOpenListModal(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, intent] of OPENERS) {
    app.action<BlockAction<ButtonAction>>(
      actionId,
      async ({ ack, body, action, client, respond }) => {
        await ack();
        const reply = replier(ctx, viaResponseUrl(respond), errorKey);
        const ref = parseListValue(action.value);
        if (!ref) return reply.refuse("invalid");
        try {
          const opened = await openListModal(ctx, {
            listId: ref.listId,
            userId: body.user.id,
            intent,
          });
          if (!opened.ok) return reply.refuse(opened.error);
          await client.views.open({
            trigger_id: body.trigger_id,
            view: listModal(opened),
          });
        } catch (err) {
          await reply.failed(err);
        }
      },
    );
  }
}
