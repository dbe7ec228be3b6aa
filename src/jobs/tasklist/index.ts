/**
 * Importing this module registers the round-trip's jobs and the result handler that stores
 * where their posts went (the bot, and `pbb jobs` which may deliver by itself).
 */
import { registerTasklistResultHandler } from "../../services/tasklist/result-handler.ts";
import { registerJob } from "../registry.ts";
import { approvalReminderJob } from "./approval-reminder.ts";
import { monthEndSummaryJob } from "./month-end-summary.ts";
import { monthlyReminderJob } from "./monthly-reminder.ts";
import { submissionDeadlineJob } from "./submission-deadline.ts";
import { submissionFollowUpJob } from "./submission-followup.ts";

registerJob(monthlyReminderJob);
registerJob(submissionFollowUpJob);
registerJob(submissionDeadlineJob);
registerJob(approvalReminderJob);
registerJob(monthEndSummaryJob);
registerTasklistResultHandler();
