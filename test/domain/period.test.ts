import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  dayOfPeriod,
  daysInPeriod,
  isPeriod,
  monthsBetween,
  nextPeriod,
  periodEnd,
  periodOf,
  previousPeriod,
  zonedTime,
} from "../../src/domain/period.ts";

describe("periods", () => {
  it("when it is already the 1st in Shanghai but still the 30th in UTC, then the period is the new month", () => {
    expect(periodOf(new Date("2026-09-30T16:30:00Z"), "Asia/Shanghai")).toBe("2026-10");
    expect(periodOf(new Date("2026-09-30T16:30:00Z"), "Europe/Berlin")).toBe("2026-09");
  });

  it("steps across year ends", () => {
    expect(nextPeriod("2026-12")).toBe("2027-01");
    expect(previousPeriod("2027-01")).toBe("2026-12");
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
  });

  it("clamps a day past the month's end to its last day", () => {
    expect(daysInPeriod("2028-02")).toBe(29);
    expect(dayOfPeriod("2026-02", 31)).toBe("2026-02-28");
    expect(periodEnd("2026-04")).toBe("2026-04-30");
  });

  it("accepts only YYYY-MM", () => {
    expect(isPeriod("2026-10")).toBe(true);
    for (const bad of ["2026-13", "2026-1", "26-10", "2026-10-01", "2026-00"])
      expect(isPeriod(bad)).toBe(false);
  });

  it("next and previous are inverse for any month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const p = `${y}-${String(m).padStart(2, "0")}`;
        expect(previousPeriod(nextPeriod(p))).toBe(p);
        expect(isPeriod(nextPeriod(p))).toBe(true);
      }),
    );
  });
});

describe("zonedTime", () => {
  it("reads a wall-clock time in the zone", () => {
    expect(zonedTime("2026-10-08", "09:00", "Asia/Shanghai").toISOString()).toBe(
      "2026-10-08T01:00:00.000Z",
    );
    expect(zonedTime("2026-01-15", "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(zonedTime("2026-07-15", "09:00", "Europe/Berlin").toISOString()).toBe(
      "2026-07-15T07:00:00.000Z",
    );
  });

  it("when the time falls in the spring-forward gap, then it moves forward by the gap", () => {
    expect(zonedTime("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("when the time occurs twice in autumn, then the earlier instant is chosen", () => {
    expect(zonedTime("2026-10-25", "02:30", "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("rejects a malformed time", () => {
    expect(() => zonedTime("2026-10-08", "9:00", "Asia/Shanghai")).toThrow();
  });
});
