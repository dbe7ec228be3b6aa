/**
 * The swap modal submitted: the colleague picked must still be one the speaker may ask (checked
 * again against the database); the request and the colleague's DM are stored together.
 */

import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { requestSwap } from "../../../services/lecture/swap-request.ts";
import { LECTURE_ACTION, LECTURE_BLOCK, LECTURE_CALLBACK } from "../../ids/lecture.ts";
import { refusalOnField } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";

export function registerSubmitSwap(app: ListenerApp, ctx: AppContext): void {
  app.view(LECTURE_CALLBACK.swapModal, async ({ ack, body, view }) => {
    const block = LECTURE_BLOCK.swapColleague;
    const turnId = parseId(view.private_metadata);
    if (turnId === null) return ack(await refusalOnField(ctx, block, errorKey("not-found")));
    const picked = view.state.values[block]?.[LECTURE_ACTION.swapColleague]?.selected_option;
    const request = { turnId, userId: body.user.id, colleague: picked?.value ?? null };
    const result = await requestSwap(ctx, { ...request, source: LECTURE_CALLBACK.swapModal });
    if ("fieldErrors" in result)
      return ack({ response_action: "errors", errors: result.fieldErrors });
    if (!result.ok) return ack(await refusalOnField(ctx, block, errorKey(result.error)));
    await ack();
  });
}
