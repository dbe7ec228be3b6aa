/** A report for a period, as of a time: the org's deadlines, the rows, the computation. */
import type { Database } from "../../db/client.ts";
import { loadOrgRecord, type OrgRecord } from "../../db/repositories/org.ts";
import { loadReportRows, type ReportReader } from "../../db/repositories/report.ts";
import type { CalendarSettings } from "../../domain/calendar.ts";
import { fireTime } from "../../domain/month-schedule.ts";
import type { Period } from "../../domain/period.ts";
import { computeReport, type Report } from "../../domain/report.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";

/** Each month's submission deadline under the org's schedule and working-day calendar. */
export function deadlinesOf(org: OrgRecord, period: ReportPeriod): Map<Period, Date> {
  const { schedules, calendar } = org.settings;
  const cal: CalendarSettings = { timezone: org.timezone, ...calendar };
  return new Map(
    period.months.map((m) => [m, fireTime(schedules, cal, m, schedules.deadline).at] as const),
  );
}

export async function loadReport(
  db: Database,
  org: OrgRecord,
  period: ReportPeriod,
  asOf: Date,
  reader: ReportReader = db.prisma,
): Promise<Report> {
  const rows = await loadReportRows(reader, period);
  return computeReport({ period, asOf, deadlines: deadlinesOf(org, period), ...rows });
}

export async function loadOrgOrThrow(db: Database): Promise<OrgRecord> {
  const org = await loadOrgRecord(db);
  if (!org) throw new Error("no organisation applied yet");
  return org;
}
