/**
 * The topic modal submitted: an empty or over-long topic, or a turn that is no longer theirs,
 * comes back on the field (`response_action: errors`) and nothing is stored.
 */

import type { AppContext } from "../../../app/context.ts";
import { parseId } from "../../../services/lecture/keys.ts";
import { errorKey } from "../../../services/lecture/result.ts";
import { openTopic, submitTopic } from "../../../services/lecture/topic.ts";
import { LECTURE_ACTION, LECTURE_BLOCK, LECTURE_CALLBACK } from "../../ids/lecture.ts";
import { refusalOnField } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { validateTopic } from "../../views/lecture/index.ts";

export function registerSubmitTopic(app: ListenerApp, ctx: AppContext): void {
  app.view(LECTURE_CALLBACK.topicModal, async ({ ack, body, view }) => {
    const block = LECTURE_BLOCK.topic;
    const turnId = parseId(view.private_metadata);
    if (turnId === null) return ack(await refusalOnField(ctx, block, errorKey("not-found")));
    const opened = await openTopic(ctx, { turnId, userId: body.user.id });
    if (!opened.ok) return ack(await refusalOnField(ctx, block, errorKey(opened.error)));
    const raw = view.state.values[block]?.[LECTURE_ACTION.topicInput]?.value;
    const topic = validateTopic(raw, opened.env.t);
    if (!topic.ok) return ack({ response_action: "errors", errors: topic.errors });
    const request = { turnId, userId: body.user.id, topic: topic.value };
    const result = await submitTopic(ctx, { ...request, source: LECTURE_CALLBACK.topicModal });
    if (!result.ok) return ack(await refusalOnField(ctx, block, errorKey(result.error)));
    await ack();
  });
}
