/**
 * Importing this module registers the lecture hall's jobs and the result handler that stores
 * where each notice was posted (the bot, and `pbb jobs` which may deliver by itself).
 */
import { registerLectureResultHandler } from "../../services/lecture/result-handler.ts";
import { registerJob } from "../registry.ts";
import { classRepJob } from "./class-reps.ts";
import { lectureNoticeJob } from "./notice.ts";
import { speakerReminderJob } from "./speaker-reminder.ts";
import { swapExpiryJob } from "./swap-expiry.ts";

registerJob(lectureNoticeJob);
registerJob(speakerReminderJob);
registerJob(swapExpiryJob);
registerJob(classRepJob);
registerLectureResultHandler();
