import { describe, expect, it } from "vitest";
import {
  checkReschedule,
  deadlineFire,
  dueInMonth,
  firstPlanMonth,
  inQuarter,
  MAX_PLAN_ITEMS,
  type PlanSettings,
  parsePlanRows,
  parseQuarterKey,
  parseTarget,
  planOccurrenceFor,
  planOccurrencesBetween,
  quarterKey,
  reminderFire,
  standingOf,
  targetCode,
  trackingFire,
} from "../../src/domain/annual-plan.ts";

const rules = { firstMonth: 1, branchPeople: new Set(["U0SEC1", "U0A"]) };

describe("plan rows", () => {
  it("blank rows are dropped; filled rows become items with their target", () => {
    const parsed = parsePlanRows(
      [
        {
          row: 0,
          title: " Party lecture ",
          target: "q2",
          owner: "U0A",
          expectedResult: "1 lecture",
        },
        { row: 1 },
        { row: 2, title: "Study day", target: "m3" },
      ],
      rules,
    );
    expect(parsed).toEqual({
      ok: true,
      items: [
        {
          title: "Party lecture",
          target: { quarter: 2 },
          ownerUserId: "U0A",
          expectedResult: "1 lecture",
        },
        { title: "Study day", target: { month: 3 }, ownerUserId: null, expectedResult: null },
      ],
    });
  });

  it("no target, a target before the plan's first month, an owner outside the branch: errors on their rows", () => {
    const parsed = parsePlanRows(
      [
        { row: 0, title: "No target" },
        { row: 3, title: "Too early", target: "m6" },
        { row: 4, title: "Stranger", target: "q4", owner: "U0OTHER" },
      ],
      { ...rules, firstMonth: 7 },
    );
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { row: 0, field: "target", error: "targetRequired" },
        { row: 3, field: "target", error: "targetOutsideYear", params: { month: 7 } },
        { row: 4, field: "owner", error: "ownerNotInBranch" },
      ],
    });
  });

  it("more than 40 items is refused on the first row past the limit; nothing else is checked twice", () => {
    const rows = Array.from({ length: MAX_PLAN_ITEMS + 1 }, (_, row) => ({
      row,
      title: `Item ${row + 1}`,
      target: "q1",
    }));
    expect(parsePlanRows(rows, rules)).toEqual({
      ok: false,
      errors: [{ row: 40, field: "title", error: "tooMany", params: { max: 40 } }],
    });
  });

  it("an empty plan says so on its first row", () => {
    expect(parsePlanRows([{ row: 0 }], rules)).toEqual({
      ok: false,
      errors: [{ row: 0, field: "title", error: "noItems" }],
    });
  });
});

describe("targets and standing", () => {
  it("codes round-trip; nonsense is no target", () => {
    expect(parseTarget(targetCode({ month: 11 }))).toEqual({ month: 11 });
    expect(parseTarget("q4")).toEqual({ quarter: 4 });
    expect(parseTarget("q5")).toBeNull();
    expect(parseTarget("m13")).toBeNull();
    expect(parseTarget(undefined)).toBeNull();
  });

  it("a quarter's item is due in the quarter's last month; quarters hold their months' items", () => {
    expect(dueInMonth({ quarter: 2 }, 6)).toBe(true);
    expect(dueInMonth({ quarter: 2 }, 4)).toBe(false);
    const items = [{ target: { month: 5 } }, { target: { quarter: 2 } }, { target: { month: 7 } }];
    expect(inQuarter(items, 2)).toHaveLength(2);
  });

  it("open past the target's month is overdue; before it in progress; done is done", () => {
    const open = { status: "OPEN" as const, target: { quarter: 1 } };
    expect(standingOf(open, 2027, "2027-03-31")).toBe("in-progress");
    expect(standingOf(open, 2027, "2027-04-01")).toBe("overdue");
    expect(standingOf({ ...open, status: "DONE" }, 2027, "2027-04-01")).toBe("done");
  });

  it("a reschedule needs a target in the year and a reason", () => {
    expect(checkReschedule({ target: "q3", reason: "  " }, 1)).toEqual({
      ok: false,
      error: "reasonRequired",
    });
    expect(checkReschedule({ target: "m2", reason: "x" }, 7)).toEqual({
      ok: false,
      error: "targetOutsideYear",
    });
    expect(checkReschedule({ target: "q3", reason: " venue closed " }, 1)).toEqual({
      ok: true,
      target: { quarter: 3 },
      reason: "venue closed",
    });
  });

  it("a branch created in July plans from July; an older branch from January", () => {
    expect(firstPlanMonth(2027, "2027-07-14")).toBe(7);
    expect(firstPlanMonth(2027, "2025-03-01")).toBe(1);
  });
});

describe("fire times", () => {
  const settings: PlanSettings = {
    schedule: {
      month: 1,
      day: 2,
      time: "09:00",
      deadline: { month: 1, day: 31, time: "18:00" },
      trackingTime: "10:00",
    },
    calendar: { timezone: "Asia/Shanghai", useStatutoryHolidays: false },
    workingDays: "next-working-day",
  };

  it("the reminder moves off a weekend (2027-01-02 is a Saturday); as-is keeps it", () => {
    expect(reminderFire(settings, 2027)).toEqual({
      date: "2027-01-04",
      at: new Date("2027-01-04T01:00:00Z"),
    });
    expect(reminderFire({ ...settings, workingDays: "as-is" }, 2027).date).toBe("2027-01-02");
    expect(deadlineFire(settings, 2027).date).toBe("2027-02-01");
  });

  it("a quarter's tracking fires on the first working day after it, the fourth in January", () => {
    expect(trackingFire(settings, 2027, 1)).toEqual({
      date: "2027-04-01",
      at: new Date("2027-04-01T02:00:00Z"),
    });
    expect(trackingFire(settings, 2027, 4).date).toBe("2028-01-03");
  });

  it("quarter keys round-trip", () => {
    expect(parseQuarterKey(quarterKey({ year: 2027, quarter: 3 }))).toEqual({
      year: 2027,
      quarter: 3,
    });
    expect(parseQuarterKey("2027-Q5")).toBeNull();
  });

  it("a run is keyed by its occurrence: the year for the reminder, year and quarter for tracking", () => {
    const at = new Date("2027-05-20T00:00:00Z");
    expect(planOccurrenceFor(settings, "annual-plan-reminder", at)).toEqual({
      key: "2027",
      fireAt: new Date("2027-01-04T01:00:00Z"),
    });
    expect(planOccurrenceFor(settings, "quarter-tracking", at)?.key).toBe("2027-Q1");
    expect(
      planOccurrenceFor(settings, "quarter-tracking", new Date("2027-01-10T00:00:00Z"))?.key,
    ).toBe("2026-Q4");
    expect(
      planOccurrencesBetween(
        settings,
        "quarter-tracking",
        new Date("2027-01-01T00:00:00Z"),
        new Date("2027-12-31T00:00:00Z"),
      ).map((o) => o.key),
    ).toEqual(["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"]);
  });
});
