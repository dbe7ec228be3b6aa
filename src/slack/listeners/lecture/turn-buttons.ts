/**
 * The turn buttons that act at once: Confirm and Can't make it on the speaker's DM, and the
 * same on the class representative's DM. Values carry the turn id only; rights come from the DB.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey, type Result } from "../../../services/lecture/result.ts";
import { confirmTurn, dropTurn } from "../../../services/lecture/turn-actions.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";

type Button = BlockAction<ButtonAction>;

const ACTIONS = [
  [LECTURE_ACTION.confirm, confirmTurn],
  [LECTURE_ACTION.classRepConfirm, confirmTurn],
  [LECTURE_ACTION.drop, dropTurn],
  [LECTURE_ACTION.classRepDrop, dropTurn],
] as const;

/**
 * A button that acts at once on the lecture record its value names (a turn, a swap request):
 * acks, parses the id (a forged or missing one is "not found"), runs `act` and answers through
 * the response_url. Rights come from the database, in the use case.
 */
export function registerIdButton(
  app: ListenerApp,
  ctx: AppContext,
  actionId: string,
  act: (id: number, userId: string) => Promise<Result<object>>,
): void {
  app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
    await ack();
    const reply = replier(ctx, viaResponseUrl(respond), errorKey);
    const id = parseId(action.value);
    if (id === null) return reply.refuse("not-found");
    const result = await act(id, body.user.id).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });
}

export function registerTurnButtons(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, useCase] of ACTIONS) {
    registerIdButton(app, ctx, actionId, (turnId, userId) =>
      useCase(ctx, { turnId, userId, source: actionId }),
    );
  }
}
