import { describe, expect, it } from "vitest";
import { diffRevisions } from "../../../../src/domain/task-list-items.ts";
import {
  TASKLIST_ACTION,
  TASKLIST_BLOCK,
  TASKLIST_CALLBACK,
} from "../../../../src/slack/ids/tasklist.ts";
import { buildCommitteeMessage } from "../../../../src/slack/views/tasklist/committee.ts";
import {
  buildFullListModal,
  buildReturnModal,
} from "../../../../src/slack/views/tasklist/decision-modals.ts";
import { commentRequired } from "../../../../src/slack/views/tasklist/errors.ts";
import type { CommitteeView } from "../../../../src/slack/views/tasklist/model.ts";
import {
  parseListValue,
  parsePrivateMetadata,
  parseRevisionMetadata,
} from "../../../../src/slack/views/tasklist/refs.ts";
import { readReturnComment } from "../../../../src/slack/views/tasklist/state.ts";
import { at, branch, buttons, ctx, items, json, LOCALES, MONTH, tr } from "./fixtures.ts";

const list = items(15);
const pending: CommitteeView = {
  ...ctx,
  state: "pending",
  revision: 2,
  isAmendment: false,
  submittedBy: "U0SEC1",
  submittedAt: at("2026-10-08T03:00:00Z"),
  items: list,
  changes: {
    since: 1,
    diff: diffRevisions(list.slice(1, 14), [
      ...list.slice(0, 13),
      { ...list[13]!, title: "Renamed" },
    ]),
  },
  comments: {
    count: 4,
    latest: [
      { authorId: "U0A", text: "Add the *visit*" },
      { authorId: "U0B", text: "ok" },
    ],
  },
};
const decision = { by: "U0CHAIR", at: at("2026-10-09T02:30:00Z") };

describe.each(LOCALES)("committee message (%s)", (locale) => {
  const t = tr(locale);

  it("when pending, then it shows branch, month, revision, items by category, changes, comments and Approve/Return/Open buttons", () => {
    const m = buildCommitteeMessage(pending, t);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    const s = json(m.blocks);
    for (const x of [
      branch.name,
      MONTH[locale],
      "<@U0SEC1>",
      locale === "en" ? "2026-10-08 11:00" : "2026年10月8日11:00",
      "Task 15",
      "<@U0OWN14>",
      "Add the *visit*",
    ])
      expect(s).toContain(x);
    expect(s).toContain(
      locale === "en" ? "Party building work arrangement* (3)" : "*党建工作安排* · 3项",
    );
    expect(s).toContain(locale === "en" ? "What changed since revision 1" : "与第1版相比的变化");
    expect(s).toContain(locale === "en" ? "4 comments" : "4条意见");
    expect(s).toContain("➕");
    expect(s).toContain("Renamed");
    const b = buttons(m.blocks);
    expect(b.map((x) => [x.action_id, x.style])).toEqual([
      [TASKLIST_ACTION.approve, "primary"],
      [TASKLIST_ACTION.return, "danger"],
      [TASKLIST_ACTION.openFullList, undefined],
    ]);
    for (const x of b) expect(parseListValue(x.value)).toEqual({ listId: 12, revision: 2 });
    expect(m.text).toContain(branch.name);
    expect(m.text).toContain("15");
  });

  it("when approved, then the same message says who and when, and the decision buttons are gone", () => {
    const m = buildCommitteeMessage(
      { ...pending, state: "approved", decision: { ...decision, kind: "APPROVED" } },
      t,
    );
    const s = json(m.blocks);
    expect(s).toContain("<@U0CHAIR>");
    expect(s).toContain(locale === "en" ? "2026-10-09 10:30" : "2026年10月9日10:30");
    expect(buttons(m.blocks).map((b) => b.action_id)).toEqual([TASKLIST_ACTION.openFullList]);
    expect(m.blocks.find((b) => b.block_id === TASKLIST_BLOCK.committeeActions)).toBeDefined();
  });

  it("when returned, then it shows the comment; when withdrawn, it says the secretary withdrew it", () => {
    const r = buildCommitteeMessage(
      {
        ...pending,
        state: "returned",
        decision: { ...decision, kind: "RETURNED", comment: "More study" },
      },
      t,
    );
    expect(json(r.blocks)).toContain("More study");
    expect(buttons(r.blocks).map((b) => b.action_id)).not.toContain(TASKLIST_ACTION.approve);
    const w = buildCommitteeMessage(
      { ...pending, state: "withdrawn", withdrawnAt: at("2026-10-08T05:00:00Z") },
      t,
    );
    expect(json(w.blocks)).toContain(
      locale === "en" ? "Withdrawn by the secretary" : "支部书记已于",
    );
    expect(w.text).toContain(locale === "en" ? "withdrawn" : "撤回");
  });

  it("an amendment and a late first submission are marked", () => {
    const m = buildCommitteeMessage(
      { ...pending, isAmendment: true, late: true, changes: undefined },
      t,
    );
    const s = json(m.blocks);
    expect(s).toContain(locale === "en" ? "amendment of the approved list" : "已通过清单的调整");
    expect(s).toContain("⏰");
  });

  it("the return modal requires a comment and carries only ids", () => {
    const m = buildReturnModal({ ...ctx, revision: 2, submittedBy: "U0SEC1" }, t);
    for (const x of [m.title, m.submit, m.close]) expect(x?.text.length).toBeLessThanOrEqual(24);
    expect(m.callback_id).toBe(TASKLIST_CALLBACK.returnModal);
    const input = m.blocks.find((b) => b.type === "input");
    expect(input).toMatchObject({
      block_id: TASKLIST_BLOCK.returnComment,
      element: { min_length: 1 },
    });
    expect(input && "optional" in input).toBe(false);
    expect(parsePrivateMetadata("revision", m.private_metadata)).toEqual({
      listId: 12,
      branchKey: "resettlement",
      period: "2026-10",
      revision: 2,
    });
    expect(json(m.blocks)).toContain(branch.name);
    expect(commentRequired(t).errors[TASKLIST_BLOCK.returnComment]).toBeTruthy();
  });

  it("the full list shows every item with its expected result, by category, within 100 blocks", () => {
    const m = buildFullListModal({ ...ctx, revision: 2, state: "pending", items: list }, t);
    expect(m.blocks.length).toBeLessThanOrEqual(100);
    expect(m.title.text.length).toBeLessThanOrEqual(24);
    expect(m.blocks.filter((b) => b.type === "header")).toHaveLength(6);
    expect(json(m.blocks)).toContain("Every member takes part");
  });
});

describe("committee refs", () => {
  it("reads the return comment, trimmed", () => {
    expect(
      readReturnComment({
        [TASKLIST_BLOCK.returnComment]: {
          [TASKLIST_ACTION.returnComment]: { type: "plain_text_input", value: "  why \n" },
        },
      }),
    ).toBe("why");
    expect(readReturnComment({})).toBe("");
    expect(readReturnComment("garbage")).toBe("");
  });

  it("rejects forged button values and revision metadata", () => {
    for (const v of ["", "12:3:4", "abc", "-1", "12:x", "0", undefined, 12, "12; DROP"])
      expect(parseListValue(v)).toBeNull();
    expect(parseListValue("12")).toEqual({ listId: 12 });
    expect(
      parseRevisionMetadata(JSON.stringify({ l: 12, b: "x", p: "2026-10", r: 1, user: "U0CHAIR" })),
    ).toBeNull();
    expect(parseRevisionMetadata(JSON.stringify({ l: 12, b: "x", p: "2026-10" }))).toBeNull();
  });
});
