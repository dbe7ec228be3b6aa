/** `submission-deadline`: at the deadline, the branches still without a list go to the committee. */
import { postOverdueList } from "../../services/tasklist/reports.ts";
import { monthJob, runOf } from "./month-job.ts";

export const submissionDeadlineJob = monthJob("submission-deadline", (ctx, { period }, at) =>
  postOverdueList(runOf(ctx, at, "submission-deadline"), period),
);
