import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { computeReport } from "../../../src/domain/report.ts";
import { parseReportPeriod } from "../../../src/domain/report-period.ts";
import { translator } from "../../../src/i18n/index.ts";
import { silentLogger } from "../../../src/observability/logger.ts";
import { renderChart } from "../../../src/services/reports/chart.ts";
import { chartFont, findCjkFont, LATIN_FAMILY } from "../../../src/services/reports/fonts.ts";

const q4 = parseReportPeriod("quarter", "2026-Q4")!;
const report = computeReport({
  period: q4,
  asOf: new Date("2027-01-01T00:00:00Z"),
  deadlines: new Map(),
  branches: [{ id: 1, key: "a", name: "Resettlement", active: true, people: [] }],
  lists: [],
  revisions: [],
  items: [],
  turns: [],
});

describe("chart fonts", () => {
  it("when no CJK font is installed, then the bundled Latin font is used and the log says so", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "pbb-fonts-"));
    const warn = vi.spyOn(silentLogger, "warn");
    const font = chartFont(silentLogger, [empty]);
    expect(font).toMatchObject({ family: LATIN_FAMILY, cjk: false });
    expect(path.basename(font.file)).toBe("DejaVuSans.ttf");
    expect(String(warn.mock.calls[0]?.[1])).toContain("no CJK font found");
    const png = await renderChart(report, translator("en"), font);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  it.skipIf(findCjkFont() === undefined)("when a CJK font is installed, then it is chosen", () => {
    expect(chartFont(silentLogger)).toMatchObject({ cjk: true });
  });
});
