/** `lecture-notice`: the session's notice in the lecture channel, `noticeDaysBefore` days ahead. */
import { ensureLectureNotice } from "../../services/lecture/notices.ts";
import { lectureDeps, sessionJob } from "./session-job.ts";

export const lectureNoticeJob = sessionJob("lecture-notice", ["notice"], (ctx, s, at) =>
  ensureLectureNotice(
    lectureDeps(ctx),
    s.plannedDate,
    at,
    `lecture-notice ${ctx.source}`,
    ctx.homes,
  ),
);
