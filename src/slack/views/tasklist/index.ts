/** The task-list surfaces: builders (pure: view model + translator → Block Kit) and parsers. */
export { buildCommitteeMessage } from "./committee.ts";
export { buildFullListModal, buildReturnModal } from "./decision-modals.ts";
export { commentRequired, inputErrors } from "./errors.ts";
export { buildListModal } from "./list-modal.ts";
export { addRow, metaOf, removeRow, rowsFromItems, rowsFromRaw } from "./modal-rows.ts";
export * from "./model.ts";
export { buildFollowUp, buildReturnedNotice, buildSecretaryDm } from "./notices.ts";
export { buildPlanMessage } from "./plan.ts";
export { fullListModal, listModal, returnModal, tasklistPresenter } from "./present.ts";
export * from "./refs.ts";
export { buildReminder } from "./reminder.ts";
export { buildApprovalWaiting, buildMonthSummary, buildOverdueList } from "./reports.ts";
export { readItemRows, readReturnComment } from "./state.ts";
