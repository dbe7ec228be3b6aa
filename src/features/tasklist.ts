/** The monthly round trip: lists, reminders, the committee's review, `/pbb status`. */
import { defineFeature } from "../app/feature.ts";
import { approvalReminderJob } from "../jobs/tasklist/approval-reminder.ts";
import { monthEndSummaryJob } from "../jobs/tasklist/month-end-summary.ts";
import { monthlyReminderJob } from "../jobs/tasklist/monthly-reminder.ts";
import { submissionDeadlineJob } from "../jobs/tasklist/submission-deadline.ts";
import { submissionFollowUpJob } from "../jobs/tasklist/submission-followup.ts";
import { tasklistsReport } from "../services/reports/tasklists-report.ts";
import { tasklistAssessmentSources } from "../services/tasklist/assessment-sources.ts";
import { tasklistResultHandlers } from "../services/tasklist/result-handler.ts";
import { statusSubcommand } from "../slack/listeners/commands/status.ts";
import { registerTasklist } from "../slack/listeners/tasklist/index.ts";
import { tasklistThreadReply } from "../slack/listeners/tasklist/thread-reply.ts";

export const tasklistFeature = defineFeature({
  name: "tasklist",
  assessmentSources: tasklistAssessmentSources,
  listeners: registerTasklist,
  threadReplies: [tasklistThreadReply],
  subcommands: [statusSubcommand],
  jobs: [
    monthlyReminderJob,
    submissionFollowUpJob,
    submissionDeadlineJob,
    approvalReminderJob,
    monthEndSummaryJob,
  ],
  resultHandlers: tasklistResultHandlers,
  reports: [tasklistsReport],
});
