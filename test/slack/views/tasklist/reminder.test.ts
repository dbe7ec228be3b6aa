import { describe, expect, it } from "vitest";
import { TASKLIST_ACTION } from "../../../../src/slack/ids/tasklist.ts";
import type { ReminderView } from "../../../../src/slack/views/tasklist/model.ts";
import { buildReminder } from "../../../../src/slack/views/tasklist/reminder.ts";
import { at, branch, buttons, ctx, json, LOCALES, MONTH, tr } from "./fixtures.ts";

const base: ReminderView = {
  ...ctx,
  state: "waiting",
  deadlineAt: at("2026-10-08T10:00:00Z"),
  commentCount: 2,
};
const decided = { by: "U0CHAIR", at: at("2026-10-09T02:30:00Z") };

describe.each(LOCALES)("reminder (%s)", (locale) => {
  const t = tr(locale);

  it("when waiting, then it mentions the secretaries, says what is due by when, and the button opens the modal", () => {
    const m = buildReminder(base, t);
    expect(m.text).toContain("<@U0SEC1>");
    expect(m.text).toContain(branch.name);
    expect(m.text).toContain(MONTH[locale]);
    expect(m.text).toContain(locale === "en" ? "2026-10-08 18:00" : "2026年10月8日18:00");
    const s = json(m.blocks);
    for (const x of [
      "<@U0SEC1>",
      "<@U0SEC2>",
      branch.name,
      MONTH[locale],
      locale === "en" ? "2026-10-08 18:00" : "2026年10月8日18:00",
    ])
      expect(s).toContain(x);
    expect(buttons(m.blocks)).toEqual([
      expect.objectContaining({
        action_id: TASKLIST_ACTION.openModal,
        value: "12",
        style: "primary",
      }),
    ]);
    expect(s).toContain(locale === "en" ? "2 comments so far" : "目前2条");
  });

  it("when submitted, then it says who submitted which revision, and offers Withdraw (danger)", () => {
    const m = buildReminder(
      {
        ...base,
        state: "submitted",
        revision: 2,
        submittedBy: "U0SEC1",
        submittedAt: at("2026-10-08T03:00:00Z"),
      },
      t,
    );
    const s = json(m.blocks);
    expect(s).toContain("<@U0SEC1>");
    expect(s).toContain(locale === "en" ? "2026-10-08 11:00" : "2026年10月8日11:00");
    expect(s).toContain(locale === "en" ? "Revision 2" : "第2版");
    expect(buttons(m.blocks).map((b) => [b.action_id, b.style])).toEqual([
      [TASKLIST_ACTION.withdraw, "danger"],
    ]);
  });

  it("when returned, then it quotes the committee's comment and offers Revise", () => {
    const m = buildReminder(
      {
        ...base,
        state: "returned",
        revision: 1,
        decision: { ...decided, kind: "RETURNED", comment: "Add the <theme> day" },
      },
      t,
    );
    const s = json(m.blocks);
    expect(s).toContain("Add the &lt;theme&gt; day");
    expect(s).toContain("<@U0CHAIR>");
    expect(buttons(m.blocks).map((b) => [b.action_id, b.style])).toEqual([
      [TASKLIST_ACTION.revise, "primary"],
    ]);
    expect(m.text).toContain(branch.name);
  });

  it("when approved, then it says by whom and when, and offers Amend; with an amendment waiting it offers its withdrawal", () => {
    const v: ReminderView = {
      ...base,
      state: "approved",
      revision: 1,
      decision: { ...decided, kind: "APPROVED" },
    };
    const m = buildReminder(v, t);
    expect(json(m.blocks)).toContain(locale === "en" ? "2026-10-09 10:30" : "2026年10月9日10:30");
    expect(buttons(m.blocks).map((b) => b.action_id)).toEqual([TASKLIST_ACTION.amend]);
    const pending = buildReminder({ ...v, amendment: "under-review" }, t);
    expect(buttons(pending.blocks).map((b) => [b.action_id, b.style])).toEqual([
      [TASKLIST_ACTION.withdraw, "danger"],
    ]);
    expect(json(pending.blocks)).toContain(
      locale === "en" ? "approved list stays in force" : "原清单继续有效",
    );
  });

  it("when a revision was withdrawn, or last month left items, then it says so", () => {
    const m = buildReminder({ ...base, withdrawnRevision: 1, carriedOverCount: 3 }, t);
    const s = json(m.blocks);
    expect(s).toContain(locale === "en" ? "Revision 1 was withdrawn" : "第1版已由支部书记撤回");
    expect(s).toContain(locale === "en" ? "3 unfinished items" : "3项任务");
  });

  it("every state keeps the same layout (header, body, notes, actions)", () => {
    for (const state of ["waiting", "submitted", "returned", "approved"] as const) {
      const m = buildReminder(
        { ...base, state, revision: 1, decision: { ...decided, kind: "APPROVED" } },
        t,
      );
      expect(m.blocks.map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
      expect(m.text.length).toBeGreaterThan(10);
    }
  });
});
