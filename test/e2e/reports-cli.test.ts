/**
 * Every report `/pbb report` delivers in Slack is also `pbb report <kind> … --format csv|xlsx
 * --out FILE`, with the same content: the monthly lists (`tasklists`) and the lecture hall
 * (`lectures`). An unknown kind, a bad option or a period with nothing in it is a clear message
 * and exit 2.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { useTestBot } from "../helpers/bot.ts";
import { seedQ4 } from "../services/reports/reports-seed.ts";

async function sheetValues(bytes: Buffer): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  return book.worksheets[0]!.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r] : []));
}

describe("reports from the command line", () => {
  const bot = useTestBot({
    store: "pglite",
    now: "2027-01-02T02:00:00Z",
    setUp: (t) => seedQ4(t.db),
  });
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];

  /** `pbb report …` against the bot's store and clock, in its own process's shape. */
  const pbb = (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const ctx: CommandContext = {
      db: bot().db,
      io,
      cwd: dir,
      resolver: offlineResolver,
      insideBot: false,
      now: bot().clock.now,
      client: null,
    };
    return runProgram(["report", ...argv], io, async () => ({ ctx, release: async () => {} }));
  };

  /** The files `/pbb report <words>` delivered to the asker's DM, by extension. */
  async function fromSlack(words: string, prefix: string) {
    await bot().slack.as("U0DEPUTY").slashCommand("/pbb", words, { channel: "C0COMMITTEE" });
    const delivered = () =>
      [...bot().emulator.workspace.files.values()].filter(
        (f) => f.name.startsWith(prefix) && f.completed && f.bytes,
      );
    await expect.poll(() => delivered().length, { timeout: 20_000 }).toBe(2);
    const byExt = (ext: string) => delivered().find((f) => f.name.endsWith(ext))?.bytes;
    return { csv: byExt(".csv")!, xlsx: byExt(".xlsx")! };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-report-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the monthly lists' report with the content Slack delivers, as CSV and as a workbook", async () => {
    const _t = bot();
    const slack = await fromSlack("report quarter 2026-Q4", "pbb-report-2026-Q4");
    const q4 = ["tasklists", "--year", "2026", "--quarter", "4"];
    expect(await pbb(...q4, "--format", "csv", "--out", "q4.csv")).toBe(0);
    expect(out.join("\n")).toContain(`tasklists 2026-Q4: wrote ${path.join(dir, "q4.csv")}`);
    const csv = await readFile(path.join(dir, "q4.csv"));
    expect(csv.toString("utf8")).toContain("移交安置处党支部");
    expect(csv.equals(slack.csv)).toBe(true);

    expect(await pbb(...q4, "--format", "xlsx", "--out", "q4.xlsx")).toBe(0);
    const sheet = await sheetValues(await readFile(path.join(dir, "q4.xlsx")));
    expect(JSON.stringify(sheet)).toContain("党委合计");
    expect(sheet).toEqual(await sheetValues(slack.xlsx));
  });

  it("writes the lecture hall's report, which `/pbb report lectures` delivers too", async () => {
    const _t = bot();
    const slack = await fromSlack("report lectures quarter 2026-Q4", "pbb-lectures-2026-Q4");
    expect(
      await pbb(
        "lectures",
        "--year",
        "2026",
        "--quarter",
        "Q4",
        "--format",
        "csv",
        "--out",
        "l.csv",
      ),
    ).toBe(0);
    const csv = await readFile(path.join(dir, "l.csv"));
    expect(csv.equals(slack.csv)).toBe(true);
    const lines = csv
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("日期,期次,状态,主讲人,题目");
    expect(lines.slice(1, 4).map((l) => l.split(",").slice(0, 3))).toEqual([
      ["2026-10-14", "1", "已举办"],
      ["2026-11-11", "2", "已举办"],
      ["2026-11-18", "3", "未举办"],
    ]);
    expect(
      await pbb(
        "lectures",
        "--year",
        "2026",
        "--month",
        "11",
        "--format",
        "xlsx",
        "--out",
        "l.xlsx",
      ),
    ).toBe(0);
    const sheet = JSON.stringify(await sheetValues(await readFile(path.join(dir, "l.xlsx"))));
    expect(sheet).toContain("2026-11-11");
    expect(sheet).not.toContain("2026-10-14");
  });

  it("refuses an unknown kind, bad options and an empty period with exit 2, writing nothing", async () => {
    const _t = bot();
    expect(await pbb("budgets", "--format", "csv", "--out", "x.csv")).toBe(2);
    expect(err.join("\n")).toBe(
      'unknown report "budgets"; reports: tasklists, lectures, study, inspections, rectifications, plans, services, projects, assessment',
    );
    expect(await pbb("tasklists", "--quarter", "5", "--format", "csv", "--out", "x.csv")).toBe(2);
    expect(err.join("\n")).toContain("--quarter 5: use 1, 2, 3 or 4");
    expect(await pbb("tasklists", "--format", "pdf", "--out", "x.csv")).toBe(2);
    expect(err.join("\n")).toContain("--format pdf: use csv or xlsx");
    expect(
      await pbb("tasklists", "--month", "2", "--quarter", "1", "--format", "csv", "--out", "x.csv"),
    ).toBe(2);
    expect(err.join("\n")).toContain("not both");
    expect(await pbb("tasklists", "--format", "csv")).toBe(2);
    expect(err.join("\n")).toContain("--out");
    expect(await pbb("lectures", "--year", "2025", "--format", "csv", "--out", "x.csv")).toBe(2);
    expect(err.join("\n")).toBe("lectures 2025: nothing to report in this period; no file written");
    await expect(readFile(path.join(dir, "x.csv"))).rejects.toThrow(/ENOENT/);
  });
});
