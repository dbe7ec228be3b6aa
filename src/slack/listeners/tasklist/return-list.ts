/** The return modal submitted: a comment is required (inline error); then the list is returned. */

import type { AppContext } from "../../../app/context.ts";
import { loadTasklistOrg } from "../../../services/tasklist/org.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { decideList } from "../../../services/tasklist/transition.ts";
import { TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import { replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  commentRequired,
  parsePrivateMetadata,
  readReturnComment,
} from "../../views/tasklist/index.ts";

export function registerReturnList(app: ListenerApp, ctx: AppContext): void {
  app.view(TASKLIST_CALLBACK.returnModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const reply = replier(ctx, viaDm(client, userId), errorKey);
    const meta = parsePrivateMetadata("revision", view.private_metadata);
    const comment = readReturnComment(view.state.values);
    if (meta && comment === "") return ack(commentRequired((await loadTasklistOrg(ctx.db)).t));
    await ack();
    if (!meta) return reply.refuse("invalid");
    const { listId, revision, branchKey, period } = meta;
    const result = await decideList(ctx, {
      listId,
      revision,
      userId,
      decision: "return",
      comment,
      expect: { branchKey, period },
      source: TASKLIST_CALLBACK.returnModal,
    }).catch(reply.failed);
    if (result && !result.ok) await reply.refuse(result.error);
  });
}
