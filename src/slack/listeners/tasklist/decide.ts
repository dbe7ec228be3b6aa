/**
 * The committee's decision buttons, wherever they are shown: Approve (decided at once), Return
 * (opens the return modal for someone who may return it; the comment is required, and the
 * submission has its own listener) and Open full list (read-only). The committee message and the
 * Home register the same three handlers, each with its own action ids and its own way to answer.
 */

import type { AppContext } from "../../../app/context.ts";
import { fullList, prepareReturn } from "../../../services/tasklist/decision-modals.ts";
import { errorKey, type TasklistError } from "../../../services/tasklist/result.ts";
import { decideList } from "../../../services/tasklist/transition.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import { type Tell, viaHome, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { fullListModal, parseListValue, returnModal } from "../../views/tasklist/index.ts";
import { type ButtonArgs, registerDecisionButtons, withRevision } from "../buttons.ts";

interface DecisionSurface {
  approve: string;
  return: string;
  open: string;
  /** How a refusal or failure reaches the person who clicked. */
  tell(ctx: AppContext, args: ButtonArgs): Tell;
}

const COMMITTEE_MESSAGE: DecisionSurface = {
  approve: TASKLIST_ACTION.approve,
  return: TASKLIST_ACTION.return,
  open: TASKLIST_ACTION.openFullList,
  tell: (_ctx, { respond }) => viaResponseUrl(respond),
};

const HOME: DecisionSurface = {
  approve: HOME_ACTION.approve,
  return: HOME_ACTION.return,
  open: HOME_ACTION.open,
  tell: (ctx, { body }) => viaHome(ctx, body.user.id),
};

const registerOn = (app: ListenerApp, ctx: AppContext, on: DecisionSurface): void =>
  registerDecisionButtons<TasklistError, { listId: number; revision: number }>(app, ctx, {
    ...on,
    kind: { parse: withRevision(parseListValue), invalid: "invalid", errorKey, tell: on.tell },
    decide: ({ ref, userId }, source) =>
      decideList(ctx, { ...ref, userId, decision: "approve", source }),
    async returnModal({ ref, userId }) {
      const ready = await prepareReturn(ctx, { ...ref, userId });
      return ready.ok ? { ok: true, view: returnModal(ready) } : ready;
    },
    async openView({ ref }) {
      const shown = await fullList(ctx, ref);
      return shown.ok ? { ok: true, view: fullListModal(shown) } : shown;
    },
  });

/** The buttons on the committee channel's message; answers through the response_url. */
export const registerDecide = (app: ListenerApp, ctx: AppContext): void =>
  registerOn(app, ctx, COMMITTEE_MESSAGE);

/** The same buttons on a committee member's Home; answers on the Home and in their DM. */
export const registerHomeDecisions = (app: ListenerApp, ctx: AppContext): void =>
  registerOn(app, ctx, HOME);
