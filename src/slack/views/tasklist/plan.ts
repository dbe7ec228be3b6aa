/**
 * The month's approved plan in the branch channel: every item with Mark done / Undo, and the
 * completion count. Updated in place on each toggle and when an amendment is approved.
 */
import type { KnownBlock, SectionBlock } from "@slack/types";
import { completion } from "../../../domain/task-list-items.ts";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, header, mention, section } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../ids/tasklist.ts";
import { categoryLabel, dateTime, esc, itemLine, periodLabel } from "./format.ts";
import type { ItemView, PlanView, SlackMessage } from "./model.ts";
import { itemValue, listValue } from "./refs.ts";

function itemBlock(v: PlanView, item: ItemView, t: Translator): SectionBlock {
  const done = item.status === "DONE";
  const by =
    done && item.doneBy ? ` — ${t("tasklist.plan.doneBy", { by: mention(item.doneBy) })}` : "";
  const text = `${itemLine(item, t, { status: true })}  _${categoryLabel(item.category, t)}_${by}`;
  if (item.id === undefined) return section(text);
  const block = section(text, { block_id: `${TASKLIST_BLOCK.planItem}${item.id}` });
  if (!v.closed) {
    const value = itemValue({ listId: v.listId, itemId: item.id });
    block.accessory = done
      ? button(t("tasklist.button.undo"), TASKLIST_ACTION.undoDone, { value })
      : button(t("tasklist.button.markDone"), TASKLIST_ACTION.markDone, {
          value,
          style: "primary",
        });
  }
  return block;
}

export function buildPlanMessage(v: PlanView, t: Translator): SlackMessage {
  const month = periodLabel(v.period, t);
  const stats = completion(v.items.map((i) => ({ status: i.status ?? "OPEN" })));
  const p = { branch: esc(v.branch.name), month, revision: v.revision, ...stats };
  const blocks: KnownBlock[] = [
    header(t("tasklist.plan.header", { ...p, branch: v.branch.name })),
    context(
      t("tasklist.plan.approved", {
        ...p,
        by: mention(v.approvedBy),
        at: dateTime(v.approvedAt, v.tz, t),
      }),
      t("tasklist.plan.completion", p),
    ),
    ...v.items.map((item) => itemBlock(v, item, t)),
  ];
  if (v.amendmentUnderReview) blocks.push(context(t("tasklist.plan.amendmentPending")));
  if (v.closed) blocks.push(context(t("tasklist.plan.closed")));
  else if (!v.amendmentUnderReview)
    blocks.push(
      actions(TASKLIST_BLOCK.planActions, [
        button(t("tasklist.button.amend"), TASKLIST_ACTION.amend, {
          value: listValue({ listId: v.listId }),
        }),
      ]),
    );
  return { text: t("tasklist.plan.text", p), blocks };
}
