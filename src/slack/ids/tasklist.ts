/** Every action_id, block_id and callback_id of the monthly task list. */
export { ITEM_INPUTS, type ItemInput, itemBlockId } from "../../domain/task-list-input.ts";

export const TASKLIST_CALLBACK = {
  /** The task-list modal (submit, resubmit, amend). notify_on_close: a closed modal is a draft. */
  listModal: "tasklist_modal",
  /** The committee's return modal; the comment is required. */
  returnModal: "tasklist_return_modal",
  /** The read-only full list. */
  fullListModal: "tasklist_full_modal",
} as const;

export const TASKLIST_ACTION = {
  /** Reminder / returned notice / DM: open the task-list modal (value: list ref). */
  openModal: "tasklist_open_modal",
  /** Returned notice: open the modal pre-filled with the returned revision. */
  revise: "tasklist_revise",
  /** Approved plan / reminder: open the modal to amend the plan in force. */
  amend: "tasklist_amend",
  /** Reminder while a revision waits: withdraw it. */
  withdraw: "tasklist_withdraw",
  /** In the modal: add an item row, remove one (value: the row number). */
  addRow: "tasklist_add_row",
  removeRow: "tasklist_remove_row",
  /** Committee message. */
  approve: "tasklist_approve",
  return: "tasklist_return",
  openFullList: "tasklist_open_full",
  /** Approved plan: per item (value: item ref). */
  markDone: "tasklist_mark_done",
  undoDone: "tasklist_undo_done",
  /** The inputs of an item row (block id from `itemBlockId`). */
  itemTitle: "tasklist_item_title",
  itemCategory: "tasklist_item_category",
  itemOwner: "tasklist_item_owner",
  itemDue: "tasklist_item_due",
  itemExpected: "tasklist_item_expected",
  /** The return modal's comment. */
  returnComment: "tasklist_return_comment",
  /** The modal's checkboxes of the year's plan items due this month (value: plan item id). */
  planOffer: "tasklist_plan_offer",
} as const;

export const TASKLIST_BLOCK = {
  reminderActions: "tasklist_reminder_actions",
  committeeActions: "tasklist_committee_actions",
  modalActions: "tasklist_modal_actions",
  returnedActions: "tasklist_returned_actions",
  returnComment: "tasklist_return_comment",
  planActions: "tasklist_plan_actions",
  /** Prefix of the per-item section of the approved plan: `${planItem}${itemId}`. */
  planItem: "tasklist_plan_item_",
  /** Prefix of the per-row header of the modal: `${rowHeader}${row}`. */
  rowHeader: "tasklist_row_",
  /** Prefix of the checkboxes of plan items offered in the modal: `${planOffer}${n}`. */
  planOffer: "tasklist_plan_offer_",
} as const;

/** The action id of each item input, by input. */
export const ITEM_INPUT_ACTION = {
  title: TASKLIST_ACTION.itemTitle,
  category: TASKLIST_ACTION.itemCategory,
  owner: TASKLIST_ACTION.itemOwner,
  due: TASKLIST_ACTION.itemDue,
  expected: TASKLIST_ACTION.itemExpected,
} as const;
