/**
 * Every action_id, block_id and callback_id of inspections (issue 21). Button values and
 * private_metadata carry one id (assignment or rectification item); the use cases look up the
 * rest and check rights.
 */
export const INSPECTION_CALLBACK = {
  /** private_metadata: the assignment id. */
  checklist: "insp_checklist",
  /** private_metadata: the rectification item id. */
  done: "insp_done",
  reopen: "insp_reopen",
  reassign: "insp_reassign",
  /** private_metadata: empty (the admin's change of an assignment). */
  swap: "insp_swap",
} as const;

export const INSPECTION_ACTION = {
  /** Team DM and Home (value: assignment id). */
  openChecklist: "insp_open_checklist",
  /** Owner's DM and Home (value: item id). */
  openDone: "insp_open_done",
  /** Verifier's DM and Home (value: item id). */
  accept: "insp_accept",
  openReopen: "insp_open_reopen",
  /** Owner's DM, reminders, the committee's overdue list and Home (value: item id). */
  openReassign: "insp_open_reassign",
  /** `/pbb inspections swap` (value: empty). */
  openSwap: "insp_open_swap",
  /** Modal inputs. */
  score: "insp_score",
  note: "insp_note",
  problem: "insp_problem",
  severity: "insp_severity",
  suggestion: "insp_suggestion",
  doneText: "insp_done_text",
  evidence: "insp_evidence",
  comment: "insp_comment",
  owner: "insp_owner",
  reason: "insp_reason",
  round: "insp_round",
  branch: "insp_branch",
  inspector: "insp_inspector",
} as const;

/** Input blocks; per-item and per-finding blocks carry the item key or the finding's slot. */
export const INSPECTION_BLOCK = {
  teamActions: "insp_team_actions",
  itemActions: "insp_item_actions",
  verifyActions: "insp_verify_actions",
  score: (key: string) => `insp_score_${key}`,
  note: "insp_note_block",
  problem: (slot: number) => `insp_problem_${slot}`,
  severity: (slot: number) => `insp_severity_${slot}`,
  suggestion: (slot: number) => `insp_suggestion_${slot}`,
  doneText: "insp_done_text_block",
  evidence: "insp_evidence_block",
  comment: "insp_comment_block",
  owner: "insp_owner_block",
  reason: "insp_reason_block",
  round: "insp_round_block",
  branch: "insp_branch_block",
  inspector: "insp_inspector_block",
} as const;

/** Finding slots in the checklist modal. */
export const FINDING_SLOTS = 5;
