/**
 * The turn buttons that act at once: Confirm and Can't make it on the speaker's DM, and the
 * same on the class representative's DM. Values carry the turn id only; rights come from the DB.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
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

export function registerTurnButtons(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, useCase] of ACTIONS) {
    app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = replier(ctx, viaResponseUrl(respond), errorKey);
      const turnId = parseId(action.value);
      if (turnId === null) return reply.refuse("not-found");
      const request = { turnId, userId: body.user.id, source: actionId };
      const result = await useCase(ctx, request).catch(reply.failed);
      if (result && !result.ok) await reply.refuse(result.error);
    });
  }
}
