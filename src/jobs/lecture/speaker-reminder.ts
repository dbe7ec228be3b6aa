/** `lecture-speaker-reminder`: each speaker's DM a week ahead and the day before, with buttons. */
import { ensureSpeakerReminders } from "../../services/lecture/notices.ts";
import { lectureDeps, sessionJob } from "./session-job.ts";

export const speakerReminderJob = sessionJob(
  "lecture-speaker-reminder",
  ["week-ahead", "day-before"],
  (ctx, s, at) =>
    ensureSpeakerReminders(
      lectureDeps(ctx),
      s.plannedDate,
      s.kind === "day-before" ? "day-before" : "week-ahead",
      at,
      `lecture-speaker-reminder ${ctx.source}`,
    ),
);
