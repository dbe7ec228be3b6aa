/**
 * The task-list modal: several item rows (title, category, owner, due date, expected result),
 * add / remove row buttons, pre-filled from a draft, a returned revision, the plan in force or
 * last month's unfinished items. notify_on_close, so a modal closed half-filled becomes a draft.
 */
import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import {
  dueDateRange,
  MAX_EXPECTED,
  MAX_ITEMS,
  MAX_TITLE,
} from "../../../domain/task-list-input.ts";
import { TASK_CATEGORIES } from "../../../domain/task-list-items.ts";
import { formatDay } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, input, option, plain, section, truncate } from "../../blocks.ts";
import {
  ITEM_INPUT_ACTION,
  itemBlockId,
  TASKLIST_ACTION,
  TASKLIST_BLOCK,
  TASKLIST_CALLBACK,
} from "../../ids/tasklist.ts";
import { categoryLabel, dateTime, esc, periodLabel } from "./format.ts";
import { metaOf } from "./modal-rows.ts";
import type { ListModalView, ModalRow } from "./model.ts";
import { MODAL_BLOCKS, planOfferBlocks } from "./plan-offer.ts";
import { listModalMetadata, rowValue } from "./refs.ts";

/** Slack's limit on a select's options, all groups together. */
const MAX_OPTIONS = 100;

/**
 * The owner picker: the branch's people first, the rest of the organisation in a group of its
 * own after them (chosen on purpose); Slack's users_select, which lists the whole workspace in
 * its own order, only when the view has no one to offer.
 */
export function ownerSelect(
  v: Pick<ListModalView, "owners" | "branch">,
  ownerUserId: string | null | undefined,
  t: Translator,
): InputBlock["element"] {
  const base = {
    action_id: ITEM_INPUT_ACTION.owner,
    placeholder: plain(t("tasklist.field.ownerPlaceholder")),
  };
  const owners = v.owners;
  if (!owners || owners.branch.length + owners.others.length === 0)
    return {
      type: "users_select",
      ...base,
      ...(ownerUserId ? { initial_user: ownerUserId } : {}),
    };
  const known = [...owners.branch, ...owners.others].some((p) => p.id === ownerUserId);
  // An owner who is no longer offered (moved, left) stays chosen until changed.
  const others = [
    ...(ownerUserId && !known ? [{ id: ownerUserId, name: ownerUserId }] : []),
    ...owners.others,
  ];
  const branch = owners.branch.slice(0, MAX_OPTIONS);
  const groups = [
    { label: t("tasklist.field.ownerBranch", { branch: v.branch.name }), people: branch },
    {
      label: t("tasklist.field.ownerOthers"),
      people: others.slice(0, Math.max(0, MAX_OPTIONS - branch.length)),
    },
  ]
    .filter((g) => g.people.length > 0)
    .map((g) => ({
      label: plain(truncate(g.label, 75)),
      options: g.people.map((p) => option(p.name, p.id)),
    }));
  const selected = groups.flatMap((g) => g.options).find((o) => o.value === ownerUserId);
  return {
    type: "static_select",
    ...base,
    option_groups: groups,
    ...(selected ? { initial_option: selected } : {}),
  };
}

function rowBlocks(
  v: ListModalView,
  r: ModalRow,
  index: number,
  removable: boolean,
  t: Translator,
): KnownBlock[] {
  const item = r.item ?? {};
  const owner = ownerSelect(v, item.ownerUserId, t);
  const options = TASK_CATEGORIES.map((c) => option(categoryLabel(c, t), c));
  const selected = options.find((o) => o.value === item.category);
  const linked = item.planItemId ? ` · ${t("annualPlans.month.rowLinked")}` : "";
  const heading = section(`*${t("tasklist.modal.item", { n: index + 1 })}*${linked}`, {
    block_id: `${TASKLIST_BLOCK.rowHeader}${r.row}`,
  });
  if (removable)
    heading.accessory = button(t("tasklist.button.removeRow"), TASKLIST_ACTION.removeRow, {
      value: rowValue(r.row),
    });
  const optional: Partial<InputBlock> = { optional: true };
  return [
    heading,
    input(itemBlockId(r.row, "title"), t("tasklist.field.title"), {
      type: "plain_text_input",
      action_id: ITEM_INPUT_ACTION.title,
      max_length: MAX_TITLE,
      placeholder: plain(t("tasklist.field.titlePlaceholder")),
      ...(item.title ? { initial_value: item.title } : {}),
    }),
    input(itemBlockId(r.row, "category"), t("tasklist.field.category"), {
      type: "static_select",
      action_id: ITEM_INPUT_ACTION.category,
      placeholder: plain(t("tasklist.field.categoryPlaceholder")),
      options,
      ...(selected ? { initial_option: selected } : {}),
    }),
    input(itemBlockId(r.row, "owner"), t("tasklist.field.owner"), owner, optional),
    input(
      itemBlockId(r.row, "due"),
      t("tasklist.field.due"),
      {
        type: "datepicker",
        action_id: ITEM_INPUT_ACTION.due,
        placeholder: plain(t("tasklist.field.duePlaceholder")),
        ...(item.dueDate ? { initial_date: item.dueDate } : {}),
      },
      optional,
    ),
    input(
      itemBlockId(r.row, "expected"),
      t("tasklist.field.expected"),
      {
        type: "plain_text_input",
        action_id: ITEM_INPUT_ACTION.expected,
        multiline: true,
        max_length: MAX_EXPECTED,
        ...(item.expectedResult ? { initial_value: item.expectedResult } : {}),
      },
      optional,
    ),
  ];
}

function intro(v: ListModalView, t: Translator): KnownBlock[] {
  const range = dueDateRange(v.period);
  const p = { branch: esc(v.branch.name), month: periodLabel(v.period, t), revision: v.revision };
  const top: KnownBlock[] = [section(t(`tasklist.modal.intro.${v.kind}`, p))];
  const notes = [
    t("tasklist.modal.range", {
      from: formatDay(range.min, t),
      to: formatDay(range.max, t),
      max: MAX_ITEMS,
    }),
  ];
  if (v.deadlineAt)
    notes.unshift(t("tasklist.modal.deadline", { deadline: dateTime(v.deadlineAt, v.tz, t) }));
  if (v.prefill) notes.push(t(`tasklist.modal.prefill.${v.prefill}`));
  top.push(context(...notes));
  if (v.returnComment)
    top.push(section(t("tasklist.modal.returnComment", { comment: esc(v.returnComment) })));
  return top;
}

const SUBMIT_KEY = {
  submit: "tasklist.modal.submit",
  resubmit: "tasklist.modal.resubmit",
  amend: "tasklist.modal.amend",
} as const;

export function buildListModal(v: ListModalView, t: Translator): ModalView {
  const removable = v.rows.length > 1;
  const blocks: KnownBlock[] = [
    ...intro(v, t),
    ...v.rows.flatMap((r, i) => rowBlocks(v, r, i, removable, t)),
  ];
  const more =
    v.rows.length < MAX_ITEMS
      ? [
          actions(TASKLIST_BLOCK.modalActions, [
            button(t("tasklist.button.addRow"), TASKLIST_ACTION.addRow),
          ]),
        ]
      : [];
  const room = MODAL_BLOCKS - blocks.length - more.length;
  blocks.push(...planOfferBlocks(v.planOffer ?? [], room, t), ...more);
  return {
    type: "modal",
    callback_id: TASKLIST_CALLBACK.listModal,
    title: plain(t("tasklist.modal.title")),
    submit: plain(t(SUBMIT_KEY[v.kind])),
    close: plain(t("tasklist.modal.close")),
    notify_on_close: true,
    private_metadata: listModalMetadata(metaOf(v)),
    blocks,
  };
}
