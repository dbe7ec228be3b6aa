/**
 * A branch name typed as a formula stays text in the report files: the CSV cell read back
 * starts with `'`, and so does the workbook's cell (a spreadsheet shows it, never runs it).
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeReport } from "../../../src/domain/report.ts";
import { parseReportPeriod } from "../../../src/domain/report-period.ts";
import { translator } from "../../../src/i18n/index.ts";
import { COLUMNS } from "../../../src/services/reports/columns.ts";
import { buildCsv, csvText } from "../../../src/services/reports/csv.ts";
import { buildWorkbook, HEADER_ROW } from "../../../src/services/reports/workbook.ts";

const FORMULA = '=HYPERLINK("https://evil.example","Open")';
const names = [FORMULA, "+1 branch", "-cmd", "@SUM(A1)", "\tTabbed", "\rReturned", "Plain = fine"];
const report = computeReport({
  period: parseReportPeriod("quarter", "2026-Q4")!,
  asOf: new Date("2027-01-01T00:00:00Z"),
  deadlines: new Map(),
  branches: names.map((name, i) => ({ id: i + 1, key: `b${i}`, name, active: true, people: [] })),
  lists: [],
  revisions: [],
  items: [],
  turns: [],
});
const t = translator("en");
const nameColumn = COLUMNS.findIndex((c) => c.id === "name");
const expected = names.map((n) => (n === "Plain = fine" ? n : `'${n}`));

describe("report files and typed formulas", () => {
  it("csvText prefixes a quote only to text a spreadsheet would read as a formula", () => {
    expect(names.map(csvText)).toEqual(expected);
    expect(csvText("")).toBe("");
    expect(csvText("Resettlement = 1")).toBe("Resettlement = 1");
  });

  it("when a branch is named like a formula, then the CSV cell read back is text with a leading quote", () => {
    const rows: string[][] = parse(buildCsv(report, t), { bom: true, relax_column_count: true });
    const cells = rows.slice(1, 1 + names.length).map((r) => r[nameColumn]);
    expect(cells).toEqual(expected);
    // Counts are still numbers, not quoted text.
    expect(rows[1]?.[COLUMNS.findIndex((c) => c.id === "submitted")]).toBe("0");
  });

  it("when a branch is named like a formula, then the workbook cell is the same quoted text", async () => {
    const xlsx = await buildWorkbook(report, { orgName: "=1+1 Org", timezone: "UTC" }, t);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells = names.map((_, i) => sheet.getRow(HEADER_ROW + 1 + i).getCell(nameColumn + 1));
    // XML stores a carriage return as a line feed; the leading quote is what matters.
    expect(cells.map((c) => c.value)).toEqual(expected.map((e) => e.replace("\r", "\n")));
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toMatch(/^'=1\+1 Org/);
  });
});
