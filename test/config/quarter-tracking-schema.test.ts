import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import { planSettingsOf } from "../../src/services/annual-plans/org.ts";

const file = (extra: string) => `organization:
  name: Test Committee
  timezone: Asia/Shanghai
committee:
  channel: C0COMMITTEE
  members: [U0CHAIR]
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
${extra}
`;

describe("schedules.quarterTracking", () => {
  it("sets the time of each quarter's tracking (first working day after the quarter)", () => {
    const result = parseOrgFile(file('  quarterTracking: { time: "14:30" }'), "org.yml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.org.schedules.quarterTracking).toEqual({ time: "14:30" });
    const settings = planSettingsOf(
      { schedules: result.org.schedules, calendar: { useStatutoryHolidays: false } },
      "Asia/Shanghai",
    );
    expect(settings?.schedule.trackingTime).toBe("14:30");
  });

  it("is optional: without it the tracking runs at 09:00", () => {
    const result = parseOrgFile(file(""), "org.yml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.org.schedules.quarterTracking).toBeUndefined();
    expect(
      planSettingsOf({ schedules: result.org.schedules }, "Asia/Shanghai")?.schedule.trackingTime,
    ).toBe("09:00");
  });

  it("a bad time or an unknown key names its field and line", () => {
    const result = parseOrgFile(
      file('  quarterTracking:\n    time: "25:00"\n    day: 3'),
      "org.yml",
    );
    if (result.ok) throw new Error("expected errors");
    const errors = result.errors.map(({ path, line }) => ({ path, line }));
    expect(errors).toEqual(
      expect.arrayContaining([{ path: "schedules.quarterTracking.time", line: 12 }]),
    );
    expect(errors.some((e) => e.path.startsWith("schedules.quarterTracking"))).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
