import { describe, expect, it } from "vitest";
import {
  draftFromRows,
  dueDateRange,
  itemBlockId,
  MAX_ITEMS,
  parseDraft,
  parseItemRows,
  type RawItemRow,
} from "../../src/domain/task-list-input.ts";

const row = (n: number, extra: Partial<RawItemRow> = {}): RawItemRow => ({
  row: n,
  title: `Task ${n}`,
  category: "THEORY_STUDY",
  owner: null,
  dueDate: null,
  expectedResult: null,
  ...extra,
});

describe("parseItemRows", () => {
  it("parses valid rows into items, trimming and turning blanks into null", () => {
    const r = parseItemRows(
      [
        row(0, {
          title: "  Study session ",
          owner: "U0A",
          dueDate: "2026-10-20",
          expectedResult: " ",
        }),
      ],
      "2026-10",
    );
    expect(r).toEqual({
      ok: true,
      items: [
        {
          title: "Study session",
          category: "THEORY_STUDY",
          ownerUserId: "U0A",
          dueDate: "2026-10-20",
          expectedResult: null,
        },
      ],
    });
  });

  it("when a title is empty, then the error is on that row's title block", () => {
    const r = parseItemRows([row(0), row(4, { title: "   " })], "2026-10");
    expect(r).toEqual({
      ok: false,
      errors: { tl_item_4_title: { key: "tasklist.input.titleRequired" } },
    });
    expect(itemBlockId(4, "title")).toBe("tl_item_4_title");
  });

  it("when a due date is before the month or more than 3 months after it, then the error is on the due block with the range", () => {
    expect(dueDateRange("2026-10")).toEqual({ min: "2026-10-01", max: "2027-01-31" });
    const early = parseItemRows([row(2, { dueDate: "2026-09-30" })], "2026-10");
    expect(early).toEqual({
      ok: false,
      errors: {
        [itemBlockId(2, "due")]: {
          key: "tasklist.input.dueTooEarly",
          params: { min: "2026-10-01", max: "2027-01-31" },
        },
      },
    });
    const late = parseItemRows([row(3, { dueDate: "2027-02-01" })], "2026-10");
    expect(late.ok ? {} : late.errors[itemBlockId(3, "due")]?.key).toBe(
      "tasklist.input.dueTooLate",
    );
    expect(parseItemRows([row(3, { dueDate: "2027-01-31" })], "2026-10").ok).toBe(true);
  });

  it("rejects an impossible date and a missing category on their blocks", () => {
    const r = parseItemRows([row(0, { dueDate: "2026-02-30", category: null })], "2026-02");
    expect(r.ok ? {} : r.errors).toEqual({
      [itemBlockId(0, "due")]: { key: "tasklist.input.dueInvalid" },
      [itemBlockId(0, "category")]: { key: "tasklist.input.categoryRequired" },
    });
  });

  it("rejects a forged category, owner and over-long fields", () => {
    const r = parseItemRows(
      [
        row(0, {
          category: "PARTY",
          owner: "not-a-user",
          title: "x".repeat(151),
          expectedResult: "y".repeat(501),
        }),
      ],
      "2026-10",
    );
    expect(
      r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v.key])),
    ).toEqual({
      [itemBlockId(0, "title")]: "tasklist.input.titleTooLong",
      [itemBlockId(0, "category")]: "tasklist.input.categoryRequired",
      [itemBlockId(0, "owner")]: "tasklist.input.ownerInvalid",
      [itemBlockId(0, "expected")]: "tasklist.input.expectedTooLong",
    });
  });

  it("when there are more than 15 items, then the first extra row's title block says so", () => {
    const rows = Array.from({ length: MAX_ITEMS + 2 }, (_, i) => row(i + 10));
    const r = parseItemRows(rows, "2026-10");
    expect(r).toEqual({
      ok: false,
      errors: {
        [itemBlockId(25, "title")]: { key: "tasklist.input.tooMany", params: { max: 15 } },
      },
    });
    expect(parseItemRows(rows.slice(0, MAX_ITEMS), "2026-10").ok).toBe(true);
  });
});

describe("drafts", () => {
  it("keeps what was typed, drops empty rows and bad values", () => {
    const d = draftFromRows([
      row(0, { title: " half ", category: "BOGUS", dueDate: "2026-13-01" }),
      row(1, { title: "", category: "OTHER" }),
      row(2, { title: null, owner: "U0A" }),
    ]);
    expect(d).toEqual([
      {
        title: "half",
        category: null,
        ownerUserId: null,
        dueDate: null,
        expectedResult: null,
        planItemId: null,
      },
      {
        title: "",
        category: "THEORY_STUDY",
        ownerUserId: "U0A",
        dueDate: null,
        expectedResult: null,
        planItemId: null,
      },
    ]);
  });

  it("reads a stored draft defensively", () => {
    expect(
      parseDraft([
        { title: "a", category: "OTHER", ownerUserId: null, dueDate: null, expectedResult: null },
      ]),
    ).toHaveLength(1);
    expect(parseDraft({ not: "a list" })).toEqual([]);
    expect(parseDraft([{ title: 5, category: "X" }])).toEqual([
      { title: "", category: null, ownerUserId: null, dueDate: null, expectedResult: null },
    ]);
  });
});
