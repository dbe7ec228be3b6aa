/**
 * Inspections' views at the issue's sizes, in both languages, as Slack checks them (the local
 * Slack's validator): the round's announcement at 300 branches (posted, and updated in place
 * after a swap: chat.update's shorter text), a result and an amendment with the checklist's 40
 * items, the weekly overdue list of 600 items, and every modal (the checklist amending 40 items
 * with 5 long findings, report done, reopen, reassign, swap). Messages at most 50 blocks, modals
 * at most 100, every section's text at most 3000 characters. The ranking message and the
 * committee's Home section at 300 branches: test/services/inspections/close-round.test.ts and
 * test/home/inspections-home.test.ts.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.ts";
import {
  LIMITS,
  validateMessage,
  validateView,
} from "../../../../src/localslack/emulator/validate.ts";
import type {
  ChecklistForm,
  ItemView,
  RectificationView,
  RoundAnnouncement,
} from "../../../../src/ports/inspections.ts";
import {
  buildChecklistModal,
  buildDoneModal,
  buildReassignModal,
  buildReopenModal,
  buildSwapModal,
} from "../../../../src/slack/views/inspections/modals.ts";
import { inspectionsPresenter } from "../../../../src/slack/views/inspections/present.ts";

const LONG = "长".repeat(1000);
const branch = (i: number) => `第${i}党支部 ${"名".repeat(40)}`;

const announcement = (kind: "mutual" | "supervision"): RoundAnnouncement => ({
  kind,
  period: "2027-06",
  opensOn: "2027-06-01",
  closesOn: "2027-06-15",
  lines: Array.from({ length: 290 }, (_, i) => ({
    inspector: kind === "mutual" ? { branch: branch(i + 1) } : { user: `U0M${i % 15}` },
    branch: branch(i),
  })),
  conflicts: Array.from({ length: 10 }, (_, i) => ({
    target: `c${i}`,
    reason: "all-members-involved" as const,
    branch: branch(290 + i),
  })),
  skipped: null,
});

const items: ItemView[] = Array.from({ length: 40 }, (_, i) => ({
  key: `item-${i}`,
  title: `Item ${i} ${LONG.slice(0, 100)}`,
  maxScore: 10,
  hint: LONG,
}));

const item: RectificationView = {
  id: 7,
  branch: branch(1),
  kind: "supervision",
  period: "2027-06",
  problem: LONG,
  severity: "serious",
  suggestion: LONG,
  owner: "U0SEC1",
  dueOn: "2027-06-20",
  state: "OPEN",
  doneText: LONG,
  evidence: LONG,
  lastComment: LONG,
  reopenCount: 1,
  verifiedBy: null,
};

const finding = { problem: LONG, severity: "general" as const, suggestion: LONG };

const fits = (m: { text: string; blocks: unknown[] }, maxText: number = LIMITS.postText) => {
  expect(validateMessage(m, { maxText, requireTextWithBlocks: true })).toBeUndefined();
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
};

describe.each(["en", "zh-CN"] as const)("inspections' views at their largest (%s)", (locale) => {
  const t = translator(locale);
  const p = inspectionsPresenter(t);

  it.each(["mutual", "supervision"] as const)(
    "the %s round's announcement at 300 branches: every line, posted or updated",
    (kind) => {
      const message = p.announcement(announcement(kind));
      fits(message, LIMITS.updateText);
      const all = JSON.stringify(message.blocks);
      expect(all).toContain(branch(289));
      expect(all).toContain(branch(299));
    },
  );

  it("a result, an amendment and the weekly overdue list", () => {
    fits(
      p.result({
        kind: "mutual",
        period: "2027-06",
        branch: branch(1),
        total: 300,
        max: 400,
        items: items.map((i) => ({ ...i, score: 7 })),
        note: LONG,
        findings: Array.from({ length: 5 }, () => ({
          ...finding,
          dueOn: "2027-06-20",
          owner: "U0A",
        })),
      }),
    );
    fits(
      p.amended({
        kind: "mutual",
        period: "2027-06",
        branch: branch(1),
        by: "U0A",
        reason: LONG.slice(0, 500),
        total: 300,
        max: 400,
        scores: items.map((i) => ({ item: i, before: 5, after: 7 })),
        noteChanged: true,
        added: Array.from({ length: 5 }, () => ({ ...finding, dueOn: "2027-06-20", owner: "U0A" })),
        changed: Array.from({ length: 5 }, () => ({ before: LONG, after: LONG })),
        removed: Array.from({ length: 5 }, () => LONG),
      }),
    );
    const overdue = p.overdue(
      Array.from({ length: 600 }, (_, i) => ({
        ...item,
        id: i,
        state: i % 2 === 0 ? ("OPEN" as const) : ("REPORTED" as const),
      })),
      "2027-07-01",
    );
    fits(overdue);
    // The first 48 items, one section each: Reassign on the open ones, then where the rest is.
    const accessories = (overdue.blocks as { accessory?: unknown }[]).flatMap((b) =>
      b.accessory ? [b.accessory] : [],
    );
    expect(accessories).toHaveLength(24);
    expect(accessories[1]).toMatchObject({
      action_id: "insp_open_reassign",
      value: "2",
      text: { text: t("inspections.reassign.button") },
    });
    expect(JSON.stringify(overdue.blocks.at(-1))).toContain("/pbb report rectifications");
    fits(p.ownerItem(item, { reassignedBy: "U0SEC1" }));
    fits(p.released({ kind: "mutual", period: "2027-06", branch: branch(1) }));
  });

  it("every modal: the checklist amending 40 items, done, reopen, reassign, swap", () => {
    const form: ChecklistForm = {
      assignmentId: 12,
      kind: "supervision",
      period: "2027-06",
      closesOn: "2027-06-15",
      branch: branch(1),
      items,
      draft: {
        scores: Object.fromEntries(items.map((i) => [i.key, "10"])),
        note: LONG,
        findings: Array.from({ length: 5 }, () => finding),
      },
      amending: true,
    };
    const checklist = buildChecklistModal(form, t);
    expect(JSON.stringify(checklist)).toContain("insp_reason_block");
    const rounds = [
      { key: "mutual:2027-06", kind: "mutual", period: "2027-06" },
      { key: "supervision:2027-06", kind: "supervision", period: "2027-06" },
    ];
    for (const view of [
      checklist,
      buildChecklistModal({ ...form, amending: false, draft: null }, t),
      buildDoneModal(item, t),
      buildReopenModal(item, t),
      buildReassignModal(item, t),
      buildSwapModal(rounds, t),
    ]) {
      expect(validateView(view)).toBeUndefined();
      expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    }
  });
});
