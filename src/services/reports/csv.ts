/**
 * The report as CSV (RFC 4180 through csv-stringify): the header and the table, rates as
 * fractions. A byte order mark lets spreadsheet programs read the UTF-8 branch names. Text that
 * people typed (branch names) is neutralised against formula injection with `csvText`.
 */
import { stringify } from "csv-stringify/sync";
import type { Report } from "../../domain/report.ts";
import type { Translator } from "../../i18n/index.ts";
import { type Cell, COLUMNS, headerRow, tableRows } from "./columns.ts";

/** A spreadsheet reads a cell starting with one of these as a formula (or part of one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as data, never as a formula: one starting with `= + - @`, a tab or a carriage
 * return gets a leading `'` (OWASP's advice for CSV injection). Used for the CSV and the workbook.
 */
export const csvText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Numbers stay numbers; every string goes through `csvText`. */
export const safeCell = (cell: Cell): Cell => (typeof cell === "string" ? csvText(cell) : cell);

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function buildCsv(report: Report, t: Translator): Buffer {
  const rows = tableRows(report, t).map((row) =>
    row.map((cell, i) =>
      COLUMNS[i]?.kind === "rate" && typeof cell === "number" ? round(cell) : safeCell(cell),
    ),
  );
  const text = stringify([headerRow(t).map(csvText), ...rows], {
    bom: true,
    record_delimiter: "windows",
  });
  return Buffer.from(text, "utf8");
}
