/**
 * The committee's buttons on the Home: Approve (decided at once), Return (the round trip's
 * return modal, whose submission its own listener handles) and Open (the read-only full list).
 * The same use cases as the committee channel's buttons; rights are checked there.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { decideList } from "../../../services/tasklist/decide-list.ts";
import { fullList, prepareReturn } from "../../../services/tasklist/decision-modals.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildFullListModal,
  buildReturnModal,
  parseListValue,
} from "../../views/tasklist/index.ts";
import { homeFailed, refuseList } from "./reply.ts";

type Button = BlockAction<ButtonAction>;

export function registerHomeDecisions(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(HOME_ACTION.approve, async ({ ack, body, action }) => {
    await ack();
    const userId = body.user.id;
    const ref = parseListValue(action.value);
    if (ref?.revision === undefined) return refuseList(ctx, userId, "invalid");
    const request = { listId: ref.listId, revision: ref.revision, userId };
    const result = await decideList(ctx, {
      ...request,
      decision: "approve",
      source: action.action_id,
    }).catch((err: unknown) => homeFailed(ctx, userId, err));
    if (result && !result.ok) await refuseList(ctx, userId, result.error);
  });

  app.action<Button>(HOME_ACTION.return, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    const ref = parseListValue(action.value);
    if (ref?.revision === undefined) return refuseList(ctx, userId, "invalid");
    const ready = await prepareReturn(ctx, { ...ref, revision: ref.revision, userId });
    if (!ready.ok) return refuseList(ctx, userId, ready.error);
    const view = buildReturnModal(ready.view, ready.org.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<Button>(HOME_ACTION.open, async ({ ack, body, action, client }) => {
    await ack();
    const ref = parseListValue(action.value);
    if (ref?.revision === undefined) return refuseList(ctx, body.user.id, "invalid");
    const shown = await fullList(ctx, { listId: ref.listId, revision: ref.revision });
    if (!shown.ok) return refuseList(ctx, body.user.id, shown.error);
    const view = buildFullListModal(shown.view, shown.org.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
