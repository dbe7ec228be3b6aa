/**
 * A report that is one plain table (a header row, then rows of text and numbers) as .csv and
 * .xlsx, written the way the tasklists report is: a byte order mark and CRLF in the CSV, a title
 * and an as-of line above the table in the workbook, typed text kept from reading as a formula.
 */
import { stringify } from "csv-stringify/sync";
import type { Cell } from "./columns.ts";
import { safeCell } from "./csv.ts";
import type { ReportFile } from "./slack.ts";

export interface PlainTable {
  /** "pbb-lectures-2026-Q4": the files' name without extension. */
  baseName: string;
  /** The files' title in Slack. */
  title: string;
  sheetName: string;
  /** The workbook's first two lines. */
  heading: string;
  asOf: string;
  /** When the workbook was made (fixed, so the same report gives the same bytes). */
  createdAt: Date;
  header: string[];
  rows: Cell[][];
  /** A picture on a sheet of its own after the table's (a chart as PNG). */
  chart?: { sheetName: string; png: Buffer; width: number; height: number };
  /** Column widths (characters) by position; 18 for the others. */
  widths?: readonly number[];
}

export function plainTableCsv(table: PlainTable): Buffer {
  const text = stringify(
    [table.header, ...table.rows].map((row) => row.map(safeCell)),
    {
      bom: true,
      record_delimiter: "windows",
    },
  );
  return Buffer.from(text, "utf8");
}

export async function plainTableFiles(
  table: PlainTable,
): Promise<Record<"csv" | "xlsx", ReportFile>> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "party-building-bot";
  book.created = table.createdAt;
  book.modified = table.createdAt;
  const sheet = book.addWorksheet(table.sheetName, { views: [{ state: "frozen", ySplit: 4 }] });
  sheet.addRow([safeCell(table.heading)]);
  sheet.addRow([table.asOf]);
  sheet.addRow([]);
  sheet.addRow(table.header.map(safeCell));
  for (const row of table.rows) sheet.addRow(row.map(safeCell));
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(4).font = { bold: true };
  table.header.forEach((_, i) => {
    sheet.getColumn(i + 1).width = table.widths?.[i] ?? 18;
  });
  if (table.chart) {
    const chartSheet = book.addWorksheet(table.chart.sheetName);
    const image = book.addImage({ base64: table.chart.png.toString("base64"), extension: "png" });
    chartSheet.addImage(image, {
      tl: { col: 0, row: 0 },
      ext: { width: table.chart.width, height: table.chart.height },
    });
  }
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  return {
    csv: { filename: `${table.baseName}.csv`, title: table.title, bytes: plainTableCsv(table) },
    xlsx: { filename: `${table.baseName}.xlsx`, title: table.title, bytes: xlsx },
  };
}
