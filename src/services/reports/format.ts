/** Plain formatting of a report's times and file names. */
import type { ReportPeriod } from "../../domain/report-period.ts";

/** "2026-12-31 18:00" in the org's zone. */
export function formatAsOf(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    dateStyle: "short",
    timeStyle: "short",
  }).format(at);
}

/** "pbb-report-2026-Q4.xlsx" */
export const reportFileName = (period: ReportPeriod, ext: "xlsx" | "csv" | "png"): string =>
  `pbb-report-${period.key}.${ext}`;
