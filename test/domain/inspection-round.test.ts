import { describe, expect, it } from "vitest";
import type { CalendarSettings } from "../../src/domain/calendar.ts";
import { ranking, weakItems } from "../../src/domain/inspection-compare.ts";
import {
  isRoundOpen,
  kindsIn,
  parseRoundKey,
  roundDates,
  roundFireAt,
  roundKey,
  roundPeriodsFrom,
  scoreError,
} from "../../src/domain/inspection-round.ts";

const china: CalendarSettings = { timezone: "Asia/Shanghai" };
const settings = { mutual: { months: [6, 12] }, supervision: { months: [3, 6, 9, 12] } };

describe("the round calendar", () => {
  it("a round opens on the first working day of its month (after the National Day holiday)", () => {
    expect(roundDates(china, "2025-10").opensOn).toBe("2025-10-09");
    expect(roundDates(china, "2027-03").opensOn).toBe("2027-03-01");
    // 2026-02-01 is a Sunday.
    expect(roundDates(china, "2026-02").opensOn).toBe("2026-02-02");
  });

  it("the window is 15 days by default, counted from the opening day", () => {
    expect(roundDates(china, "2027-03")).toEqual({ opensOn: "2027-03-01", closesOn: "2027-03-15" });
    expect(roundDates(china, "2027-03", 5).closesOn).toBe("2027-03-05");
    expect(isRoundOpen(roundDates(china, "2027-03"), "2027-03-15")).toBe(true);
    expect(isRoundOpen(roundDates(china, "2027-03"), "2027-03-16")).toBe(false);
  });

  it("the org's own holidays move the opening day", () => {
    const cal = { ...china, holidays: ["2027-03-01"] };
    expect(roundDates(cal, "2027-03").opensOn).toBe("2027-03-02");
  });

  it("fires at the opening day's time in the org's zone", () => {
    expect(roundFireAt(china, "2027-03", "09:00").toISOString()).toBe("2027-03-01T01:00:00.000Z");
  });

  it("June and December have both kinds, March and September supervision only", () => {
    expect(kindsIn(settings, "2027-06")).toEqual(["mutual", "supervision"]);
    expect(kindsIn(settings, "2027-09")).toEqual(["supervision"]);
    expect(kindsIn(settings, "2027-07")).toEqual([]);
    expect(roundPeriodsFrom(settings, "2027-04", 3)).toEqual(["2027-06", "2027-09", "2027-12"]);
  });

  it("round keys read back", () => {
    expect(parseRoundKey(roundKey("mutual", "2027-06"))).toEqual({
      kind: "mutual",
      period: "2027-06",
    });
    expect(parseRoundKey("mutual:2027-13")).toBeNull();
  });
});

describe("scores", () => {
  const item = { key: "dues", maxScore: 20 };
  it("a score from 0 to the item's maximum is fine", () => {
    expect(scoreError("0", item)).toBeNull();
    expect(scoreError(" 20 ", item)).toBeNull();
    expect(scoreError("12.5", item)).toBeNull();
  });
  it("above the maximum, negative, not a number, or missing is named", () => {
    expect(scoreError("21", item)).toBe("above-max");
    expect(scoreError("-1", item)).toBe("negative");
    expect(scoreError("ten", item)).toBe("not-a-number");
    expect(scoreError("", item)).toBe("missing");
  });
});

describe("the comparison", () => {
  const checklist = [
    { key: "a", maxScore: 10 },
    { key: "b", maxScore: 10 },
  ];
  it("ranks by total, shares ranks on ties, and compares with the previous round", () => {
    const rows = ranking(
      [
        { branchKey: "x", scores: { a: 10, b: 5 } },
        { branchKey: "y", scores: { a: 8, b: 9 } },
        { branchKey: "z", scores: { a: 9, b: 6 } },
      ],
      [{ branchKey: "y", scores: { a: 5, b: 5 } }],
    );
    expect(rows).toEqual([
      { branchKey: "y", total: 17, rank: 1, change: 7 },
      { branchKey: "x", total: 15, rank: 2, change: null },
      { branchKey: "z", total: 15, rank: 2, change: null },
    ]);
  });
  it("names the items where most branches lost points", () => {
    expect(
      weakItems(checklist, [
        { branchKey: "x", scores: { a: 10, b: 5 } },
        { branchKey: "y", scores: { a: 8, b: 9 } },
      ]),
    ).toEqual([
      { key: "b", branchesLosing: 2, pointsLost: 6 },
      { key: "a", branchesLosing: 1, pointsLost: 2 },
    ]);
  });
});
