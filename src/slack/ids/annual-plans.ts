/** Every action_id, block_id and callback_id of the annual plans. */
export const PLAN_CALLBACK = {
  /** The plan modal (submit, resubmit, amend). notify_on_close: a closed modal is a draft. */
  planModal: "annual_plan_modal",
  /** The committee's return modal; the comment is required. */
  returnModal: "annual_plan_return_modal",
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
} as const;

export const PLAN_BLOCK = {
  requestActions: "annual_plan_request_actions_",
  committeeActions: "annual_plan_committee_actions",
  pages: "annual_plan_pages",
  returnComment: "annual_plan_return_comment",
} as const;

export type PlanRowInput = "title" | "target" | "owner" | "expected";

/** The block id of one input of one row: "annual_plan_row_<row>_<input>". */
export const planRowBlock = (row: number, input: PlanRowInput): string =>
  `annual_plan_row_${row}_${input}`;

const ROW_BLOCK = /^annual_plan_row_(\d+)_(title|target|owner|expected)$/;
export function parsePlanRowBlock(blockId: string): { row: number; input: PlanRowInput } | null {
  const m = ROW_BLOCK.exec(blockId);
  return m ? { row: Number(m[1]), input: m[2] as PlanRowInput } : null;
}
