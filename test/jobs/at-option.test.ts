import { describe, expect, it } from "vitest";
import { AtOptionError, parseAtOption } from "../../src/jobs/at-option.ts";

describe("parseAtOption", () => {
  it("reads a time without an offset as the org's wall clock", () => {
    const expected = "2026-12-01T01:00:00.000Z";
    for (const text of [
      "2026-12-01T09:00",
      "2026-12-01 09:00",
      "2026-12-01T09:00:00",
      "2026-12-01T09:00:00.000",
      "2026-12-01T01:00:00Z",
      "2026-12-01T01:00Z",
      "2026-12-01T09:00:00+08:00",
      "2026-12-01T09:00+0800",
      "2026-11-30T20:00:00-05:00",
    ]) {
      expect(parseAtOption(text, "Asia/Shanghai").toISOString(), text).toBe(expected);
    }
  });

  it("reads a date alone as local midnight", () => {
    expect(parseAtOption("2026-12-01", "Asia/Shanghai").toISOString()).toBe(
      "2026-11-30T16:00:00.000Z",
    );
  });

  it("follows daylight saving time in the org's zone", () => {
    expect(parseAtOption("2026-07-01T09:00", "America/New_York").toISOString()).toBe(
      "2026-07-01T13:00:00.000Z",
    );
    expect(parseAtOption("2026-12-01T09:00", "America/New_York").toISOString()).toBe(
      "2026-12-01T14:00:00.000Z",
    );
  });

  it("refuses what is not an ISO 8601 time, naming the expected form", () => {
    for (const text of ["tomorrow", "2026-13-01T09:00", "2026-02-30", "2026-12-01T25:00", ""]) {
      expect(() => parseAtOption(text, "Asia/Shanghai"), text).toThrow(AtOptionError);
    }
    expect(() => parseAtOption("tomorrow", "UTC")).toThrow(/2026-12-01T09:00/);
  });
});
