/**
 * The task-list modal submitted: items validated first (errors answer on the field at fault and
 * nothing is stored), then the list submitted; a refusal is told privately.
 */

import type { AppContext } from "../../../app/context.ts";
import { parseItemRows } from "../../../domain/task-list-input.ts";
import { loadTasklistOrg } from "../../../services/tasklist/org.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { submitList } from "../../../services/tasklist/submit-list.ts";
import { TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import { replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { inputErrors, parsePrivateMetadata, readItemRows } from "../../views/tasklist/index.ts";

export function registerSubmitList(app: ListenerApp, ctx: AppContext): void {
  app.view(TASKLIST_CALLBACK.listModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const reply = replier(ctx, viaDm(client, userId), errorKey);
    const meta = parsePrivateMetadata("list", view.private_metadata);
    if (!meta || meta.listId === undefined) {
      await ack();
      return reply.refuse("invalid");
    }
    const parsed = parseItemRows(readItemRows(view.state.values, meta.rows), meta.period);
    if (!parsed.ok) return ack(inputErrors(parsed.errors, (await loadTasklistOrg(ctx.db)).t));
    await ack();
    const { listId, branchKey, period } = meta;
    const request = { listId, branchKey, period, userId, items: parsed.items };
    const result = await submitList(ctx, { ...request, source: TASKLIST_CALLBACK.listModal }).catch(
      (err) => reply.failed(err),
    );
    if (result && !result.ok) await reply.refuse(result.error);
  });
}
