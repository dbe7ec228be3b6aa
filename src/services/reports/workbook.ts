/** The report as an .xlsx workbook (exceljs): a title, the as-of line, the table, the notes. */
import ExcelJS from "exceljs";
import type { Report } from "../../domain/report.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { Translator } from "../../i18n/index.ts";
import { COLUMNS, headerRow, tableRows } from "./columns.ts";
import { csvText, safeCell } from "./csv.ts";
import { formatAsOf } from "./format.ts";

export interface WorkbookMeta {
  orgName: string;
  timezone: string;
}

/** Row of the header in the sheet (1-based): title, as-of, blank, header. */
export const HEADER_ROW = 4;

export async function buildWorkbook(
  report: Report,
  meta: WorkbookMeta,
  t: Translator,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "party-building-bot";
  // A fixed date keeps the same report's bytes stable.
  book.created = report.asOf;
  book.modified = report.asOf;
  const sheet = book.addWorksheet(t("reports.sheet.name"), {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
  });
  sheet.addRow([
    csvText(
      t("reports.sheet.title", {
        org: meta.orgName,
        period: formatReportPeriod(report.period.key, t),
      }),
    ),
  ]);
  sheet.addRow([
    t("reports.sheet.asOf", { asOf: formatAsOf(report.asOf, meta.timezone), tz: meta.timezone }),
  ]);
  sheet.addRow([]);
  sheet.addRow(headerRow(t).map(csvText));
  const rows = tableRows(report, t);
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.addRow([]);
  sheet.addRow([t("reports.sheet.notes")]);

  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.getRow(HEADER_ROW);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  sheet.getRow(HEADER_ROW + rows.length).font = { bold: true };
  COLUMNS.forEach((column, index) => {
    const col = sheet.getColumn(index + 1);
    col.width = column.kind === "text" ? (column.id === "name" ? 28 : 14) : 12;
    if (column.kind === "rate") col.numFmt = "0%"; // whole percent, as everywhere (src/domain/percent.ts)
  });
  const data = await book.xlsx.writeBuffer();
  return Buffer.from(data);
}
