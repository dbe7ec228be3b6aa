/** The task-list modal closed (notify_on_close): what was typed is kept as a draft for next time. */

import type { AppContext } from "../../../app/context.ts";
import { keepDraft } from "../../../services/tasklist/list-modal.ts";
import { TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import type { ListenerApp } from "../../router.ts";
import { parsePrivateMetadata, readItemRows } from "../../views/tasklist/index.ts";

export function registerCloseList(app: ListenerApp, ctx: AppContext): void {
  app.view(
    { callback_id: TASKLIST_CALLBACK.listModal, type: "view_closed" },
    async ({ ack, body, view }) => {
      await ack();
      const meta = parsePrivateMetadata("list", view.private_metadata);
      if (!meta) return;
      const raw = readItemRows(view.state.values, meta.rows, meta.links);
      const kept = await keepDraft(ctx, { meta, userId: body.user.id, raw });
      if (!kept.ok) ctx.logger.info({ error: kept.error, user: body.user.id }, "draft not kept");
    },
  );
}
