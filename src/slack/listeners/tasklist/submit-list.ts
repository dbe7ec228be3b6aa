/**
 * The task-list modal submitted: items validated first (errors answer on the field at fault and
 * nothing is stored), then the list submitted; a refusal is told privately.
 */
import type { App } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { parseItemRows } from "../../../domain/task-list-input.ts";
import { loadTasklistOrg } from "../../../services/tasklist/org.ts";
import { submitList } from "../../../services/tasklist/submit-list.ts";
import { TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import { inputErrors, parsePrivateMetadata, readItemRows } from "../../views/tasklist/index.ts";
import { refuseInDm } from "./reply.ts";

export function registerSubmitList(app: App, ctx: AppContext): void {
  app.view(TASKLIST_CALLBACK.listModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const meta = parsePrivateMetadata("list", view.private_metadata);
    if (!meta || meta.listId === undefined) {
      await ack();
      return refuseInDm(client, ctx, userId, "invalid");
    }
    const parsed = parseItemRows(readItemRows(view.state.values, meta.rows), meta.period);
    if (!parsed.ok) {
      const { t } = await loadTasklistOrg(ctx.db);
      return ack(inputErrors(parsed.errors, t));
    }
    await ack();
    const result = await submitList(ctx, {
      listId: meta.listId,
      branchKey: meta.branchKey,
      period: meta.period,
      userId,
      items: parsed.items,
      source: TASKLIST_CALLBACK.listModal,
    });
    if (!result.ok) await refuseInDm(client, ctx, userId, result.error);
  });
}
