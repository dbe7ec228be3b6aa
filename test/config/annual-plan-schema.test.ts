import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";

const file = (annualPlan: string) => `organization:
  name: Test Committee
  timezone: Asia/Shanghai
committee:
  channel: C0COMMITTEE
  members: [U0CHAIR]
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
${annualPlan}
`;

function errorsOf(text: string) {
  const result = parseOrgFile(text, "org.yml");
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(({ path, line, message }) => ({ path, line, message }));
}

describe("schedules.annualPlan", () => {
  it("the issue's example parses, with the quarter tracking at 09:00 by default", () => {
    const result = parseOrgFile(
      file(
        '  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }',
      ),
      "org.yml",
    );
    expect(result.ok && result.org.schedules.annualPlan).toStrictEqual({
      month: 1,
      day: 5,
      time: "09:00",
      deadline: { month: 1, day: 31, time: "18:00" },
      trackingTime: "09:00",
    });
  });

  it("is optional: an older file stays valid and has no annual plan schedule", () => {
    const result = parseOrgFile(file(""), "org.yml");
    expect(result.ok && result.org.schedules.annualPlan).toBeUndefined();
  });

  it("a deadline before the reminder is an error at the deadline's line", () => {
    const text = file(`  annualPlan:
    month: 2
    day: 1
    time: "09:00"
    deadline:
      month: 1
      day: 31
      time: "18:00"`);
    expect(errorsOf(text)).toEqual([
      {
        path: "schedules.annualPlan.deadline",
        line: 14,
        message:
          "the deadline (month 1 day 31 18:00) must come after the annual reminder (month 2 day 1 09:00) in the same year",
      },
    ]);
  });

  it("a day the month does not have, a month 13 and a bad time each name their field and line", () => {
    const text = file(`  annualPlan:
    month: 13
    day: 5
    time: "9:00"
    deadline: { month: 2, day: 30, time: "18:00" }`);
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "schedules.annualPlan.month", line: 11 }),
        expect.objectContaining({ path: "schedules.annualPlan.time", line: 13 }),
      ]),
    );
    expect(errors.find((e) => e.path === "schedules.annualPlan.month")?.message).toContain(
      "a month from 1 to 12",
    );
    const shortFeb = errorsOf(
      file(
        '  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 2, day: 30, time: "18:00" } }',
      ),
    );
    expect(shortFeb).toEqual([
      {
        path: "schedules.annualPlan.deadline.day",
        line: 10,
        message: "month 2 has 28 days (every year): got day 30",
      },
    ]);
  });

  it("an unknown key is refused with its line", () => {
    const errors = errorsOf(
      file(
        '  annualPlan: { month: 1, day: 5, time: "09:00", deadlin: { month: 1, day: 31, time: "18:00" } }',
      ),
    );
    expect(errors.every((e) => e.line === 10)).toBe(true);
    expect(errors.map((e) => e.path)).toContain("schedules.annualPlan.deadlin");
  });
});
