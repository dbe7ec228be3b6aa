/**
 * Normalized study (issue 23): sessions (first topic, centre group, special class, branch
 * study) with notices, materials and answers; random speakers at the centre group; attendance,
 * make-up and study hours; `/pbb study`.
 */
import { defineFeature } from "../app/feature.ts";
import { studyMakeUpReminderJob } from "../jobs/study/makeup-reminder.ts";
import { studyNoticeJob } from "../jobs/study/notice.ts";
import { studyAttendanceSource } from "../services/study/assessment.ts";
import { studyReport } from "../services/study/report.ts";
import { studySubcommand } from "../slack/listeners/study/command.ts";
import { registerStudy } from "../slack/listeners/study/index.ts";

export const studyFeature = defineFeature({
  name: "study",
  listeners: registerStudy,
  subcommands: [studySubcommand],
  jobs: [studyNoticeJob, studyMakeUpReminderJob],
  reports: [studyReport],
  assessmentSources: [studyAttendanceSource],
});
