import { describe, expect, it } from "vitest";
import {
  currentReportPeriod,
  nextQuarter,
  parseReportPeriod,
} from "../../src/domain/report-period.ts";
import { latestQuarterFire, quarterFiresBetween } from "../../src/domain/report-schedule.ts";

const tz = "Asia/Shanghai";

describe("report periods", () => {
  it("reads a month, a quarter and a year with their months and dates", () => {
    expect(parseReportPeriod("month", "2026-12")).toMatchObject({
      key: "2026-12",
      months: ["2026-12"],
      first: "2026-12-01",
      last: "2026-12-31",
    });
    expect(parseReportPeriod("quarter", "2026-q4")).toMatchObject({
      key: "2026-Q4",
      months: ["2026-10", "2026-11", "2026-12"],
      first: "2026-10-01",
      last: "2026-12-31",
    });
    expect(parseReportPeriod("year", "2026")?.months).toHaveLength(12);
  });

  it("refuses a form that belongs to another kind or no kind", () => {
    expect(parseReportPeriod("month", "2026-Q4")).toBeNull();
    expect(parseReportPeriod("quarter", "2026-Q5")).toBeNull();
    expect(parseReportPeriod("year", "26")).toBeNull();
    expect(parseReportPeriod("month", "2026-13")).toBeNull();
  });

  it("takes the current period in the org's zone", () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai.
    const now = new Date("2026-12-31T17:00:00Z");
    expect(currentReportPeriod("month", now, tz).key).toBe("2027-01");
    expect(currentReportPeriod("quarter", now, tz).key).toBe("2027-Q1");
    expect(currentReportPeriod("quarter", now, "UTC").key).toBe("2026-Q4");
    expect(nextQuarter(parseReportPeriod("quarter", "2026-Q4")!).key).toBe("2027-Q1");
  });
});

describe("quarter summary schedule", () => {
  it("fires on the first day of the next quarter at the reminder time", () => {
    const fire = latestQuarterFire(new Date("2027-01-01T01:00:00Z"), "09:00", tz);
    expect(fire.quarter.key).toBe("2026-Q4");
    expect(fire.at.toISOString()).toBe("2027-01-01T01:00:00.000Z");
    const before = latestQuarterFire(new Date("2027-01-01T00:59:00Z"), "09:00", tz);
    expect(before.quarter.key).toBe("2026-Q3");
  });

  it("lists the fires between two times, the end included", () => {
    const fires = quarterFiresBetween(
      new Date("2026-06-01T00:00:00Z"),
      new Date("2027-01-01T01:00:00Z"),
      "09:00",
      tz,
    );
    expect(fires.map((f) => f.quarter.key)).toEqual(["2026-Q2", "2026-Q3", "2026-Q4"]);
  });
});
