/** "Add item" / "Remove" in the task-list modal: the modal again (views.update with its hash). */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { rebuildListModal } from "../../../services/tasklist/list-modal.ts";
import { TASKLIST_ACTION } from "../../ids/tasklist.ts";
import type { ListenerApp } from "../../router.ts";
import {
  listModal,
  parsePrivateMetadata,
  parseRowValue,
  readItemRows,
} from "../../views/tasklist/index.ts";

export function registerListModalRows(app: ListenerApp, ctx: AppContext): void {
  for (const actionId of [TASKLIST_ACTION.addRow, TASKLIST_ACTION.removeRow]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const view = body.view;
      const meta = parsePrivateMetadata("list", view?.private_metadata);
      const row = parseRowValue(action.value);
      if (!view || !meta) return;
      const change =
        actionId === TASKLIST_ACTION.addRow ? { add: true as const } : { remove: row ?? -1 };
      const raw = readItemRows(view.state.values, meta.rows, meta.links);
      const rebuilt = await rebuildListModal(ctx, { meta, raw, change });
      if (!rebuilt.ok) {
        ctx.logger.warn({ error: rebuilt.error, view: view.id }, "task-list modal not rebuilt");
        return;
      }
      // A hash_conflict means the modal changed meanwhile (a second click): that one wins.
      await client.views
        .update({
          view_id: view.id,
          hash: view.hash,
          view: listModal(rebuilt),
        })
        .catch((err) => ctx.logger.warn({ err, view: view.id }, "task-list modal update failed"));
    });
  }
}
