/**
 * `study-notice`: every hour on the hour, the study sessions whose notice time has come
 * (`noticeDaysBefore` days ahead, at the session's time of day) get their notice and their
 * invitations with the materials; the org file's centre-group session of the month is made
 * first (once per month: its occurrence key). Keyed by the hour; the outbox keys make each
 * session's notice go once however often it runs.
 */
import { nextNoticeAt, sendDueNotices } from "../../services/study/schedule.ts";
import { studyPresenter } from "../../slack/views/study/index.ts";
import { hourOf, hoursBetween } from "../daily.ts";
import { defineJob } from "../define.ts";

export const studyNoticeJob = defineJob({
  name: "study-notice",
  occurrenceFor: (_org, at) => hourOf(at),
  occurrencesBetween: (_org, from, to) => hoursBetween(from, to),
  nextWorkAt(db, _org, after) {
    return nextNoticeAt(db, after);
  },
  run(ctx, _occurrence, at) {
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return sendDueNotices(deps, studyPresenter, at, `study-notice ${ctx.source}`);
  },
});
