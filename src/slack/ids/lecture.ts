/**
 * Every action_id, block_id and callback_id of the lecture hall and class representatives.
 * Button values and private_metadata carry only ids (turn id, swap request id), never who may
 * do what: the listeners look the rest up and check rights.
 */
export const LECTURE_CALLBACK = {
  /** private_metadata: the turn id. */
  topicModal: "lecture_topic_modal",
  /** private_metadata: the turn id. */
  swapModal: "lecture_swap_modal",
  /** private_metadata: empty (the person is the one who submits). */
  awayModal: "lecture_away_modal",
} as const;

export const LECTURE_ACTION = {
  /** Speaker DM (value: turn id). */
  confirm: "lecture_confirm",
  openTopic: "lecture_open_topic",
  openSwap: "lecture_open_swap",
  drop: "lecture_drop",
  /** Colleague's swap DM (value: swap request id). */
  acceptSwap: "lecture_swap_accept",
  declineSwap: "lecture_swap_decline",
  /** `/pbb lectures`: open the away-dates modal (value: empty). */
  openAway: "lecture_open_away",
  /** Class representative DM (value: turn id). */
  classRepConfirm: "lecture_classrep_confirm",
  classRepDrop: "lecture_classrep_drop",
  /** Modal inputs. */
  topicInput: "lecture_topic_input",
  swapColleague: "lecture_swap_colleague",
  awayFrom: "lecture_away_from",
  awayTo: "lecture_away_to",
} as const;

export const LECTURE_BLOCK = {
  speakerActions: "lecture_speaker_actions",
  swapActions: "lecture_swap_actions",
  classRepActions: "lecture_classrep_actions",
  summaryActions: "lecture_summary_actions",
  topic: "lecture_topic",
  swapColleague: "lecture_swap_colleague",
  awayFrom: "lecture_away_from",
  awayTo: "lecture_away_to",
} as const;
