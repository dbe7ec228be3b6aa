import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { loadOrgRecord, type OrgRecord } from "../../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../../src/domain/report-period.ts";
import { PrismaClient } from "../../../src/generated/prisma/client.ts";
import { translator } from "../../../src/i18n/index.ts";
import { silentLogger } from "../../../src/observability/logger.ts";
import { COLUMNS } from "../../../src/services/reports/columns.ts";
import { buildCsv } from "../../../src/services/reports/csv.ts";
import { loadReport } from "../../../src/services/reports/load-report.ts";
import { chartFile } from "../../../src/services/reports/report-files.ts";
import { buildWorkbook, HEADER_ROW } from "../../../src/services/reports/workbook.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";
import {
  AS_OF,
  applyExampleOrg,
  BRANCH_NAMES,
  clearReportData,
  EXPECTED_Q4,
  seedAllDone,
  seedQ4,
} from "./reports-seed.ts";

const q4 = parseReportPeriod("quarter", "2026-Q4")!;
const t = translator("zh-CN");
const COUNTS = COLUMNS.filter((c) => c.kind === "count");
const column = (id: string) => COLUMNS.findIndex((c) => c.id === id);

/** PNG signature, then the IHDR chunk's width and height. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.each(STORES)("report files on %s", (store) => {
  let db: Database;
  let org: OrgRecord;
  beforeAll(async () => {
    db = await createTestDatabase(store);
    await applyExampleOrg(db);
    org = (await loadOrgRecord(db))!;
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await clearReportData(db);
  });

  it("when more branches have lists, then loading the rows takes no more queries", async () => {
    await seedQ4(db);
    const client = new PrismaClient({
      adapter: db.adapter,
      log: [{ emit: "event", level: "query" }],
    });
    let queries = 0;
    client.$on("query", () => {
      queries += 1;
    });
    try {
      const count = async () => {
        queries = 0;
        const report = await loadReport(db, org, q4, AS_OF, client);
        return { branches: report.branches.length, queries };
      };
      const before = await count();
      for (const key of ["extra1", "extra2", "extra3"]) {
        const branch = await db.prisma.branch.create({
          data: { key, name: key, channelId: `C0${key.toUpperCase()}` },
        });
        await db.prisma.taskList.create({ data: { branchId: branch.id, period: "2026-11" } });
      }
      const after = await count();
      expect(before.branches).toBe(4);
      expect(after.branches).toBe(7);
      expect(after.queries).toBe(before.queries);
      // Three Prisma reads: one SQL query per relation level, whatever the data.
      expect(before.queries).toBeLessThanOrEqual(9);
    } finally {
      await client.$disconnect();
    }
  });

  it("the workbook, opened with exceljs, shows the seeded figures per branch and in total", async () => {
    await seedQ4(db);
    const report = await loadReport(db, org, q4, AS_OF);
    const bytes = await buildWorkbook(report, { orgName: org.name, timezone: org.timezone }, t);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.getWorksheet(t("reports.sheet.name"))!;
    expect(String(sheet.getCell(1, 1).value)).toContain("2026年第四季度报表");
    const header = COLUMNS.map((_, i) => sheet.getCell(HEADER_ROW, i + 1).value);
    expect(header).toContain("按时报送");
    const keys = ["resettlement", "services", "rights", "office", ""];
    keys.forEach((key, n) => {
      const row = sheet.getRow(HEADER_ROW + 1 + n);
      const cell = (id: string) => row.getCell(column(id) + 1).value;
      expect(cell("key") ?? "").toBe(key);
      expect(cell("name")).toBe(key === "" ? "机关党委合计" : BRANCH_NAMES[key]);
      for (const c of COUNTS)
        expect([key, c.id, cell(c.id)]).toEqual([key, c.id, EXPECTED_Q4[key]?.[c.id]]);
    });
    const total = sheet.getRow(HEADER_ROW + 5);
    expect(total.getCell(column("onTimeRate") + 1).value).toBeCloseTo(3 / 12);
    expect(total.getCell(column("completionRate") + 1).value).toBeCloseTo(5 / 9);
    expect(sheet.getColumn(column("onTimeRate") + 1).numFmt).toBe("0%");
  });

  it("the CSV parses back to the same table", async () => {
    await seedQ4(db);
    const report = await loadReport(db, org, q4, AS_OF);
    const rows: string[][] = parse(buildCsv(report, t), { bom: true });
    expect(rows[0]).toEqual(COLUMNS.map((c) => t(c.label)));
    expect(rows).toHaveLength(1 + 5);
    const byKey = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const [key, figures] of Object.entries(EXPECTED_Q4)) {
      const row = byKey.get(key)!;
      for (const c of COUNTS)
        expect([key, c.id, Number(row[column(c.id)])]).toEqual([key, c.id, figures[c.id]]);
    }
    expect(byKey.get("resettlement")?.[column("name")]).toBe("移交安置处党支部");
    expect(Number(byKey.get("resettlement")?.[column("completionRate")])).toBe(0.8);
    expect(byKey.get("services")?.[column("completionRate")]).toBe("");
  });

  it("the chart is a PNG sized for the branches, and another dataset draws another picture", async () => {
    await seedQ4(db);
    const first = (await chartFile(await loadReport(db, org, q4, AS_OF), t, silentLogger)).bytes;
    expect(pngSize(first)).toEqual({ width: 720, height: 480 });
    await clearReportData(db);
    await seedAllDone(db);
    const second = (await chartFile(await loadReport(db, org, q4, AS_OF), t, silentLogger)).bytes;
    expect(pngSize(second)).toEqual({ width: 720, height: 480 });
    expect(second.equals(first)).toBe(false);
  });
});
