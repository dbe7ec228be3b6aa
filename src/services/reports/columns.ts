/** The report's table, shared by the workbook and the CSV: one column per figure, in order. */
import type { BranchReport, Report } from "../../domain/report.ts";
import type { MessageKey, Translator } from "../../i18n/index.ts";

export type Cell = string | number | null;

export interface Column {
  id: keyof BranchReport;
  label: MessageKey;
  /** Rates are fractions (0.75); the workbook formats them as percentages. */
  kind: "text" | "count" | "rate";
}

export const COLUMNS: readonly Column[] = [
  { id: "key", label: "reports.col.key", kind: "text" },
  { id: "name", label: "reports.col.name", kind: "text" },
  { id: "active", label: "reports.col.active", kind: "text" },
  { id: "listsExpected", label: "reports.col.listsExpected", kind: "count" },
  { id: "submitted", label: "reports.col.submitted", kind: "count" },
  { id: "onTime", label: "reports.col.onTime", kind: "count" },
  { id: "late", label: "reports.col.late", kind: "count" },
  { id: "missing", label: "reports.col.missing", kind: "count" },
  { id: "onTimeRate", label: "reports.col.onTimeRate", kind: "rate" },
  { id: "approved", label: "reports.col.approved", kind: "count" },
  { id: "firstPass", label: "reports.col.firstPass", kind: "count" },
  { id: "revisionsBeforeApproval", label: "reports.col.revisionsBeforeApproval", kind: "count" },
  { id: "itemsPlanned", label: "reports.col.itemsPlanned", kind: "count" },
  { id: "itemsDone", label: "reports.col.itemsDone", kind: "count" },
  { id: "completionRate", label: "reports.col.completionRate", kind: "rate" },
  { id: "lectureTurns", label: "reports.col.lectureTurns", kind: "count" },
];

export const headerRow = (t: Translator): string[] => COLUMNS.map((c) => t(c.label));

function cellOf(row: BranchReport, column: Column, t: Translator): Cell {
  const value = row[column.id];
  if (typeof value === "boolean") return t(value ? "reports.yes" : "reports.no");
  return value;
}

/** One row per branch, then the committee's total (no key, no "active"). */
export function tableRows(report: Report, t: Translator): Cell[][] {
  const branches = report.branches.map((b) => COLUMNS.map((c) => cellOf(b, c, t)));
  const total: BranchReport = {
    ...report.totals,
    key: "",
    name: t("reports.total"),
    active: true,
  };
  const totalRow = COLUMNS.map((c) => (c.id === "active" ? null : cellOf(total, c, t)));
  return [...branches, totalRow];
}
