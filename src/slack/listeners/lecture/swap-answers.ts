/** Accept / Decline on the colleague's swap request DM: only the colleague asked may answer. */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { answerSwap } from "../../../services/lecture/swap-answer.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import { replier, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";

type Button = BlockAction<ButtonAction>;

const ANSWERS = [
  [LECTURE_ACTION.acceptSwap, "accept"],
  [LECTURE_ACTION.declineSwap, "decline"],
] as const;

export function registerSwapAnswers(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, answer] of ANSWERS) {
    app.action<Button>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = replier(ctx, viaResponseUrl(respond), errorKey);
      const swapId = parseId(action.value);
      if (swapId === null) return reply.refuse("not-found");
      const request = { swapId, userId: body.user.id, answer, source: actionId };
      const result = await answerSwap(ctx, request).catch(reply.failed);
      if (result && !result.ok) await reply.refuse(result.error);
    });
  }
}
