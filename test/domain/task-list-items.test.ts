import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/task-list.ts";
import {
  carryOverStatuses,
  completion,
  diffRevisions,
  groupByCategory,
  type TaskItemData,
  type TaskItemRecord,
  toggleItem,
  unfinishedItems,
} from "../../src/domain/task-list-items.ts";

const item = (title: string, extra: Partial<TaskItemData> = {}): TaskItemData => ({
  title,
  category: "WORK_ARRANGEMENT",
  ownerUserId: null,
  dueDate: null,
  expectedResult: null,
  ...extra,
});

describe("diffRevisions", () => {
  it("finds added, removed and changed items, matching by title first", () => {
    const prev = [
      item("Study session"),
      item("Visit veterans", { dueDate: "2026-10-20" }),
      item("Old task"),
    ];
    const next = [
      item("Visit veterans", { dueDate: "2026-10-25", ownerUserId: "U0A" }),
      item("Study session"),
      item("Theme party day", { category: "THEME_PARTY_DAY" }),
    ];
    const d = diffRevisions(prev, next);
    expect(d.added.map((i) => i.title)).toEqual(["Theme party day"]);
    expect(d.removed.map((i) => i.title)).toEqual(["Old task"]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]?.after.title).toBe("Visit veterans");
    expect(d.changed[0]?.fields).toEqual(["ownerUserId", "dueDate"]);
    expect(d.unchanged).toBe(1);
  });

  it("when a title is reworded in place, then it is a change of title, not a removal and an addition", () => {
    const d = diffRevisions([item("Study the report")], [item("Study the 20th report")]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0]?.fields).toEqual(["title"]);
  });

  it("title matching ignores case and spacing, and still reports the retyped title", () => {
    const d = diffRevisions(
      [item("Study  session"), item("B")],
      [item("b"), item(" study session ")],
    );
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.before.title, c.after.title])).toEqual([
      ["B", "b"],
      ["Study  session", " study session "],
    ]);
  });

  it("a new item in another category at a removed item's place is an addition and a removal", () => {
    const d = diffRevisions([item("Old")], [item("New", { category: "OTHER" })]);
    expect(d.added.map((i) => i.title)).toEqual(["New"]);
    expect(d.removed.map((i) => i.title)).toEqual(["Old"]);
  });

  it("identical revisions have no changes", () => {
    const list = [item("A"), item("B")];
    expect(diffRevisions(list, list)).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 2,
    });
  });
});

describe("toggleItem", () => {
  const sec: Actor = { userId: "U0SEC1", committeeMember: false, secretaryOf: ["resettlement"] };
  const owner: Actor = { userId: "U0A", committeeMember: false, secretaryOf: [] };
  const other: Actor = { userId: "U0B", committeeMember: true, secretaryOf: ["logistics"] };
  const ctx = {
    branchKey: "resettlement",
    approvedRevision: 2,
    itemRevision: 2,
    item: { status: "OPEN" as const, ownerUserId: "U0A" },
  };

  it("the branch's secretary and the item's owner may mark it done", () => {
    expect(toggleItem(ctx, "DONE", sec)).toEqual({
      ok: true,
      changed: true,
      from: "OPEN",
      to: "DONE",
    });
    expect(toggleItem(ctx, "DONE", owner)).toMatchObject({ ok: true, changed: true });
  });

  it("someone else may not, committee member or not", () => {
    expect(toggleItem(ctx, "DONE", other)).toEqual({ ok: false, error: "not-secretary-or-owner" });
  });

  it("only items of the plan in force can be marked", () => {
    expect(toggleItem({ ...ctx, itemRevision: 1 }, "DONE", sec)).toEqual({
      ok: false,
      error: "not-in-force",
    });
    expect(toggleItem({ ...ctx, approvedRevision: null }, "DONE", sec)).toEqual({
      ok: false,
      error: "not-in-force",
    });
  });

  it("setting the status it has changes nothing; undo reopens", () => {
    expect(toggleItem(ctx, "OPEN", sec)).toMatchObject({ ok: true, changed: false });
    const done = { ...ctx, item: { status: "DONE" as const, ownerUserId: null } };
    expect(toggleItem(done, "OPEN", sec)).toMatchObject({
      ok: true,
      changed: true,
      from: "DONE",
      to: "OPEN",
    });
  });
});

describe("completion, carry-over and next month", () => {
  const rec = (
    title: string,
    status: "OPEN" | "DONE",
    extra: Partial<TaskItemData> = {},
  ): TaskItemRecord => ({
    ...item(title, extra),
    status,
    doneBy: status === "DONE" ? "U0SEC1" : null,
  });

  it("counts done items with a whole percent", () => {
    expect(completion([rec("a", "DONE"), rec("b", "OPEN"), rec("c", "OPEN")])).toEqual({
      done: 1,
      total: 3,
      percent: 33,
    });
    expect(completion([])).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it("an amendment keeps the done status of the same-titled items", () => {
    const statuses = carryOverStatuses(
      [rec("A", "DONE"), rec("B", "OPEN")],
      [item("B"), item("a"), item("C")],
    );
    expect(statuses.map((s) => s.status)).toEqual(["OPEN", "DONE", "OPEN"]);
    expect(statuses[1]?.doneBy).toBe("U0SEC1");
  });

  it("unfinished items become next month's starting point without their old due dates", () => {
    const next = unfinishedItems([
      rec("A", "DONE"),
      rec("B", "OPEN", { dueDate: "2026-10-20", ownerUserId: "U0A" }),
    ]);
    expect(next).toEqual([item("B", { ownerUserId: "U0A" })]);
  });

  it("groups by category in the four plans' order", () => {
    const groups = groupByCategory([
      item("x", { category: "OTHER" }),
      item("y", { category: "THEORY_STUDY" }),
      item("z"),
    ]);
    expect(groups.map((g) => g.category)).toEqual(["WORK_ARRANGEMENT", "THEORY_STUDY", "OTHER"]);
  });
});
