/** The ephemeral answers of `/pbb report`. */
import type { ReportKind } from "../../../domain/report-period.ts";
import { formatReportPeriod } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";

const KIND_LABEL: Record<ReportKind, MessageKey> = {
  month: "reports.kind.month",
  quarter: "reports.kind.quarter",
  year: "reports.kind.year",
};

/** What was wrong with the arguments, then the accepted forms. */
export function reportUsageText(
  problem: { problem: MessageKey; params: Record<string, string>; kind?: ReportKind },
  t: Translator,
): string {
  const params = problem.kind
    ? { ...problem.params, kind: t(KIND_LABEL[problem.kind]) }
    : problem.params;
  return t("reports.command.usage", { problem: t(problem.problem, params) });
}

export function reportDoneText(period: string, names: readonly string[], t: Translator): string {
  return t("reports.command.done", {
    period: formatReportPeriod(period, t),
    files: names.map((n) => `\`${n}\``).join(", "),
  });
}
