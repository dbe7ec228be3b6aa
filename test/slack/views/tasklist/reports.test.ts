import { describe, expect, it } from "vitest";
import {
  buildApprovalWaiting,
  buildMonthSummary,
  buildOverdueList,
} from "../../../../src/slack/views/tasklist/reports.ts";
import { at, branch, json, LOCALES, MONTH, tr } from "./fixtures.ts";

const other = {
  key: "logistics",
  name: "Logistics Branch",
  channelId: "C0LOG",
  secretaries: ["U0SEC9"],
};

describe.each(LOCALES)("committee reports (%s)", (locale) => {
  const t = tr(locale);

  it("the overdue list names each late branch and its state, without pinging secretaries", () => {
    const m = buildOverdueList(
      {
        period: "2026-10",
        tz: "Asia/Shanghai",
        deadlineAt: at("2026-10-08T10:00:00Z"),
        branches: [
          { branch, state: "DRAFT" },
          { branch: other, state: "RETURNED" },
        ],
      },
      t,
    );
    const s = json(m.blocks);
    for (const x of [
      branch.name,
      other.name,
      "<#C0LOG>",
      locale === "en" ? "2026-10-08 18:00" : "2026年10月8日18:00",
      MONTH[locale],
    ])
      expect(s).toContain(x);
    expect(s).toContain(locale === "en" ? "returned, not resubmitted" : "已退回，尚未重新报送");
    expect(s).not.toContain("<@U0SEC");
    expect(m.text).toContain("2");
  });

  it("with no late branch, it says every branch submitted", () => {
    const m = buildOverdueList(
      {
        period: "2026-10",
        tz: "Asia/Shanghai",
        deadlineAt: at("2026-10-08T10:00:00Z"),
        branches: [],
      },
      t,
    );
    expect(m.text).toContain(locale === "en" ? "Every branch" : "各支部均已");
    expect(m.blocks).toHaveLength(1);
  });

  it("the approval-waiting reminder lists lists waiting longer than the threshold, with links", () => {
    const m = buildApprovalWaiting(
      {
        thresholdHours: 48,
        lists: [
          {
            listId: 12,
            branch,
            period: "2026-10",
            revision: 2,
            waitingHours: 50.7,
            link: "https://x.slack.com/archives/C1/p1",
          },
        ],
      },
      t,
    );
    const s = json(m.blocks);
    for (const x of [branch.name, "50", "48", "<https://x.slack.com/archives/C1/p1|"])
      expect(s).toContain(x);
    expect(m.text).toContain("48");
  });

  it("the month-end summary shows each branch's state, on-time and done/planned, and totals", () => {
    const m = buildMonthSummary(
      {
        period: "2026-10",
        rows: [
          {
            branch,
            state: "APPROVED",
            onTime: true,
            completion: { done: 3, total: 4, percent: 75 },
          },
          { branch: other, state: "DRAFT", onTime: null, completion: null },
        ],
      },
      t,
    );
    const s = json(m.blocks);
    expect(s).toContain(MONTH[locale]);
    expect(s).toContain(
      locale === "en"
        ? "approved · on time · done 3/4 (75%)"
        : "已通过 · 按时报送 · 完成3/4项（75%）",
    );
    expect(s).toContain(
      locale === "en"
        ? "not submitted · not submitted · no approved list"
        : "未报送 · 未报送 · 无已通过的清单",
    );
    expect(m.text).toContain(
      locale === "en"
        ? "1 of 2 lists approved, 3 of 4 items done"
        : "2个支部中1个清单已通过，完成任务3/4项",
    );
  });

  it("many branches still fit in one message", () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      branch: { ...other, key: `b${i}`, name: `Branch number ${i} with a long name` },
      state: "APPROVED" as const,
      onTime: true,
      completion: { done: 1, total: 2, percent: 50 },
    }));
    const m = buildMonthSummary({ period: "2026-10", rows }, t);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks)
      if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(json(m.blocks)).toContain("Branch number 119");
  });
});
