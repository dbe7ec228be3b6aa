/**
 * Every action_id and block_id of the App Home. The Home has its own buttons (not the channel
 * messages' ones) because a Home-tab click carries no response_url to refuse through; each
 * calls the same use case as its channel twin. Values carry ids and a page number only.
 */
export const HOME_ACTION = {
  /** Committee, waiting list (value: list ref "listId:revision"). */
  approve: "home_tasklist_approve",
  return: "home_tasklist_return",
  open: "home_tasklist_open",
  /** Secretary: the task-list modal to submit, revise or amend (value: list id). */
  submit: "home_tasklist_submit",
  /** Secretary: an item of the plan in force (value: "listId:itemId"). */
  markDone: "home_tasklist_mark_done",
  undoDone: "home_tasklist_undo_done",
  /** Member: the next lecture turn (value: turn id). */
  confirmTurn: "home_lecture_confirm",
  swapTurn: "home_lecture_swap",
  /** Paging of a long list (value: "<section>:<page>", page from 0). */
  page: "home_page",
} as const;

export const HOME_BLOCK = {
  notice: "home_notice",
  glance: "home_glance",
  waitingPager: "home_waiting_pager",
  /** Prefix of a waiting list's actions: `${waiting}${listId}`. */
  waiting: "home_waiting_",
  /** Prefix of a secretary's branch actions: `${branch}${key}`. */
  branch: "home_branch_",
  /** Prefix of an item of the plan in force: `${item}${itemId}`. */
  item: "home_item_",
  turn: "home_turn",
} as const;

export const HOME_CALLBACK = "home";
