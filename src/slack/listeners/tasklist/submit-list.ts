/**
 * The task-list modal submitted: items validated first (errors answer on the field at fault and
 * nothing is stored), the ticked plan items of the year added as rows linked to them (each must
 * be one of the branch's items due this month), then the list submitted; a refusal is told
 * privately.
 */

import type { AppContext } from "../../../app/context.ts";
import { isBlankRow, MAX_ITEMS, parseItemRows } from "../../../domain/task-list-input.ts";
import { planRowsForList } from "../../../services/annual-plans/items.ts";
import { loadTasklistOrg } from "../../../services/tasklist/org.ts";
import { errorKey } from "../../../services/tasklist/result.ts";
import { submitList } from "../../../services/tasklist/submit-list.ts";
import { TASKLIST_BLOCK, TASKLIST_CALLBACK } from "../../ids/tasklist.ts";
import { replier, viaDm } from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import { inputErrors, parsePrivateMetadata, readItemRows } from "../../views/tasklist/index.ts";
import { readPlanChoice } from "../../views/tasklist/plan-offer.ts";

export function registerSubmitList(app: ListenerApp, ctx: AppContext): void {
  app.view(TASKLIST_CALLBACK.listModal, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const reply = replier(ctx, viaDm(client, userId), errorKey);
    const meta = parsePrivateMetadata("list", view.private_metadata);
    if (!meta || meta.listId === undefined) {
      await ack();
      return reply.refuse("invalid");
    }
    const ticked = readPlanChoice(view.state.values);
    const typed = readItemRows(view.state.values, meta.rows, meta.links);
    // Ticked plan items may be the whole list: the empty row left on screen is not an item.
    const rows = ticked.length > 0 ? typed.filter((r) => !isBlankRow(r)) : typed;
    if (rows.length === 0 && ticked.length === 0 && meta.rows.length === 0) {
      // Nothing typed and nothing ticked in a modal that opened with plan items only.
      const { t } = await loadTasklistOrg(ctx.db);
      const block = `${TASKLIST_BLOCK.planOffer}0`;
      return ack({ response_action: "errors", errors: { [block]: t("tasklist.input.noItems") } });
    }
    const parsed =
      rows.length === 0 && ticked.length > 0
        ? { ok: true as const, items: [] }
        : parseItemRows(rows, meta.period);
    if (!parsed.ok) return ack(inputErrors(parsed.errors, (await loadTasklistOrg(ctx.db)).t));
    let items = parsed.items;
    if (ticked.length > 0) {
      const linked = new Set(items.map((i) => i.planItemId));
      const fresh = ticked.filter((c) => !linked.has(c.id));
      const taken = await planRowsForList(
        ctx.db,
        meta.listId,
        fresh.map((c) => c.id),
      );
      const at = (id: number) => ticked.find((c) => c.id === id)?.blockId ?? "";
      if (!taken.ok) {
        const { t } = await loadTasklistOrg(ctx.db);
        return ack({
          response_action: "errors",
          errors: { [at(taken.notDue)]: t("annualPlans.month.notDue") },
        });
      }
      if (items.length + taken.items.length > MAX_ITEMS) {
        const { t } = await loadTasklistOrg(ctx.db);
        return ack({
          response_action: "errors",
          errors: { [at(fresh[0]?.id ?? 0)]: t("annualPlans.month.tooMany", { max: MAX_ITEMS }) },
        });
      }
      items = [...items, ...taken.items];
    }
    await ack();
    const { listId, branchKey, period } = meta;
    const request = { listId, branchKey, period, userId, items };
    const result = await submitList(ctx, { ...request, source: TASKLIST_CALLBACK.listModal }).catch(
      (err) => reply.failed(err),
    );
    if (result && !result.ok) await reply.refuse(result.error);
  });
}
