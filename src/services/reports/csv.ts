/**
 * The report as CSV (RFC 4180 through csv-stringify): the header and the table, rates as
 * fractions. A byte order mark lets spreadsheet programs read the UTF-8 branch names.
 */
import { stringify } from "csv-stringify/sync";
import type { Report } from "../../domain/report.ts";
import type { Translator } from "../../i18n/index.ts";
import { COLUMNS, headerRow, tableRows } from "./columns.ts";

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function buildCsv(report: Report, t: Translator): Buffer {
  const rows = tableRows(report, t).map((row) =>
    row.map((cell, i) =>
      COLUMNS[i]?.kind === "rate" && typeof cell === "number" ? round(cell) : cell,
    ),
  );
  const text = stringify([headerRow(t), ...rows], { bom: true, record_delimiter: "windows" });
  return Buffer.from(text, "utf8");
}
