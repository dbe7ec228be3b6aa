import type { InputBlock, KnownBlock, ModalView } from "@slack/types";
import { describe, expect, it } from "vitest";
import { itemBlockId, MAX_ITEMS, parseItemRows } from "../../../../src/domain/task-list-input.ts";
import {
  ITEM_INPUT_ACTION,
  TASKLIST_ACTION,
  TASKLIST_CALLBACK,
} from "../../../../src/slack/ids/tasklist.ts";
import { inputErrors } from "../../../../src/slack/views/tasklist/errors.ts";
import { buildListModal } from "../../../../src/slack/views/tasklist/list-modal.ts";
import {
  addRow,
  removeRow,
  rowsFromItems,
  rowsFromRaw,
} from "../../../../src/slack/views/tasklist/modal-rows.ts";
import type { ListModalView } from "../../../../src/slack/views/tasklist/model.ts";
import {
  parseListModalMetadata,
  parsePrivateMetadata,
} from "../../../../src/slack/views/tasklist/refs.ts";
import { readItemRows } from "../../../../src/slack/views/tasklist/state.ts";
import { branch, buttons, items, json, LOCALES, MONTH, tr } from "./fixtures.ts";

const view = (extra: Partial<ListModalView> = {}): ListModalView => ({
  listId: 12,
  branch,
  period: "2026-10",
  kind: "submit",
  revision: 0,
  tz: "Asia/Shanghai",
  ...rowsFromItems([]),
  ...extra,
});

const blockIds = (m: ModalView) => m.blocks.map((b) => b.block_id).filter(Boolean);
const input = (m: ModalView, id: string) =>
  m.blocks.find((b): b is InputBlock => b.type === "input" && b.block_id === id);

/** What Slack would send back as view.state.values for the modal as pre-filled. */
function stateOf(m: ModalView) {
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const b of m.blocks as KnownBlock[]) {
    if (b.type !== "input" || !b.block_id) continue;
    const e = b.element;
    const v =
      e.type === "plain_text_input"
        ? { type: e.type, value: e.initial_value ?? null }
        : e.type === "static_select"
          ? { type: e.type, selected_option: e.initial_option ?? null }
          : e.type === "users_select"
            ? { type: e.type, selected_user: e.initial_user ?? null }
            : e.type === "datepicker"
              ? { type: e.type, selected_date: e.initial_date ?? null }
              : {};
    values[b.block_id] = { [e.action_id ?? ""]: v };
  }
  return values;
}

describe.each(LOCALES)("task-list modal (%s)", (locale) => {
  const t = tr(locale);

  it("title, submit and close fit in 24 characters for every kind", () => {
    for (const kind of ["submit", "resubmit", "amend"] as const) {
      const m = buildListModal(view({ kind }), t);
      for (const x of [m.title, m.submit, m.close]) expect(x?.text.length).toBeLessThanOrEqual(24);
      expect(m.callback_id).toBe(TASKLIST_CALLBACK.listModal);
      expect(m.notify_on_close).toBe(true);
    }
  });

  it("the owner picker offers the branch's people first, the others apart after them, and reads back the one picked", () => {
    const owners = {
      branch: [
        { id: "U0SEC", name: "Wang" },
        { id: "U0MEM", name: "Sun" },
      ],
      others: [{ id: "U0FAR", name: "Zhao" }],
    };
    const m = buildListModal(
      view({ owners, ...rowsFromItems([{ title: "a", ownerUserId: "U0GONE" }]) }),
      t,
    );
    const el = input(m, itemBlockId(0, "owner"))?.element;
    if (el?.type !== "static_select") throw new Error(`owner is a ${el?.type}`);
    const groups = el.option_groups ?? [];
    expect(groups.map((g) => g.options.map((o) => o.value))).toEqual([
      ["U0SEC", "U0MEM"],
      ["U0GONE", "U0FAR"], // the item's owner, no longer offered, stays chosen
    ]);
    expect(groups[0]?.label.text).toBe(branch.name);
    expect(groups[1]?.label.text).toBe(t("tasklist.field.ownerOthers"));
    expect(el.initial_option?.value).toBe("U0GONE");
    expect(readItemRows(stateOf(m), [0])[0]?.owner).toBe("U0GONE");
    // Without anyone to offer (a view built without the org's people): Slack's user picker.
    expect(input(buildListModal(view(), t), itemBlockId(0, "owner"))?.element.type).toBe(
      "users_select",
    );
  });

  it("a new list has one empty row with the five inputs, no remove button, and an add button", () => {
    const m = buildListModal(view(), t);
    expect(json(m.blocks)).toContain(branch.name);
    expect(json(m.blocks)).toContain(MONTH[locale]);
    expect(json(m.blocks)).toContain(locale === "en" ? "2027-01-31" : "2027年1月31日");
    for (const f of ["title", "category", "owner", "due", "expected"] as const)
      expect(input(m, itemBlockId(0, f))).toBeDefined();
    expect(input(m, itemBlockId(0, "title"))?.optional).toBeUndefined();
    expect(input(m, itemBlockId(0, "owner"))?.optional).toBe(true);
    expect(buttons(m.blocks).map((b) => b.action_id)).toEqual([TASKLIST_ACTION.addRow]);
    const cat = input(m, itemBlockId(0, "category"))?.element;
    expect(cat?.type === "static_select" && cat.options?.map((o) => o.text.text)).toEqual(
      locale === "en"
        ? [
            "Party building work arrangement",
            "Party conduct and clean government",
            "Political theory study",
            "Theme party day",
            "Organizational life (three meetings and one lesson)",
            "Service project",
            "Other",
          ]
        : [
            "党建工作安排",
            "党风廉政建设",
            "政治理论学习",
            "主题党日活动",
            "组织生活（三会一课）",
            "为民服务项目",
            "其他",
          ],
    );
  });

  it("with 15 pre-filled items, it stays within 100 blocks, has no add button, and a remove button per row", () => {
    const m = buildListModal(
      view({ ...rowsFromItems(items(MAX_ITEMS)), prefill: "carried-over", returnComment: "fix" }),
      t,
    );
    expect(m.blocks.length).toBeLessThanOrEqual(100);
    const ids = buttons(m.blocks).map((b) => b.action_id);
    expect(ids.filter((a) => a === TASKLIST_ACTION.removeRow)).toHaveLength(15);
    expect(ids).not.toContain(TASKLIST_ACTION.addRow);
    expect(input(m, itemBlockId(14, "title"))?.element).toMatchObject({
      initial_value: expect.stringContaining("Task 15"),
    });
    expect(input(m, itemBlockId(3, "due"))?.element).toMatchObject({ initial_date: "2026-10-13" });
    expect(input(m, itemBlockId(3, "owner"))?.element).toMatchObject({ initial_user: "U0OWN3" });
    expect(json(m.blocks)).toContain(
      locale === "en" ? "last month's unfinished items" : "上月未完成",
    );
  });

  it("adding and removing rows keeps the other rows' block and action ids identical (Slack keeps their values)", () => {
    const v = view(rowsFromItems(items(3)));
    const before = buildListModal(v, t);
    const added = buildListModal(addRow(v), t);
    expect(blockIds(added).slice(0, blockIds(before).length - 1)).toEqual(
      blockIds(before).slice(0, -1),
    );
    expect(input(added, itemBlockId(3, "title"))).toBeDefined();
    const removed = buildListModal(removeRow(addRow(v), 1), t);
    expect(input(removed, itemBlockId(1, "title"))).toBeUndefined();
    expect(input(removed, itemBlockId(2, "title"))?.element.action_id).toBe(
      ITEM_INPUT_ACTION.title,
    );
    expect(parseListModalMetadata(removed.private_metadata)?.rows).toEqual([0, 2, 3]);
    // A new row after a removal never reuses a removed row's number.
    expect(
      parseListModalMetadata(buildListModal(addRow(removeRow(addRow(v), 3)), t).private_metadata)
        ?.rows,
    ).toEqual([0, 1, 2, 4]);
  });

  it("the last row can't be removed and no more than 15 rows can be added", () => {
    const one = view();
    expect(removeRow(one, 0)).toBe(one);
    let v = one;
    for (let i = 0; i < 20; i++) v = addRow(v);
    expect(v.rows).toHaveLength(MAX_ITEMS);
  });

  it("the pre-filled modal read back from its state validates to the same items", () => {
    const v = view(rowsFromItems(items(4)));
    const m = buildListModal(v, t);
    const meta = parsePrivateMetadata("list", m.private_metadata);
    const raw = readItemRows(stateOf(m), meta?.rows ?? []);
    const parsed = parseItemRows(raw, "2026-10");
    expect(
      parsed.ok && parsed.items.map((i) => [i.title, i.category, i.ownerUserId, i.dueDate]),
    ).toEqual(items(4).map((i) => [i.title, i.category, i.ownerUserId, i.dueDate]));
    expect(rowsFromRaw(raw)[2]?.item?.title).toBe(items(4)[2]?.title);
  });

  it("validation errors come back keyed by the input block at fault, in the user's language", () => {
    const raw = [
      { row: 0, title: " ", category: "OTHER" },
      { row: 1, title: "x", category: "OTHER", dueDate: "2027-05-01" },
    ];
    const r = parseItemRows(raw, "2026-10");
    if (r.ok) throw new Error("expected errors");
    const res = inputErrors(r.errors, t);
    expect(res.response_action).toBe("errors");
    expect(Object.keys(res.errors)).toEqual([itemBlockId(0, "title"), itemBlockId(1, "due")]);
    expect(res.errors[itemBlockId(1, "due")]).toContain(
      locale === "en" ? "2027-01-31" : "2027年1月31日",
    );
    expect(res.errors[itemBlockId(0, "title")]).toBe(
      locale === "en" ? "Enter the task." : "请填写任务内容。",
    );
  });

  it("a resubmission shows the committee's comment and names the returned revision", () => {
    const m = buildListModal(
      view({ kind: "resubmit", revision: 2, prefill: "returned", returnComment: "Add *owners*" }),
      t,
    );
    expect(json(m.blocks)).toContain("Add *owners*");
    expect(m.submit?.text).toBe(locale === "en" ? "Resubmit" : "重新报送");
    expect(parsePrivateMetadata("list", m.private_metadata)).toEqual({
      listId: 12,
      branchKey: "resettlement",
      period: "2026-10",
      revision: 2,
      rows: [0],
      nextRow: 1,
    });
  });
});

describe("private_metadata of the task-list modal", () => {
  const good = buildListModal(view(rowsFromItems(items(2))), tr("en")).private_metadata;

  it("carries only ids", () => {
    expect(Object.keys(JSON.parse(good ?? "{}")).sort()).toEqual(["b", "l", "n", "p", "r", "rows"]);
    expect(good).not.toContain("U0SEC");
  });

  it("rejects forged or malformed values", () => {
    const g = JSON.parse(good ?? "{}");
    const forged = [
      "not json",
      "",
      undefined,
      42,
      JSON.stringify({ ...g, userId: "U0CHAIR" }),
      JSON.stringify({ ...g, committee: true }),
      JSON.stringify({ ...g, p: "2026-13" }),
      JSON.stringify({ ...g, l: -1 }),
      JSON.stringify({ ...g, l: "12" }),
      JSON.stringify({ ...g, b: "../etc" }),
      JSON.stringify({ ...g, rows: [0, 0] }),
      JSON.stringify({ ...g, rows: [5], n: 5 }),
      JSON.stringify({ ...g, rows: Array.from({ length: 16 }, (_, i) => i), n: 16 }),
      JSON.stringify({ ...g, rows: [] }),
      JSON.stringify({ ...g, pad: "x".repeat(3000) }),
    ];
    for (const raw of forged) expect(parseListModalMetadata(raw)).toBeNull();
    expect(parseListModalMetadata(good)).not.toBeNull();
  });
});
