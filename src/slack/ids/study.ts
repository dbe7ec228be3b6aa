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
  /** Youth projects. private_metadata: empty (new) or the project id. */
  newProject: "study_new_project",
  projectResult: "study_project_result",
  projectReturn: "study_project_return",
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
  /** Youth projects (value: empty for new, else the project id). */
  openNewProject: "study_open_new_project",
  milestoneDone: "study_milestone_done",
  openProjectResult: "study_open_project_result",
  projectAccept: "study_project_accept",
  openProjectReturn: "study_open_project_return",
  /** Modal inputs. */
  projectName: "study_project_name",
  projectLead: "study_project_lead",
  projectMembers: "study_project_members",
  projectQuestion: "study_project_question",
  projectAdvisor: "study_project_advisor",
  projectMilestones: "study_project_milestones",
  resultLink: "study_result_link",
  resultSummary: "study_result_summary",
  reviewComment: "study_review_comment",
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
  /** Prefix of a project's actions: `${projectActions}${id}`. */
  projectActions: "study_project_actions_",
  projectName: "study_project_name_block",
  projectLead: "study_project_lead_block",
  projectMembers: "study_project_members_block",
  projectQuestion: "study_project_question_block",
  projectAdvisor: "study_project_advisor_block",
  projectMilestones: "study_project_milestones_block",
  resultLink: "study_result_link_block",
  resultSummary: "study_result_summary_block",
  reviewComment: "study_review_comment_block",
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
