/** `month-end-summary`: early next month, each branch's month (on time, completion) to the committee. */
import { postMonthSummary } from "../../services/tasklist/reports.ts";
import { monthJob, runOf } from "./month-job.ts";

export const monthEndSummaryJob = monthJob("month-end-summary", (ctx, { period }, at) =>
  postMonthSummary(runOf(ctx, at, "month-end-summary"), period),
);
