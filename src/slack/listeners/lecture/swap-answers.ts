/** Accept / Decline on the colleague's swap request DM: only the colleague asked may answer. */

import type { AppContext } from "../../../app/context.ts";
import { answerSwap } from "../../../services/lecture/swap-answer.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import type { ListenerApp } from "../../router.ts";
import { registerIdButton } from "../buttons.ts";
import { LECTURE_BUTTON } from "./turn-buttons.ts";

const ANSWERS = [
  [LECTURE_ACTION.acceptSwap, "accept"],
  [LECTURE_ACTION.declineSwap, "decline"],
] as const;

export function registerSwapAnswers(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, answer] of ANSWERS) {
    registerIdButton(app, ctx, LECTURE_BUTTON, actionId, (swapId, userId) =>
      answerSwap(ctx, { swapId, userId, answer, source: actionId }),
    );
  }
}
