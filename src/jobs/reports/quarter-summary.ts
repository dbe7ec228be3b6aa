/**
 * `quarter-summary`: at each quarter's end (first day of the next quarter, at the monthly
 * reminder's time), the quarter's summary with its chart to the committee channel. Occurrence
 * key: the quarter, "2026-Q4".
 */
import { z } from "zod";
import { latestQuarterFire, quarterFiresBetween } from "../../domain/report-schedule.ts";
import { postQuarterSummary } from "../../services/reports/quarter-summary.ts";
import { reportsPresenter } from "../../slack/views/reports/present.ts";
import { defineJob, type JobOrg } from "../define.ts";

const settings = z.object({
  schedules: z.object({ monthlyReminder: z.object({ time: z.string() }) }),
});

const timeOf = (org: JobOrg): string => settings.parse(org.settings).schedules.monthlyReminder.time;

export const quarterSummaryJob = defineJob({
  name: "quarter-summary",
  occurrenceFor(org, at) {
    const fire = latestQuarterFire(at, timeOf(org), org.timezone);
    return { key: fire.quarter.key, fireAt: fire.at };
  },
  occurrencesBetween(org, from, to) {
    return quarterFiresBetween(from, to, timeOf(org), org.timezone).map((f) => ({
      key: f.quarter.key,
      fireAt: f.at,
    }));
  },
  run(ctx, occurrence, at) {
    return postQuarterSummary(
      { ...ctx, presenters: { reports: reportsPresenter } },
      occurrence.key,
      at,
    );
  },
});
