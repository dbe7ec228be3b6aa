/**
 * Every action_id, block_id and callback_id of the annual assessment (issue 22). Button values
 * and private_metadata carry a year, a year and branch key, or a remark id; the listeners look up
 * the rest and the services check every right from the database.
 */
export const ASSESSMENT_CALLBACK = {
  /** private_metadata: the year. */
  score: "assessment_score",
  /** private_metadata: `year:branchKey`. */
  remark: "assessment_remark",
  /** private_metadata: the remark id. */
  answer: "assessment_answer",
  /** private_metadata: the year. */
  finalize: "assessment_finalize",
} as const;

export const ASSESSMENT_ACTION = {
  /** The committee's draft summary (value: the year). */
  openScore: "assessment_open_score",
  openFinalize: "assessment_open_finalize",
  /** A secretary's card (value: `year:branchKey`). */
  openRemark: "assessment_open_remark",
  openContest: "assessment_open_contest",
  /** The committee's message of a remark, and the Home (value: the remark id). */
  openAnswer: "assessment_open_answer",
  /** Modal inputs. */
  branch: "assessment_branch",
  indicator: "assessment_indicator",
  score: "assessment_score_value",
  kind: "assessment_kind",
  text: "assessment_text",
  answer: "assessment_answer_text",
  corrected: "assessment_corrected",
} as const;

export const ASSESSMENT_BLOCK = {
  summaryActions: "assessment_summary_actions",
  cardActions: "assessment_card_actions",
  remarkActions: "assessment_remark_actions",
  branch: "assessment_branch_block",
  indicator: "assessment_indicator_block",
  score: "assessment_score_block",
  kind: "assessment_kind_block",
  text: "assessment_text_block",
  answer: "assessment_answer_block",
  corrected: "assessment_corrected_block",
  intro: "assessment_intro_block",
} as const;
