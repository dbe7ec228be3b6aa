/** The away-dates modal submitted: the range is checked, then stored for the person submitting. */

import type { AppContext } from "../../../app/context.ts";
import { openAway, saveAway } from "../../../services/lecture/away.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { LECTURE_ACTION, LECTURE_BLOCK, LECTURE_CALLBACK } from "../../ids/lecture.ts";
import { refusalOnField } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { validateAway } from "../../views/lecture/index.ts";

export function registerSubmitAway(app: ListenerApp, ctx: AppContext): void {
  app.view(LECTURE_CALLBACK.awayModal, async ({ ack, body, view }) => {
    const opened = await openAway(ctx);
    if (!opened.ok)
      return ack(await refusalOnField(ctx, LECTURE_BLOCK.awayFrom, errorKey(opened.error)));
    const values = view.state.values;
    const from = values[LECTURE_BLOCK.awayFrom]?.[LECTURE_ACTION.awayFrom]?.selected_date;
    const to = values[LECTURE_BLOCK.awayTo]?.[LECTURE_ACTION.awayTo]?.selected_date;
    const range = validateAway({ from, to, today: opened.view.today }, opened.org.t);
    if (!range.ok) return ack({ response_action: "errors", errors: range.errors });
    const source = LECTURE_CALLBACK.awayModal;
    await saveAway(ctx, { userId: body.user.id, ...range.value, source });
    await ack();
  });
}
