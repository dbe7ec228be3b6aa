/** `month-end-summary`: early next month, each branch's month (on time, completion) to the committee. */
import { postMonthSummary } from "../../services/tasklist/reports.ts";
import { monthJob } from "./month-job.ts";

export const monthEndSummaryJob = monthJob("month-end-summary", (ctx, { period }, at) =>
  postMonthSummary({ db: ctx.db, homes: ctx.homes, at, source: "month-end-summary" }, period),
);
