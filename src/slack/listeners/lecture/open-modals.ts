/**
 * Buttons that open a modal: Submit topic and Ask for a swap (the turn's speaker only; a refusal
 * otherwise), and Set away dates (anyone, for themselves). The modal is complete when it opens.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { openAway } from "../../../services/lecture/away.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { openSwap } from "../../../services/lecture/swap-request.ts";
import { openTopic } from "../../../services/lecture/topic.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { buildAwayModal, buildSwapModal, buildTopicModal } from "../../views/lecture/index.ts";

type Button = BlockAction<ButtonAction>;

export function registerOpenModals(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(LECTURE_ACTION.openTopic, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const turnId = parseId(action.value);
    if (turnId === null) return reply.refuse("not-found");
    const opened = await openTopic(ctx, { turnId, userId: body.user.id });
    if (!opened.ok) return reply.refuse(opened.error);
    const view = buildTopicModal(opened.view, opened.env.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<Button>(LECTURE_ACTION.openSwap, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const turnId = parseId(action.value);
    if (turnId === null) return reply.refuse("not-found");
    const opened = await openSwap(ctx, { turnId, userId: body.user.id });
    if (!opened.ok) return reply.refuse(opened.error);
    const view = buildSwapModal(opened.view, opened.env.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<Button>(LECTURE_ACTION.openAway, async ({ ack, body, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const opened = await openAway(ctx);
    if (!opened.ok) return reply.refuse(opened.error);
    const view = buildAwayModal(opened.view, opened.org.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
