/**
 * The committee message's buttons: Approve (decided at once), Return (opens the return modal for
 * someone who may return it; the comment is required) and Open full list (read-only).
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { decideList } from "../../../services/tasklist/decide-list.ts";
import { fullList, prepareReturn } from "../../../services/tasklist/decision-modals.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildFullListModal,
  buildReturnModal,
  parseListValue,
} from "../../views/tasklist/index.ts";
import { refuse, somethingWrong, viaResponseUrl } from "./reply.ts";

type Button = BlockAction<ButtonAction>;

export function registerDecide(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(TASKLIST_ACTION.approve, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = viaResponseUrl(respond);
    const ref = parseListValue(action.value);
    if (ref?.revision === undefined) return refuse(ctx, tell, "invalid");
    const request = { listId: ref.listId, revision: ref.revision, userId: body.user.id };
    const result = await decideList(ctx, {
      ...request,
      decision: "approve",
      source: action.action_id,
    }).catch((err) => somethingWrong(ctx, tell, err));
    if (result && !result.ok) await refuse(ctx, tell, result.error);
  });

  app.action<Button>(TASKLIST_ACTION.return, async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = viaResponseUrl(respond);
    const ref = parseListValue(action.value);
    if (ref?.revision === undefined) return refuse(ctx, tell, "invalid");
    const request = { listId: ref.listId, revision: ref.revision, userId: body.user.id };
    const ready = await prepareReturn(ctx, request);
    if (!ready.ok) return refuse(ctx, tell, ready.error);
    const view = buildReturnModal(ready.view, ready.org.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<Button>(
    TASKLIST_ACTION.openFullList,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const tell = viaResponseUrl(respond);
      const ref = parseListValue(action.value);
      if (ref?.revision === undefined) return refuse(ctx, tell, "invalid");
      const shown = await fullList(ctx, { listId: ref.listId, revision: ref.revision });
      if (!shown.ok) return refuse(ctx, tell, shown.error);
      const view = buildFullListModal(shown.view, shown.org.t);
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  );
}
