/**
 * Every action_id, block_id and callback_id of the responsibility lists. Block ids carry the
 * item id or the row; the use cases look up the rest and check every right from the database.
 */
export const DUTY_CALLBACK = {
  /** The mark modal; private_metadata: the year. */
  mark: "duty_mark",
  /** The system admin's list editor; private_metadata: JSON { year, owner }. */
  edit: "duty_edit",
} as const;

export const DUTY_ACTION = {
  /** Home / quarter-check DM: open the mark modal (value: empty). */
  open: "duty_open",
  status: "duty_status",
  note: "duty_note",
  move: "duty_move",
  duty: "duty_row_duty",
  target: "duty_row_target",
  result: "duty_row_result",
} as const;

export const DUTY_BLOCK = {
  homeActions: "duty_home_actions",
  checkActions: "duty_check_actions",
} as const;

export type DutyInput = "status" | "note" | "move";
export const dutyBlock = (id: number, input: DutyInput): string => `duty_${id}_${input}`;
const DUTY_BLOCK_ID = /^duty_(\d+)_(status|note|move)$/;
export function parseDutyBlock(blockId: string): { id: number; input: DutyInput } | null {
  const m = DUTY_BLOCK_ID.exec(blockId);
  return m ? { id: Number(m[1]), input: m[2] as DutyInput } : null;
}

export type DutyRowInput = "duty" | "target" | "result";
export const dutyRowBlock = (row: number, input: DutyRowInput): string =>
  `duty_row_${row}_${input}`;
const ROW_BLOCK_ID = /^duty_row_(\d+)_(duty|target|result)$/;
export function parseDutyRowBlock(blockId: string): { row: number; input: DutyRowInput } | null {
  const m = ROW_BLOCK_ID.exec(blockId);
  return m ? { row: Number(m[1]), input: m[2] as DutyRowInput } : null;
}
