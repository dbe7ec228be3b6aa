/** The lecture hall: rotation, notices, speakers' buttons, swaps, calendar feeds, `/pbb lectures`. */
import { defineFeature } from "../app/feature.ts";
import { registerCalendarCommands } from "../cli/commands/calendar.ts";
import { classRepJob } from "../jobs/lecture/class-reps.ts";
import { lectureNoticeJob } from "../jobs/lecture/notice.ts";
import { lectureOverJob } from "../jobs/lecture/over.ts";
import { speakerReminderJob } from "../jobs/lecture/speaker-reminder.ts";
import { swapExpiryJob } from "../jobs/lecture/swap-expiry.ts";
import { lectureAssessmentSources } from "../services/lecture/assessment-sources.ts";
import { lecturesReport } from "../services/lecture/report.ts";
import { lectureResultHandlers } from "../services/lecture/result-handler.ts";
import { lecturesSubcommand } from "../slack/listeners/lecture/command.ts";
import { feedRoute } from "../slack/listeners/lecture/feed-route.ts";
import { registerLectureHall } from "../slack/listeners/lecture/index.ts";

export const lectureHallFeature = defineFeature({
  name: "lecture-hall",
  assessmentSources: lectureAssessmentSources,
  listeners: registerLectureHall,
  subcommands: [lecturesSubcommand],
  jobs: [lectureNoticeJob, speakerReminderJob, lectureOverJob, swapExpiryJob, classRepJob],
  resultHandlers: lectureResultHandlers,
  reports: [lecturesReport],
  routes: (ctx) => [feedRoute(ctx)],
  commands: [registerCalendarCommands],
});
