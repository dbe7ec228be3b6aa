/** The committee's quarterly summary and the report DM's comment, as mrkdwn text. */

import type { Report } from "../../../domain/report.ts";
import { formatReportPeriod } from "../../../i18n/dates.ts";
import type { Translator } from "../../../i18n/index.ts";
import { escapeMrkdwn } from "../../mrkdwn.ts";

const esc = escapeMrkdwn;

/** One line for the committee, one per branch, and where the full figures are. */
export function buildQuarterSummaryText(report: Report, t: Translator): string {
  const p = report.totals;
  const head = t("reports.summary.text", {
    period: formatReportPeriod(report.period.key, t),
    onTime: p.onTime,
    expected: p.listsExpected,
    onTimeRate: p.onTimeRate,
    done: p.itemsDone,
    planned: p.itemsPlanned,
    completionRate: p.completionRate,
    turns: p.lectureTurns,
  });
  const rows = report.branches.map((b) =>
    t("reports.summary.row", {
      branch: `*${esc(b.name)}*`,
      onTime: b.onTime,
      expected: b.listsExpected,
      onTimeRate: b.onTimeRate,
      revisions: b.revisionsBeforeApproval,
      done: b.itemsDone,
      planned: b.itemsPlanned,
      completionRate: b.completionRate,
      turns: b.lectureTurns,
    }),
  );
  return [head, "", ...rows, "", t("reports.summary.more", { period: report.period.key })].join(
    "\n",
  );
}

export function buildReportDmComment(report: Report, asOf: string, t: Translator): string {
  return t("reports.dm.comment", {
    period: formatReportPeriod(report.period.key, t),
    asOf,
    branches: report.branches.length,
  });
}
