export { buildClassRepDm } from "./class-rep.ts";
export { esc, formatDate, formatWhen, reasonText, skipReasonText } from "./format.ts";
export * from "./modals.ts";
export type * from "./model.ts";
export { buildLectureNotice } from "./notice.ts";
export { buildSpeakerDm } from "./speaker-dm.ts";
export { buildLecturesSummary } from "./summary.ts";
export { buildSwapOutcomeDm, buildSwapRequestDm } from "./swap-dms.ts";
