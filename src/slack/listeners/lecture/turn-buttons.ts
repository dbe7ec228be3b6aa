/**
 * The turn buttons that act at once: Confirm and Can't make it on the speaker's DM, and the
 * same on the class representative's DM. Values carry the turn id only; rights come from the DB.
 */

import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey, type LectureError } from "../../../services/lecture/result.ts";
import { confirmTurn, dropTurn } from "../../../services/lecture/turn-actions.ts";
import { LECTURE_ACTION } from "../../ids/lecture.ts";
import type { ListenerApp } from "../../router.ts";
import { type ButtonKind, registerIdButton } from "../buttons.ts";

const ACTIONS = [
  [LECTURE_ACTION.confirm, confirmTurn],
  [LECTURE_ACTION.classRepConfirm, confirmTurn],
  [LECTURE_ACTION.drop, dropTurn],
  [LECTURE_ACTION.classRepDrop, dropTurn],
] as const;

/** The lecture hall's buttons name one record (a turn, a swap request) by its id. */
export const LECTURE_BUTTON: ButtonKind<LectureError, number> = {
  parse: parseId,
  invalid: "not-found",
  errorKey,
};

export function registerTurnButtons(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, useCase] of ACTIONS) {
    registerIdButton(app, ctx, LECTURE_BUTTON, actionId, (turnId, userId) =>
      useCase(ctx, { turnId, userId, source: actionId }),
    );
  }
}
