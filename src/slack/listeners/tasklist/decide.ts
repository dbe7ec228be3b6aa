/**
 * The committee's decision buttons, wherever they are shown: Approve (decided at once), Return
 * (opens the return modal for someone who may return it; the comment is required, and the
 * submission has its own listener) and Open full list (read-only). The committee message and the
 * Home register the same three handlers, each with its own action ids and its own way to answer.
 */

import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { fullList, prepareReturn } from "../../../services/tasklist/decision-modals.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { decideList } from "../../../services/tasklist/transition.ts";
import { HOME_ACTION } from "../../ids/home.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import { replier, type Tell, viaHome, viaResponseUrl } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { fullListModal, parseListValue, returnModal } from "../../views/tasklist/index.ts";

type Button = BlockAction<ButtonAction>;
type Args = SlackActionMiddlewareArgs<Button> & AllMiddlewareArgs;

interface DecisionSurface {
  approve: string;
  return: string;
  open: string;
  /** How a refusal or failure reaches the person who clicked. */
  tell(ctx: AppContext, args: Args): Tell;
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

function registerDecisionButtons(app: ListenerApp, ctx: AppContext, on: DecisionSurface): void {
  /** The list and revision the button names, or a refusal already told. */
  const target = async (args: Args) => {
    await args.ack();
    const reply = replier(ctx, on.tell(ctx, args), errorKey);
    const ref = parseListValue(args.action.value);
    if (ref?.revision === undefined) {
      await reply.refuse("invalid");
      return null;
    }
    return { reply, listId: ref.listId, revision: ref.revision, userId: args.body.user.id };
  };

  app.action<Button>(on.approve, async (args) => {
    const to = await target(args);
    if (!to) return;
    const { reply, ...request } = to;
    const result = await decideList(ctx, {
      ...request,
      decision: "approve",
      source: args.action.action_id,
    }).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });

  app.action<Button>(on.return, async (args) => {
    const to = await target(args);
    if (!to) return;
    const { reply, ...request } = to;
    const ready = await prepareReturn(ctx, request);
    if (!ready.ok) return reply.refuse(ready.error);
    const view = returnModal(ready);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });

  app.action<Button>(on.open, async (args) => {
    const to = await target(args);
    if (!to) return;
    const shown = await fullList(ctx, { listId: to.listId, revision: to.revision });
    if (!shown.ok) return to.reply.refuse(shown.error);
    const view = fullListModal(shown);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  });
}

/** The buttons on the committee channel's message; answers through the response_url. */
export const registerDecide = (app: ListenerApp, ctx: AppContext): void =>
  registerDecisionButtons(app, ctx, COMMITTEE_MESSAGE);

/** The same buttons on a committee member's Home; answers on the Home and in their DM. */
export const registerHomeDecisions = (app: ListenerApp, ctx: AppContext): void =>
  registerDecisionButtons(app, ctx, HOME);
