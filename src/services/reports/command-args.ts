/**
 * `/pbb report [<report>] month|quarter|year [period]`: the words after "report", read or
 * explained. `<report>` is one of the features' reports ("tasklists", "lectures"); without one,
 * the first (the monthly lists), as before there were others.
 */
import {
  currentReportPeriod,
  isReportKind,
  parseReportPeriod,
  type ReportKind,
  type ReportPeriod,
} from "../../domain/report-period.ts";
import type { MessageKey } from "../../i18n/index.ts";

export type ReportArgs =
  | { ok: true; period: ReportPeriod; report: string }
  | { ok: false; problem: MessageKey; params: Record<string, string>; kind?: ReportKind };

const EXAMPLES: Record<ReportKind, string> = { month: "2026-12", quarter: "2026-Q4", year: "2026" };

export function parseReportArgs(
  words: readonly string[],
  now: Date,
  tz: string,
  reports: readonly string[] = ["tasklists"],
): ReportArgs {
  const named = words[0] !== undefined && reports.includes(words[0].toLowerCase());
  const report = named ? (words[0] ?? "").toLowerCase() : (reports[0] ?? "tasklists");
  const args = named ? words.slice(1) : words;
  const [kindText, periodText, ...rest] = args;
  if (kindText === undefined)
    return { ok: false, problem: "reports.command.missingKind", params: {} };
  // A year alone ("/pbb report assessment 2026"): the year's report.
  const yearAlone = periodText === undefined ? parseReportPeriod("year", kindText) : null;
  if (yearAlone) return { ok: true, period: yearAlone, report };
  const kind = kindText.toLowerCase();
  if (!isReportKind(kind)) {
    return { ok: false, problem: "reports.command.badKind", params: { kind: kindText } };
  }
  if (rest.length > 0) return { ok: false, problem: "reports.command.tooMany", params: {} };
  if (periodText === undefined) {
    return { ok: true, period: currentReportPeriod(kind, now, tz), report };
  }
  const period = parseReportPeriod(kind, periodText);
  if (!period) {
    return {
      ok: false,
      problem: "reports.command.badPeriod",
      params: { text: periodText, example: EXAMPLES[kind] },
      kind,
    };
  }
  return { ok: true, period, report };
}
