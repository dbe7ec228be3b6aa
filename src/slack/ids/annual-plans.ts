/** Every action_id, block_id and callback_id of the annual plans. */
export const PLAN_CALLBACK = {
  /** The plan modal (submit, resubmit, amend). notify_on_close: a closed modal is a draft. */
  planModal: "annual_plan_modal",
  /** The committee's return modal; the comment is required. */
  returnModal: "annual_plan_return_modal",
  /** A plan item marked done or moved to a new date (with a reason). */
  itemModal: "annual_plan_item_modal",
  /** The quarter's reasons and new dates for the overdue items. */
  reasonsModal: "annual_plan_reasons_modal",
} as const;

export const PLAN_ACTION = {
  /** Request / returned notice / DM: open a plan's modal (value: plan id). */
  open: "annual_plan_open",
  /** Request while a revision waits: withdraw it (value: plan id). */
  withdraw: "annual_plan_withdraw",
  /** In the modal: go to a page (value: page index). */
  page: "annual_plan_page",
  /** Committee message (value: "planId:revision"). */
  approve: "annual_plan_approve",
  return: "annual_plan_return",
  /** The inputs of a row (block id from `planRowBlock`). */
  title: "annual_plan_title",
  target: "annual_plan_target",
  owner: "annual_plan_owner",
  expected: "annual_plan_expected",
  returnComment: "annual_plan_return_comment",
  /** The plan in force: open the item modal (value: plan id). */
  items: "annual_plan_items",
  /** The item modal's inputs. */
  itemPick: "annual_plan_item_pick",
  itemChange: "annual_plan_item_change",
  itemDate: "annual_plan_item_date",
  itemReason: "annual_plan_item_reason",
  /** The quarter tracking message: open the reasons modal (value: "year:quarter:branchId"). */
  reasons: "annual_plan_reasons",
  /** The reasons modal's inputs (block ids from `reasonBlock`). */
  reasonText: "annual_plan_reason_text",
  reasonDate: "annual_plan_reason_date",
} as const;

export const PLAN_BLOCK = {
  requestActions: "annual_plan_request_actions_",
  committeeActions: "annual_plan_committee_actions",
  pages: "annual_plan_pages",
  returnComment: "annual_plan_return_comment",
  approvedActions: "annual_plan_approved_actions",
  itemPick: "annual_plan_item_pick",
  itemChange: "annual_plan_item_change",
  itemDate: "annual_plan_item_date",
  itemReason: "annual_plan_item_reason",
  quarterActions: "annual_plan_quarter_actions",
} as const;

/** The block id of an overdue item's reason or new date in the reasons modal. */
export const reasonBlock = (itemId: number, input: "reason" | "date"): string =>
  `annual_plan_reason_${itemId}_${input}`;

export type PlanRowInput = "title" | "target" | "owner" | "expected";

/** The block id of one input of one row: "annual_plan_row_<row>_<input>". */
export const planRowBlock = (row: number, input: PlanRowInput): string =>
  `annual_plan_row_${row}_${input}`;

const ROW_BLOCK = /^annual_plan_row_(\d+)_(title|target|owner|expected)$/;
export function parsePlanRowBlock(blockId: string): { row: number; input: PlanRowInput } | null {
  const m = ROW_BLOCK.exec(blockId);
  return m ? { row: Number(m[1]), input: m[2] as PlanRowInput } : null;
}
