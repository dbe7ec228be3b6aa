/**
 * The year's plan items due this month, offered in the task-list modal: checkboxes (at most 10
 * options each, so several when more are due), as many as the modal's 100 blocks leave room
 * for; a note says when some could not be offered. Read back on submit as plan item ids.
 */
import type { InputBlock, KnownBlock } from "@slack/types";
import { z } from "zod";
import type { PlanKind, PlanTarget } from "../../../domain/annual-plan.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import { context, input, plain, truncate } from "../../blocks.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../ids/tasklist.ts";
import { targetLabel } from "../annual-plans/format.ts";

/** Slack's limit on a checkboxes element's options. */
const PER_ELEMENT = 10;
/** Slack's limit on a modal's blocks. */
export const MODAL_BLOCKS = 100;

export interface PlanOfferItem {
  id: number;
  kind: PlanKind;
  title: string;
  target: PlanTarget;
}

const KIND_KEY: Record<PlanKind, MessageKey> = {
  arrangement: "annualPlans.kind.arrangement",
  conduct: "annualPlans.kind.conduct",
  theory: "annualPlans.kind.theory",
  "theme-day": "annualPlans.kind.theme-day",
};

export const planKindLabel = (kind: PlanKind, t: Translator): string => t(KIND_KEY[kind]);

/** The offer's blocks within `room` blocks (a note, then the checkboxes); none when nothing fits. */
export function planOfferBlocks(
  items: readonly PlanOfferItem[],
  room: number,
  t: Translator,
): KnownBlock[] {
  if (items.length === 0 || room < 2) return [];
  const groups = Math.min(Math.ceil(items.length / PER_ELEMENT), room - 1);
  const offered = items.slice(0, groups * PER_ELEMENT);
  const notes = [t("annualPlans.month.offerHint")];
  if (offered.length < items.length)
    notes.push(t("annualPlans.month.offerCapped", { count: offered.length, total: items.length }));
  const blocks: KnownBlock[] = [context(...notes)];
  for (let g = 0; g < groups; g++) {
    const part = offered.slice(g * PER_ELEMENT, (g + 1) * PER_ELEMENT);
    const label =
      groups === 1
        ? t("annualPlans.month.offerLabel")
        : t("annualPlans.month.offerLabelPart", { page: g + 1, pages: groups });
    const element: InputBlock["element"] = {
      type: "checkboxes",
      action_id: TASKLIST_ACTION.planOffer,
      options: part.map((i) => ({
        text: plain(truncate(i.title, 75)),
        description: plain(
          truncate(`${planKindLabel(i.kind, t)} · ${targetLabel(i.target, t)}`, 75),
        ),
        value: String(i.id),
      })),
    };
    blocks.push(input(`${TASKLIST_BLOCK.planOffer}${g}`, label, element, { optional: true }));
  }
  return blocks;
}

const checked = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }).loose(),
  ),
);

/** The plan items ticked (ids, with the block each was ticked in), in order. */
export function readPlanChoice(values: unknown): { id: number; blockId: string }[] {
  const parsed = checked.safeParse(values);
  if (!parsed.success) return [];
  const out: { id: number; blockId: string }[] = [];
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    if (!blockId.startsWith(TASKLIST_BLOCK.planOffer)) continue;
    for (const o of actions[TASKLIST_ACTION.planOffer]?.selected_options ?? [])
      if (/^\d{1,9}$/.test(o.value)) out.push({ id: Number(o.value), blockId });
  }
  return out;
}
