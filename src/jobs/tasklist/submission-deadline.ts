/** `submission-deadline`: at the deadline, the branches still without a list go to the committee. */
import { postOverdueList } from "../../services/tasklist/reports.ts";
import { monthJob } from "./month-job.ts";

export const submissionDeadlineJob = monthJob("submission-deadline", (ctx, { period }, at) =>
  postOverdueList({ db: ctx.db, homes: ctx.homes, at, source: "submission-deadline" }, period),
);
