/** `tasklists`: the monthly lists per branch (on time, approvals, items, lecture turns). */
import { formatDateTime, formatReportPeriod } from "../../i18n/dates.ts";
import type { ReportDefinition } from "./definition.ts";
import { loadReport } from "./load-report.ts";
import { tableFiles } from "./report-files.ts";

export const tasklistsReport: ReportDefinition = {
  kind: "tasklists",
  async build(db, org, period, asOf, t) {
    const report = await loadReport(db, org, period, asOf);
    const [xlsx, csv] = await tableFiles(report, org, t);
    if (!xlsx || !csv) throw new Error("the report's files were not built");
    return {
      files: { xlsx, csv },
      empty: report.branches.every((b) => b.listsExpected === 0),
      comment: t("reports.dm.comment", {
        period: formatReportPeriod(report.period.key, t),
        asOf: formatDateTime(asOf, org.timezone, t),
        branches: report.branches.length,
      }),
    };
  },
};
