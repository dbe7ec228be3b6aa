/**
 * A plan item marked done or moved on its own: the button under the plan in force, the modal
 * (which item, what to do, the new date and the reason for a move) and what it sends back.
 */
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { MAX_REASON, type NewDateError } from "../../../domain/annual-plan-months.ts";
import { revisionOf } from "../../../domain/task-list.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import type { PlanRecord } from "../../../ports/annual-plans.ts";
import {
  actions,
  button,
  featureModal,
  input,
  modalView,
  option,
  plain,
  section,
} from "../../blocks.ts";
import { PLAN_ACTION, PLAN_BLOCK, PLAN_CALLBACK } from "../../ids/annual-plans.ts";
import { esc, kindLabel, targetLabel } from "./format.ts";

/** Under the plan in force: mark an item done or move it. */
export const itemsActions = (planId: number, t: Translator): KnownBlock =>
  actions(PLAN_BLOCK.approvedActions, [
    button(t("annualPlans.button.items"), PLAN_ACTION.items, { value: String(planId) }),
  ]);

const modal = featureModal("annualPlans.items.submit", "annualPlans.items.close");

export function planItemsModal(plan: PlanRecord, t: Translator): ModalView {
  const open = (revisionOf(plan, plan.approvedRevision)?.items ?? []).filter(
    (i) => i.status === "OPEN",
  );
  const intro = section(
    `*${esc(plan.branch.name)}* · ${t("annualPlans.items.intro", { kind: kindLabel(plan, t), year: plan.year })}`,
  );
  const meta = JSON.stringify({ planId: plan.id });
  if (open.length === 0)
    return modalView({
      callbackId: PLAN_CALLBACK.itemModal,
      title: t("annualPlans.items.title"),
      submit: null,
      close: t("annualPlans.items.close"),
      metadata: meta,
      blocks: [intro, section(t("annualPlans.items.none"))],
    });
  const blocks: KnownBlock[] = [
    intro,
    input(PLAN_BLOCK.itemPick, t("annualPlans.items.item"), {
      type: "static_select",
      action_id: PLAN_ACTION.itemPick,
      options: open.map((i) => option(`${i.title} · ${targetLabel(i.target, t)}`, String(i.id))),
    }),
    input(PLAN_BLOCK.itemChange, t("annualPlans.items.change"), {
      type: "radio_buttons",
      action_id: PLAN_ACTION.itemChange,
      options: [
        { text: plain(t("annualPlans.items.done")), value: "done" },
        { text: plain(t("annualPlans.items.move")), value: "move" },
      ],
    }),
    input(
      PLAN_BLOCK.itemDate,
      t("annualPlans.items.date"),
      { type: "datepicker", action_id: PLAN_ACTION.itemDate },
      { optional: true },
    ),
    input(
      PLAN_BLOCK.itemReason,
      t("annualPlans.items.reason"),
      {
        type: "plain_text_input",
        action_id: PLAN_ACTION.itemReason,
        multiline: true,
        max_length: MAX_REASON,
      },
      { optional: true },
    ),
  ];
  return modal(PLAN_CALLBACK.itemModal, t("annualPlans.items.title"), meta, blocks, t);
}

export function parseItemsMeta(raw: string | undefined): { planId: number } | null {
  try {
    const m = JSON.parse(raw ?? "") as { planId?: unknown };
    return Number.isInteger(m.planId) ? { planId: m.planId as number } : null;
  } catch {
    return null;
  }
}

const element = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_date: z.string().nullish(),
  })
  .loose();
const values = z.record(z.string(), z.record(z.string(), element));

export interface ItemChoice {
  itemId: number | null;
  change: "done" | "move" | null;
  date: string | null;
  reason: string | null;
}

export function readItemChoice(raw: unknown): ItemChoice {
  const parsed = values.safeParse(raw);
  const v = parsed.success ? parsed.data : {};
  const pick = v[PLAN_BLOCK.itemPick]?.[PLAN_ACTION.itemPick]?.selected_option?.value ?? "";
  const change = v[PLAN_BLOCK.itemChange]?.[PLAN_ACTION.itemChange]?.selected_option?.value;
  return {
    itemId: /^\d{1,9}$/.test(pick) ? Number(pick) : null,
    change: change === "done" || change === "move" ? change : null,
    date: v[PLAN_BLOCK.itemDate]?.[PLAN_ACTION.itemDate]?.selected_date ?? null,
    reason: v[PLAN_BLOCK.itemReason]?.[PLAN_ACTION.itemReason]?.value ?? null,
  };
}

const INPUT_KEY: Record<NewDateError, MessageKey> = {
  reasonRequired: "annualPlans.input.reasonRequired",
  reasonTooLong: "annualPlans.input.reasonTooLong",
  dateRequired: "annualPlans.input.dateRequired",
  dateOutsideYear: "annualPlans.input.dateOutsideYear",
  dateNotAfterToday: "annualPlans.input.dateNotAfterToday",
};

/** A new date's errors, each on its block, in the modal's language. */
export function newDateErrors(
  errors: readonly { field: "reason" | "date"; error: NewDateError }[],
  blockOf: (field: "reason" | "date") => string,
  p: { year: number; today: string },
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors)
    out[blockOf(e.field)] ??= t(INPUT_KEY[e.error], {
      year: p.year,
      today: formatDay(p.today, t),
      max: MAX_REASON,
    });
  return out;
}
