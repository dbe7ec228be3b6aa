/**
 * package.json overrides exceljs' uuid (8 → 11) and unzipper (0.10 → 0.12, without fstream and
 * rimraf 2): the two code paths that use them still work (README, "The production tree").
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("exceljs with its overridden dependencies", () => {
  it("runs on uuid 11 and unzipper 0.12, and nothing ships fstream", () => {
    const exceljs = createRequire(require.resolve("exceljs"));
    expect(exceljs("uuid/package.json").version).toMatch(/^11\./);
    expect(exceljs("unzipper/package.json").version).toMatch(/^0\.12\./);
    expect(() => require.resolve("fstream")).toThrow();
  });

  it("writes a workbook with a data bar (uuid) and reads it back, also with the streaming reader (unzipper)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-xlsx-"));
    try {
      const file = path.join(dir, "w.xlsx");
      const written = new ExcelJS.Workbook();
      const sheet = written.addWorksheet("s");
      sheet.addRow(["党支部", 1]);
      sheet.addConditionalFormatting({
        ref: "B1:B1",
        rules: [
          {
            type: "dataBar",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: "FF638EC6" },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      await written.xlsx.writeFile(file);
      const loaded = new ExcelJS.Workbook();
      await loaded.xlsx.readFile(file);
      expect(loaded.getWorksheet("s")?.getRow(1).values).toEqual([undefined, "党支部", 1]);
      const streamed: unknown[] = [];
      for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
        for await (const row of ws) streamed.push(row.values);
      }
      expect(streamed).toEqual([[undefined, "党支部", 1]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
