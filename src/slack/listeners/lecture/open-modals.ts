/**
 * Buttons that open a modal: Submit topic and Ask for a swap (the turn's speaker only; a refusal
 * otherwise), and Set away dates (anyone, for themselves). The modal is complete when it opens.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { AppContext } from "../../../app/context.ts";
import type { Translator } from "../../../i18n/index.ts";
import { openAway } from "../../../services/lecture/away.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey, type Result } from "../../../services/lecture/result.ts";
import { openSwap } from "../../../services/lecture/swap-request.ts";
import { openTopic } from "../../../services/lecture/topic.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { buildAwayModal, buildSwapModal, buildTopicModal } from "../../views/lecture/index.ts";

type Button = BlockAction<ButtonAction>;
type Opened<V> = Result<{ view: V; env: { t: Translator } }>;

/** A turn's button that opens a modal for the turn's speaker, or says why not. */
function registerTurnModal<V>(
  app: ListenerApp,
  ctx: AppContext,
  actionId: string,
  open: (deps: AppContext, req: { turnId: number; userId: string }) => Promise<Opened<V>>,
  build: (view: V, t: Translator) => View,
): void {
  app.action<Button>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const turnId = parseId(action.value);
    if (turnId === null) return reply.refuse("not-found");
    const opened = await open(ctx, { turnId, userId: body.user.id });
    if (!opened.ok) return reply.refuse(opened.error);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: build(opened.view, opened.env.t),
    });
  });
}

export function registerOpenModals(app: ListenerApp, ctx: AppContext): void {
  registerTurnModal(app, ctx, LECTURE_ACTION.openTopic, openTopic, buildTopicModal);
  registerTurnModal(app, ctx, LECTURE_ACTION.openSwap, openSwap, buildSwapModal);

  app.action<Button>(LECTURE_ACTION.openAway, async ({ ack, body, client, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const opened = await openAway(ctx);
    if (!opened.ok) return reply.refuse(opened.error);
    const view = buildAwayModal(opened.view, opened.org.t);
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
