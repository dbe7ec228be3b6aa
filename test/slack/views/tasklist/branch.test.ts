import { describe, expect, it } from "vitest";
import { TASKLIST_ACTION } from "../../../../src/slack/ids/tasklist.ts";
import {
  buildFollowUp,
  buildReturnedNotice,
  buildSecretaryDm,
} from "../../../../src/slack/views/tasklist/notices.ts";
import { buildPlanMessage } from "../../../../src/slack/views/tasklist/plan.ts";
import { parseItemValue } from "../../../../src/slack/views/tasklist/refs.ts";
import { at, branch, buttons, ctx, items, json, LOCALES, MONTH, tr } from "./fixtures.ts";

const plan = {
  ...ctx,
  revision: 2,
  approvedBy: "U0CHAIR",
  approvedAt: at("2026-10-09T02:30:00Z"),
  items: items(15),
};
const returned = {
  by: "U0CHAIR",
  at: at("2026-10-09T02:30:00Z"),
  kind: "RETURNED" as const,
  comment: "Add owners\nand dates",
};

describe.each(LOCALES)("branch channel and DMs (%s)", (locale) => {
  const t = tr(locale);

  it("the approved plan lists every item with Mark done / Undo and the completion count, within 50 blocks", () => {
    const m = buildPlanMessage(plan, t);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    const s = json(m.blocks);
    for (const x of [branch.name, MONTH[locale], "<@U0CHAIR>", "Task 15", "✅", "⬜"])
      expect(s).toContain(x);
    expect(s).toContain(locale === "en" ? "Done 1 of 15 (7%)" : "已完成1/15项（7%）");
    const b = buttons(m.blocks);
    expect(b.filter((x) => x.action_id === TASKLIST_ACTION.markDone)).toHaveLength(14);
    expect(
      b.filter((x) => x.action_id === TASKLIST_ACTION.markDone).every((x) => x.style === "primary"),
    ).toBe(true);
    expect(
      b.filter((x) => x.action_id === TASKLIST_ACTION.undoDone).map((x) => parseItemValue(x.value)),
    ).toEqual([{ listId: 12, itemId: 100 }]);
    expect(b.map((x) => x.action_id)).toContain(TASKLIST_ACTION.amend);
    expect(m.text).toContain("1");
    expect(m.text).toContain(branch.name);
  });

  it("a closed month has no toggles; an amendment under review hides Amend and says the plan stays in force", () => {
    expect(buttons(buildPlanMessage({ ...plan, closed: true }, t).blocks)).toEqual([]);
    const pending = buildPlanMessage({ ...plan, amendmentUnderReview: true }, t);
    expect(buttons(pending.blocks).map((b) => b.action_id)).not.toContain(TASKLIST_ACTION.amend);
    expect(json(pending.blocks)).toContain(locale === "en" ? "stays in force" : "继续有效");
  });

  it("the returned notice quotes the comment and offers Revise; once resubmitted, the button goes", () => {
    const v = { ...ctx, revision: 1, isAmendment: false, decision: returned };
    const m = buildReturnedNotice(v, t);
    const s = json(m.blocks);
    expect(s).toContain("> Add owners\\n> and dates");
    expect(s).toContain("<@U0SEC1>");
    expect(m.text).toContain("Add owners");
    expect(buttons(m.blocks).map((b) => [b.action_id, b.style, b.value])).toEqual([
      [TASKLIST_ACTION.revise, "primary", "12:1"],
    ]);
    const after = buildReturnedNotice({ ...v, resubmittedAs: 2 }, t);
    expect(buttons(after.blocks)).toEqual([]);
    expect(json(after.blocks)).toContain(locale === "en" ? "revision 2" : "第2版");
  });

  it("the secretaries' DMs: approved links the channel; returned has the comment and Revise", () => {
    const ok = buildSecretaryDm(
      {
        ...ctx,
        revision: 2,
        isAmendment: false,
        decision: { ...returned, kind: "APPROVED", comment: null },
      },
      t,
    );
    expect(json(ok.blocks)).toContain("<#C0RESETTLE>");
    expect(ok.text).toContain(MONTH[locale]);
    expect(buttons(ok.blocks)).toEqual([]);
    const back = buildSecretaryDm(
      { ...ctx, revision: 2, isAmendment: false, decision: returned },
      t,
    );
    expect(json(back.blocks)).toContain("Add owners");
    expect(buttons(back.blocks).map((b) => b.action_id)).toEqual([TASKLIST_ACTION.revise]);
  });

  it("the follow-up mentions the secretaries and the deadline, with the right button", () => {
    const v = { ...ctx, deadlineAt: at("2026-10-08T10:00:00Z"), state: "not-submitted" as const };
    const m = buildFollowUp(v, t);
    for (const x of [
      "<@U0SEC1>",
      "<@U0SEC2>",
      locale === "en" ? "2026-10-08 18:00" : "2026年10月8日18:00",
      MONTH[locale],
    ])
      expect(m.text).toContain(x);
    expect(buttons(m.blocks).map((b) => [b.action_id, b.style])).toEqual([
      [TASKLIST_ACTION.openModal, "primary"],
    ]);
    expect(
      buttons(buildFollowUp({ ...v, state: "returned" }, t).blocks).map((b) => b.action_id),
    ).toEqual([TASKLIST_ACTION.revise]);
  });
});
