/** A secretary's section of the Home: this month's list, its items to mark done, past months. */
import type { Button, KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import { button, context, header, section } from "../../blocks.ts";
import { HOME_ACTION, HOME_BLOCK } from "../../ids/home.ts";
import { dateTime, itemLine, periodLabel } from "../tasklist/format.ts";
import { itemValue, listValue } from "../tasklist/refs.ts";
import { esc, stateLabel } from "./format.ts";
import type { PastMonthRow, PlanItemRow, SecretaryModel } from "./model.ts";

/** Items shown with their buttons; the rest are in the plan message in the branch channel. */
export const ITEMS_SHOWN = 10;

function actionButton(m: SecretaryModel, t: Translator): Button | undefined {
  if (m.listId === null || !m.action) return undefined;
  const value = listValue({ listId: m.listId });
  if (m.action === "amend") return button(t("home.button.amend"), HOME_ACTION.submit, { value });
  const label = m.action === "submit" ? "home.button.submit" : "home.button.revise";
  return button(t(label), HOME_ACTION.submit, { value, style: "primary" });
}

export const planLine = (i: PlanItemRow, t: Translator): string =>
  itemLine(
    {
      ...i,
      id: i.itemId,
      category: "OTHER",
      expectedResult: null,
      status: i.done ? "DONE" : "OPEN",
      doneBy: null,
    },
    t,
    { status: true },
  );

function itemBlock(i: PlanItemRow, t: Translator): KnownBlock {
  const value = itemValue({ listId: i.listId, itemId: i.itemId });
  const accessory = i.done
    ? button(t("home.button.undo"), HOME_ACTION.undoDone, { value })
    : button(t("home.button.markDone"), HOME_ACTION.markDone, { value, style: "primary" });
  return section(planLine(i, t), { block_id: `${HOME_BLOCK.item}${i.itemId}`, accessory });
}

function pastLine(p: PastMonthRow, t: Translator): string {
  const onTime =
    p.onTime === null ? "" : ` · ${t(p.onTime ? "home.past.onTime" : "home.past.late")}`;
  const done = p.itemsPlanned
    ? ` · ${t("home.past.done", { done: p.itemsDone, planned: p.itemsPlanned })}`
    : "";
  return `• ${periodLabel(p.period, t)}: ${stateLabel(p.state, t)}${onTime}${done}`;
}

export function secretaryBlocks(
  m: SecretaryModel,
  tz: string,
  t: Translator,
  opts: { items: boolean },
): KnownBlock[] {
  const lines = [
    t("home.secretary.month", {
      month: periodLabel(m.period, t),
      state: stateLabel(m.state, t),
      deadline: dateTime(m.deadlineAt, tz, t),
    }),
  ];
  if (m.amendmentPending) lines.push(t("home.secretary.amendmentPending"));
  if (m.returnComment) lines.push(t("home.secretary.returned", { comment: esc(m.returnComment) }));
  const accessory = actionButton(m, t);
  const blocks: KnownBlock[] = [
    header(t("home.secretary.header", { branch: m.branchName })),
    section(lines.join("\n"), {
      block_id: `${HOME_BLOCK.branch}${m.branchKey}`,
      ...(accessory ? { accessory } : {}),
    }),
  ];
  if (m.listId === null) blocks.push(context(t("home.secretary.noList")));
  if (m.items.length > 0) {
    const shown = opts.items ? m.items.slice(0, ITEMS_SHOWN) : [];
    blocks.push(
      section(
        t("home.secretary.items", {
          done: m.items.filter((i) => i.done).length,
          count: m.items.length,
        }),
      ),
    );
    blocks.push(...shown.map((i) => itemBlock(i, t)));
    if (m.items.length > shown.length)
      blocks.push(context(t("home.secretary.moreItems", { count: m.items.length - shown.length })));
  }
  if (m.past.length > 0)
    blocks.push(
      section([t("home.secretary.past"), ...m.past.map((p) => pastLine(p, t))].join("\n")),
    );
  return blocks;
}
