/**
 * A report's files: the workbook and the CSV (for a person), the chart (for the committee).
 * exceljs and the canvas load on first use: every `pbb` command imports the jobs, and most never
 * draw a chart or write a workbook.
 */

import type { OrgRecord } from "../../db/repositories/org.ts";
import type { Report } from "../../domain/report.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { Translator } from "../../i18n/index.ts";
import type { Logger } from "../../observability/logger.ts";
import { buildCsv } from "./csv.ts";
import { reportFileName } from "./format.ts";
import type { ReportFile } from "./slack.ts";

export async function tableFiles(
  report: Report,
  org: OrgRecord,
  t: Translator,
): Promise<ReportFile[]> {
  const { buildWorkbook } = await import("./workbook.ts");
  const title = t("reports.file.title", { period: formatReportPeriod(report.period.key, t) });
  const xlsx = await buildWorkbook(report, { orgName: org.name, timezone: org.timezone }, t);
  return [
    { filename: reportFileName(report.period, "xlsx"), title, bytes: xlsx },
    { filename: reportFileName(report.period, "csv"), title, bytes: buildCsv(report, t) },
  ];
}

export async function chartFile(
  report: Report,
  t: Translator,
  logger: Logger,
): Promise<ReportFile> {
  const [{ renderChart }, { chartFont }] = await Promise.all([
    import("./chart.ts"),
    import("./fonts.ts"),
  ]);
  const bytes = await renderChart(report, t, chartFont(logger));
  return {
    filename: reportFileName(report.period, "png"),
    title: t("reports.chart.title", { period: formatReportPeriod(report.period.key, t) }),
    bytes,
  };
}
