/** The Home's pure builders: each role, 3 and 300 branches, within Slack's limits. */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import { HOME_ACTION } from "../../src/slack/ids/home.ts";
import { buildHomeModel, buildHomeView, parsePageValue } from "../../src/slack/views/home/index.ts";
import { allText, buttonsOf } from "../e2e/round-trip-helpers.ts";
import { branchName, homeInput, type Role } from "./home-fixtures.ts";

const en = translator("en");
const render = (n: number, role: Role, page = 0) =>
  buildHomeView(buildHomeModel(homeInput(n, role, { waiting: page })), en);

describe.each([3, 300])("the App Home with %i branches", (n) => {
  it.each(["committee", "secretary", "member", "all"] as const)(
    "when the person is %s, then the view is valid and within 100 blocks",
    (role) => {
      const view = render(n, role);
      expect(validateView(view)).toBeUndefined();
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    },
  );

  it("when on the committee, then each state is counted and the waiting lists have styled buttons", () => {
    const view = render(n, "committee");
    const text = allText(view.blocks);
    expect(text).toContain("Committee — December 2026 at a glance");
    const counts = n === 3 ? [0, 0, 1, 1, 1] : [120, 0, 60, 60, 60];
    const labels = ["🔴 overdue", "⚪ not submitted", "🟡 submitted", "🟠 returned", "🟢 approved"];
    for (const [i, label] of labels.entries()) expect(text).toContain(`*${label}*\n${counts[i]}`);
    expect(text).toContain(branchName(1));
    const buttons = buttonsOf(view.blocks);
    const approve = buttons.filter((b) => b.action_id === HOME_ACTION.approve);
    const ret = buttons.filter((b) => b.action_id === HOME_ACTION.return);
    expect(approve.length).toBe(n === 3 ? 1 : 8);
    expect(approve.every((b) => b.text === "Approve" && b.style === "primary")).toBe(true);
    expect(ret.every((b) => b.text === "Return" && b.style === "danger")).toBe(true);
    expect(text).toContain("*2026 so far*");
    expect(text).toContain("*Lists approved, submitted on time*\n1 / 2 (50%)");
    expect(text).toContain("75% (30 / 40)");
    expect(text).toContain("*Lecture sessions held*\n23");
  });

  it("when the member is also the secretary of a waiting branch, then that branch has no buttons (four eyes)", () => {
    const view = render(n, "all");
    const text = allText(view.blocks);
    expect(text).toContain(
      "You are this branch's secretary: another committee member approves or returns it.",
    );
    const values = buttonsOf(view.blocks)
      .filter((b) => b.action_id === HOME_ACTION.approve)
      .map((b) => b.value);
    expect(values).not.toContain("1001:1");
    expect(text).toContain("Branch 001 — my branch's list");
    expect(text).toContain("My next lecture turn");
  });
});

describe("paging the waiting lists", () => {
  it("when there are 60 lists waiting, then pages of 8 with previous/next carrying the page", () => {
    const first = buttonsOf(render(300, "committee").blocks).filter(
      (b) => b.action_id === HOME_ACTION.page,
    );
    expect(first).toEqual([{ text: "Next ▶", action_id: HOME_ACTION.page, value: "waiting:1" }]);
    const third = render(300, "committee", 2);
    expect(allText(third.blocks)).toContain("Page 3 of 8 (60 lists waiting)");
    const paging = buttonsOf(third.blocks).filter((b) => b.action_id === HOME_ACTION.page);
    expect(paging.map((b) => b.value)).toEqual(["waiting:1", "waiting:3"]);
  });

  it("when a page number is beyond the last page, then the last page is shown", () => {
    expect(allText(render(300, "committee", 999).blocks)).toContain("Page 8 of 8");
  });

  it("page values are validated", () => {
    expect(parsePageValue("waiting:4")).toEqual({ section: "waiting", page: 4 });
    for (const bad of ["waiting:-1", "waiting:12345", "other:1", "waiting", 7, "waiting:1:2"])
      expect(parsePageValue(bad)).toBeNull();
  });
});

describe("a secretary's and a member's sections", () => {
  it("when the plan is approved, then items carry Mark done (primary) or Undo, past months summarized", () => {
    const view = render(3, "secretary");
    const text = allText(view.blocks);
    expect(text).toContain("*December 2026*: 🟢 approved");
    expect(text).toContain("*Items of the approved list* (3 of 12 done)");
    expect(text).toContain(
      "2 more items are in the approved list's message in the branch channel.",
    );
    expect(text).toContain("November 2026: 🟢 approved · on time · 3/12 done");
    const buttons = buttonsOf(view.blocks);
    expect(buttons.filter((b) => b.action_id === HOME_ACTION.undoDone)).toHaveLength(3);
    const done = buttons.filter((b) => b.action_id === HOME_ACTION.markDone);
    expect(done).toHaveLength(7);
    expect(done[0]).toMatchObject({ text: "Mark done", style: "primary", value: "22:104" });
    expect(buttons.find((b) => b.action_id === HOME_ACTION.submit)).toMatchObject({
      text: "Amend list",
    });
  });

  it("when a member has an unconfirmed turn, then Confirm (primary) and Swap carry the turn id", () => {
    const view = render(3, "member");
    expect(allText(view.blocks)).toContain("*Branch 002 — approved list for December 2026*");
    const buttons = buttonsOf(view.blocks);
    expect(buttons).toContainEqual({
      text: "Confirm",
      action_id: HOME_ACTION.confirmTurn,
      style: "primary",
      value: "77",
    });
    expect(buttons).toContainEqual({ text: "Swap", action_id: HOME_ACTION.swapTurn, value: "77" });
  });
});
