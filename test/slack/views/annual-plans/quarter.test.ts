import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.ts";
import type { BranchQuarterView, PlanOrg } from "../../../../src/ports/annual-plans.ts";
import { committeePages } from "../../../../src/services/annual-plans/quarter.ts";
import {
  quarterBranchMessage,
  quarterCommitteeMessage,
  reasonsModal,
} from "../../../../src/slack/views/annual-plans/quarter.ts";

const orgOf = (locale: "en" | "zh-CN") => ({ t: translator(locale), locale }) as unknown as PlanOrg;

const branch = (n: number) => ({
  id: n,
  key: `b${n}`,
  name: `${"第一百二十三党支部".repeat(3)} ${n}`,
  channelId: `C${n}`,
  active: true,
  secretaries: ["U0SEC1"],
});

const items = (n: number, answered = false) =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    kind: "theory" as const,
    title: `${"很长的计划项标题".repeat(18)} ${i}`,
    target: "m2",
    ownerUserId: null,
    answer: answered ? { reason: "原因".repeat(100), date: "2027-05-01" } : null,
  }));

describe("the quarter's tracking within Slack's limits", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    it(`when 300 branches are tracked, then the committee's table is 3 messages within 50 blocks (${locale})`, () => {
      const rows = Array.from({ length: 300 }, (_, i) => ({
        view: { branch: branch(i) } as BranchQuarterView,
        row: { total: 160, done: 80, percent: 50, overdue: 40, missing: 40 },
      }));
      const pages = committeePages({ year: 2027, quarter: 1 }, rows);
      expect(pages.map((p) => [p.from, p.rows.length])).toEqual([
        [1, 100],
        [101, 100],
        [201, 100],
      ]);
      for (const page of pages) {
        const m = quarterCommitteeMessage(page, orgOf(locale));
        expect(m.blocks.length).toBeLessThanOrEqual(50);
        expect(JSON.stringify(m.blocks).length).toBeLessThan(40_000);
        for (const b of m.blocks)
          if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      }
      expect(allOf(quarterCommitteeMessage(pages[2] ?? pages[0]!, orgOf(locale)))).toContain("300");
    });

    it(`when a branch has 160 items, then its message stays within 50 blocks (${locale})`, () => {
      const v: BranchQuarterView = {
        branch: branch(1),
        year: 2027,
        quarter: 1,
        done: items(40),
        inProgress: items(40),
        overdue: items(80, true),
        missing: 0,
      };
      const m = quarterBranchMessage(v, orgOf(locale));
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks)
        if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    });

    it(`when 40 overdue items wait for reasons, then the modal stays within 100 blocks (${locale})`, () => {
      const modal = reasonsModal(
        { branch: branch(1), year: 2027, quarter: 1, items: items(40), more: 40 },
        translator(locale),
      );
      expect(modal.blocks.length).toBeLessThanOrEqual(100);
      expect(modal.title.text.length).toBeLessThanOrEqual(24);
    });
  }
});

const allOf = (m: { text: string; blocks: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks)}`;
