import { describe, expect, it } from "vitest";
import {
  checkNewDate,
  dueDuringMonth,
  itemsDueInMonth,
  planItemRefusal,
} from "../../src/domain/annual-plan-months.ts";
import type { Actor } from "../../src/domain/task-list.ts";

const secretary: Actor = {
  userId: "U0SEC1",
  secretaryOf: ["resettlement"],
  committeeMember: false,
};

describe("the plans in the months", () => {
  it("when an item targets a month or a quarter, then it is due in that month or each of the quarter's", () => {
    expect(dueDuringMonth({ month: 4 }, 4)).toBe(true);
    expect(dueDuringMonth({ month: 4 }, 5)).toBe(false);
    expect([3, 4, 5, 6, 7].map((m) => dueDuringMonth({ quarter: 2 }, m))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it("when items are done, then they are not due any more", () => {
    const items = [
      { status: "OPEN" as const, target: { month: 4 }, n: 1 },
      { status: "DONE" as const, target: { month: 4 }, n: 2 },
      { status: "OPEN" as const, target: { quarter: 2 }, n: 3 },
      { status: "OPEN" as const, target: { month: 9 }, n: 4 },
    ];
    expect(itemsDueInMonth(items, 4).map((i) => i.n)).toEqual([1, 3]);
  });

  it("when someone else than the branch's secretaries changes an item, then it is refused", () => {
    const item = { branchKey: "resettlement", inForce: true, status: "OPEN" as const };
    expect(planItemRefusal(item, secretary, "done")).toBeNull();
    expect(planItemRefusal(item, { ...secretary, secretaryOf: ["finance"] }, "done")).toBe(
      "not-secretary",
    );
    expect(planItemRefusal({ ...item, inForce: false }, secretary, "done")).toBe("not-in-force");
    expect(planItemRefusal({ ...item, status: "DONE" }, secretary, "move")).toBe("already-done");
  });

  it("when a new date is given, then it needs a reason and a date after today in the year", () => {
    expect(checkNewDate({ date: "2027-07-20", reason: " ill " }, 2027, "2027-04-01")).toEqual({
      ok: true,
      date: "2027-07-20",
      target: { month: 7 },
      reason: "ill",
    });
    expect(checkNewDate({ date: null, reason: "" }, 2027, "2027-04-01")).toEqual({
      ok: false,
      errors: [
        { field: "reason", error: "reasonRequired" },
        { field: "date", error: "dateRequired" },
      ],
    });
    expect(checkNewDate({ date: "2028-01-02", reason: "x" }, 2027, "2027-04-01")).toMatchObject({
      errors: [{ field: "date", error: "dateOutsideYear" }],
    });
    expect(checkNewDate({ date: "2027-04-01", reason: "x" }, 2027, "2027-04-01")).toMatchObject({
      errors: [{ field: "date", error: "dateNotAfterToday" }],
    });
    expect(
      checkNewDate({ date: "2027-05-01", reason: "x".repeat(301) }, 2027, "2027-04-01"),
    ).toMatchObject({ errors: [{ field: "reason", error: "reasonTooLong" }] });
  });
});
