import { describe, expect, it } from "vitest";
import { computeReport } from "../../../../src/domain/report.ts";
import { parseReportPeriod } from "../../../../src/domain/report-period.ts";
import { admin } from "../../../../src/i18n/catalog/admin.ts";
import { reports } from "../../../../src/i18n/catalog/reports.ts";
import { allKeys, translator } from "../../../../src/i18n/index.ts";
import { reportUsageText } from "../../../../src/slack/views/reports/command.ts";
import { buildQuarterSummaryText } from "../../../../src/slack/views/reports/summary.ts";

const placeholders = (m: unknown) =>
  typeof m === "string"
    ? [...new Set([...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort()
    : null;

describe.each([
  ["reports", reports],
  ["admin", admin],
] as const)("the %s catalog", (_, area) => {
  it("is registered, and zh-CN has every key with the same placeholders as en", () => {
    const en = Object.keys(area.en);
    expect(allKeys()).toEqual(expect.arrayContaining(en));
    expect(Object.keys(area["zh-CN"]).sort()).toEqual([...en].sort());
    const zh: Record<string, unknown> = area["zh-CN"];
    const english: Record<string, unknown> = area.en;
    for (const key of en) {
      const a = placeholders(english[key]);
      const b = placeholders(zh[key]);
      if (a && b) expect([key, b]).toEqual([key, a]);
    }
  });
});

describe("report texts", () => {
  const q4 = parseReportPeriod("quarter", "2026-Q4")!;
  const report = computeReport({
    period: q4,
    asOf: new Date("2027-01-01T01:00:00Z"),
    deadlines: new Map(q4.months.map((m) => [m, new Date(`${m}-05T10:00:00Z`)])),
    branches: [{ id: 1, key: "a", name: "A<b>", active: true, people: [] }],
    lists: [],
    revisions: [],
    items: [],
    turns: [],
  });

  it("the quarterly summary gives the totals, a line per branch (escaped) and the command", () => {
    const text = buildQuarterSummaryText(report, translator("en"));
    expect(text).toContain("Quarterly summary 2026-Q4: lists on time 0/3 (0%), items done 0/0 (—)");
    expect(text).toContain("• *A&lt;b&gt;*: on time 0/3");
    expect(text).toContain("`/pbb report quarter 2026-Q4`");
  });

  it("a bad period names the kind in the org's language and shows the accepted forms", () => {
    const problem = {
      problem: "reports.command.badPeriod" as const,
      params: { text: "2026-13", example: "2026-Q4" },
      kind: "quarter" as const,
    };
    expect(reportUsageText(problem, translator("en"))).toContain("`2026-13` is not a quarter");
    expect(reportUsageText(problem, translator("zh-CN"))).toContain("不是有效的季度期间");
  });
});
