/**
 * Every action_id, block_id and callback_id of normalized study. Button values and
 * private_metadata carry one id (session, draw); the listeners look up the rest and check rights.
 */
export const STUDY_CALLBACK = {
  /** private_metadata: empty. */
  newSession: "study_new_session",
  /** private_metadata: the session id. */
  excuse: "study_excuse",
  attendance: "study_attendance",
  makeUp: "study_makeup",
} as const;

export const STUDY_ACTION = {
  /** Invitation DM (value: session id). */
  confirm: "study_confirm",
  openExcuse: "study_open_excuse",
  /** Channel notice (value: session id). */
  draw: "study_draw",
  /** After "nobody due": the chair draws among the fewest-spoken present (value: session id). */
  drawOutOfTurn: "study_draw_out_of_turn",
  openAttendance: "study_open_attendance",
  /** A draw in the thread (value: draw id). */
  drawSpoke: "study_draw_spoke",
  drawAbsent: "study_draw_absent",
  /** Make-up DM (value: session id). */
  openMakeUp: "study_open_makeup",
  /** `/pbb study` (value: empty). */
  openNew: "study_open_new",
  /** Modal inputs. */
  kind: "study_kind",
  branch: "study_branch",
  date: "study_date",
  time: "study_time",
  topic: "study_topic",
  materials: "study_materials",
  expected: "study_expected",
  reason: "study_reason",
  present: "study_present",
  excused: "study_excused",
  note: "study_note",
} as const;

export const STUDY_BLOCK = {
  noticeActions: "study_notice_actions",
  inviteActions: "study_invite_actions",
  drawActions: "study_draw_actions",
  makeUpActions: "study_makeup_actions",
  kind: "study_kind_block",
  branch: "study_branch_block",
  date: "study_date_block",
  time: "study_time_block",
  topic: "study_topic_block",
  materials: "study_materials_block",
  expected: "study_expected_block",
  reason: "study_reason_block",
  present: "study_present_block",
  excused: "study_excused_block",
  note: "study_note_block",
} as const;
