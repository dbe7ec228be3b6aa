/**
 * Reports end to end: `/pbb report` through the driver, the files through the outbox and the
 * emulator's upload flow into the asker's DM, refusals, and the quarter-summary job's chart in the
 * committee channel.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { jobEnvOf } from "../../src/app/wire.ts";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import { runJobByName } from "../../src/jobs/manual.ts";
import { silentLogger } from "../../src/observability/logger.ts";
import { buildCsv } from "../../src/services/reports/csv.ts";
import { loadReport } from "../../src/services/reports/load-report.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { untilIdle } from "../helpers/idle.ts";
import { EXPECTED_Q4, seedQ4 } from "../services/reports/reports-seed.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(STORES)("reports in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2027-01-02T02:00:00Z",
    extraUsers: ["U0GUEST"],
    setUp: async (t) => {
      await seedQ4(t.db);
    },
  });

  const ephemeralText = (user: string) => bot().slack.ephemeralsFor(user).at(-1)?.text ?? "";

  it("when a committee member asks for 2026-Q4, then the .xlsx and .csv arrive in their DM", async () => {
    const t = bot();
    await t.slack
      .as("U0DEPUTY")
      .slashCommand("/pbb", "report quarter 2026-Q4", { channel: "C0COMMITTEE" });
    await expect
      .poll(() => ephemeralText("U0DEPUTY"), { timeout: 15_000 })
      .toContain("pbb-report-2026-Q4.xlsx");
    expect(ephemeralText("U0DEPUTY")).toContain("正在发送到您与机器人的私信");
    await untilIdle(t.bot);

    const uploads = t.emulator.calls.of("upload");
    expect(uploads).toHaveLength(2);
    const files = [...t.emulator.workspace.files.values()];
    expect(files.map((f) => f.name).sort()).toEqual([
      "pbb-report-2026-Q4.csv",
      "pbb-report-2026-Q4.xlsx",
    ]);
    const dm = t.emulator.workspace.dmWith("U0DEPUTY");
    const message = t.emulator.workspace.history(dm.id).at(-1);
    expect(message?.files).toHaveLength(2);
    expect(message?.text).toContain("2026年第四季度报表（截至2027年1月2日10:00）");
    for (const f of files) {
      expect(f.completed).toBe(true);
      expect(f.channels).toEqual([dm.id]);
      expect(f.bytes?.length).toBe(f.length);
    }

    const xlsx = files.find((f) => f.name.endsWith(".xlsx"))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.bytes!).buffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r] : []));
    const total = rows.find((r) => r.includes("机关党委合计"));
    expect(total).toContain(EXPECTED_Q4[""]?.listsExpected);
    const csv = files.find((f) => f.name.endsWith(".csv"))!;
    expect(csv.bytes?.toString("utf8")).toContain("移交安置处党支部");
    const org = (await loadOrgRecord(t.db))!;
    const report = await loadReport(
      t.db,
      org,
      parseReportPeriod("quarter", "2026-Q4")!,
      t.clock.now(),
    );
    expect(csv.bytes?.equals(buildCsv(report, translator("zh-CN")))).toBe(true);
  });

  it("when someone outside the committee asks, then they are told why and get no file", async () => {
    const t = bot();
    const before = t.emulator.workspace.files.size;
    await t.slack
      .as("U0SEC2")
      .slashCommand("/pbb", "report quarter 2026-Q4", { channel: "C0SERVICE" });
    await expect
      .poll(() => ephemeralText("U0SEC2"), { timeout: 15_000 })
      .toContain("仅供机关党委委员和系统管理员");
    expect(t.emulator.workspace.files.size).toBe(before);
  });

  it("when the arguments are wrong, then the answer says what and shows the accepted forms", async () => {
    const t = bot();
    const chair = t.slack.as("U0CHAIR");
    await chair.slashCommand("/pbb", "report quarter 2026-13", { channel: "C0COMMITTEE" });
    await expect
      .poll(() => ephemeralText("U0CHAIR"), { timeout: 15_000 })
      .toContain("`2026-13` 不是有效的季度期间");
    expect(ephemeralText("U0CHAIR")).toContain("/pbb report quarter 2026-Q4");
    await chair.slashCommand("/pbb", "report week", { channel: "C0COMMITTEE" });
    await expect
      .poll(() => ephemeralText("U0CHAIR"), { timeout: 15_000 })
      .toContain("`week` 不是报表类型");
    await chair.slashCommand("/pbb", "report", { channel: "C0COMMITTEE" });
    await expect
      .poll(() => ephemeralText("U0CHAIR"), { timeout: 15_000 })
      .toContain("请说明报表类型");
  });

  it("the quarter-summary job posts the summary with its chart to the committee channel, once", async () => {
    const t = bot();
    const env = { ...jobEnvOf(t.bot.ctx), logger: silentLogger, runner: "test" };
    const ran = await runJobByName(env, "quarter-summary", "2027-01-01T09:00");
    expect(ran).toMatchObject({ status: "ran", occurrence: { key: "2026-Q4" } });
    await untilIdle(t.bot);
    const posted = t.emulator.workspace.history("C0COMMITTEE").at(-1);
    expect(posted?.text).toContain("2026年第四季度小结");
    expect(posted?.text).toContain("按时报送清单3/12");
    expect(posted?.text).toContain("*移交安置处党支部*");
    const chart = t.emulator.workspace.files.get(posted?.files?.[0] ?? "");
    expect(chart?.name).toBe("pbb-report-2026-Q4.png");
    expect(chart?.bytes?.subarray(0, 8)).toEqual(PNG);

    const again = await runJobByName(env, "quarter-summary", "2027-01-15T12:00+08:00");
    expect(again.status).toBe("already-ran");
    await untilIdle(t.bot);
    expect(t.emulator.workspace.history("C0COMMITTEE").at(-1)?.ts).toBe(posted?.ts);
  });
});
