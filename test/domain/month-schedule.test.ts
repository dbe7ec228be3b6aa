import { describe, expect, it } from "vitest";
import {
  approvalReminderDue,
  isOnTime,
  monthSchedule,
  occurrenceKey,
  occurrencesBetween,
  periodForRun,
  type ScheduleSettings,
} from "../../src/domain/month-schedule.ts";

const shanghai = { timezone: "Asia/Shanghai" };
const berlin = { timezone: "Europe/Berlin" };
const settings: ScheduleSettings = {
  monthlyReminder: { day: 1, time: "09:00" },
  followUps: [{ day: 3, time: "09:00" }],
  deadline: { day: 5, time: "18:00" },
};
const iso = (d: Date) => d.toISOString();

describe("monthSchedule", () => {
  it("when day 1 of 2026-10 is National Day, then the reminder moves to 10-08 09:00 local (01:00Z), explaining why", () => {
    const s = monthSchedule(settings, shanghai, "2026-10");
    expect(iso(s.reminder.at)).toBe("2026-10-08T01:00:00.000Z");
    expect(s.reminder).toMatchObject({
      date: "2026-10-08",
      scheduledDate: "2026-10-01",
      moved: true,
      movedBecause: { kind: "holiday", source: "statutory" },
    });
    expect(s.reminder.movedBecause?.name).toContain("国庆节");
    expect(iso(s.deadline.at)).toBe("2026-10-08T10:00:00.000Z");
  });

  it("when a follow-up would move onto the reminder itself, then it is skipped", () => {
    const s = monthSchedule(settings, shanghai, "2026-10");
    expect(s.followUps[0]?.skipped).toBe(true);
    expect(monthSchedule(settings, shanghai, "2026-09").followUps[0]?.skipped).toBeUndefined();
  });

  it("when the day is a make-up working Saturday, then it stays", () => {
    const s = monthSchedule(
      { ...settings, monthlyReminder: { day: 14, time: "09:00" } },
      shanghai,
      "2026-02",
    );
    expect(s.reminder).toMatchObject({ date: "2026-02-14", moved: false });
    expect(iso(s.reminder.at)).toBe("2026-02-14T01:00:00.000Z");
  });

  it("when working days are 'as-is', then a holiday is kept", () => {
    const s = monthSchedule({ ...settings, workingDays: "as-is" }, shanghai, "2026-10");
    expect(s.reminder).toMatchObject({ date: "2026-10-01", moved: false });
    expect(iso(s.reminder.at)).toBe("2026-10-01T01:00:00.000Z");
  });

  it("when the org declares its own holiday, then the reminder moves past it", () => {
    const s = monthSchedule(settings, { ...shanghai, holidays: ["2026-09-01"] }, "2026-09");
    expect(s.reminder).toMatchObject({ date: "2026-09-02", movedBecause: { source: "org" } });
  });

  it("in Berlin, 09:00 is 08:00Z in winter and 07:00Z in summer, and a weekend moves to Monday", () => {
    expect(iso(monthSchedule(settings, berlin, "2026-03").reminder.at)).toBe(
      "2026-03-02T08:00:00.000Z",
    );
    expect(iso(monthSchedule(settings, berlin, "2026-04").reminder.at)).toBe(
      "2026-04-01T07:00:00.000Z",
    );
    const nov = monthSchedule(settings, berlin, "2026-11");
    expect(nov.reminder).toMatchObject({ scheduledDate: "2026-11-01", date: "2026-11-02" });
    expect(iso(nov.reminder.at)).toBe("2026-11-02T08:00:00.000Z");
  });

  it("in Berlin, a time in the DST gap fires an hour later on the wall clock", () => {
    const s = monthSchedule(
      { ...settings, workingDays: "as-is", deadline: { day: 29, time: "02:30" } },
      berlin,
      "2026-03",
    );
    expect(iso(s.deadline.at)).toBe("2026-03-29T01:30:00.000Z");
  });

  it("a day past the month's end is its last day", () => {
    const s = monthSchedule(
      { ...settings, deadline: { day: 31, time: "18:00" } },
      berlin,
      "2026-04",
    );
    expect(s.deadline.scheduledDate).toBe("2026-04-30");
  });

  it("the month-end summary goes out with the next month's reminder", () => {
    const s = monthSchedule(settings, shanghai, "2026-09");
    expect(iso(s.monthEndSummary.at)).toBe("2026-10-08T01:00:00.000Z");
  });
});

describe("occurrencesBetween", () => {
  it("lists October 2026's fire times in order, keyed by occurrence", () => {
    const list = occurrencesBetween(
      settings,
      shanghai,
      new Date("2026-10-01T00:00:00Z"),
      new Date("2026-11-01T00:00:00Z"),
    );
    expect(list.map((o) => `${occurrenceKey(o)}@${iso(o.fire.at)}`)).toEqual([
      "month-end-summary:2026-09@2026-10-08T01:00:00.000Z",
      "monthly-reminder:2026-10@2026-10-08T01:00:00.000Z",
      "submission-deadline:2026-10@2026-10-08T10:00:00.000Z",
    ]);
  });

  it("includes from and excludes to", () => {
    const at = new Date("2026-09-01T01:00:00Z");
    const list = occurrencesBetween(settings, shanghai, at, new Date("2026-09-03T01:00:00Z"));
    expect(list.map(occurrenceKey)).toEqual([
      "month-end-summary:2026-08",
      "monthly-reminder:2026-09",
    ]);
  });

  it("numbers follow-ups", () => {
    const two = {
      ...settings,
      followUps: [
        { day: 3, time: "09:00" },
        { day: 4, time: "09:00" },
      ],
    };
    const list = occurrencesBetween(
      two,
      berlin,
      new Date("2026-06-01T00:00:00Z"),
      new Date("2026-06-30T00:00:00Z"),
    );
    expect(list.filter((o) => o.job === "submission-followup").map(occurrenceKey)).toEqual([
      "submission-followup:2026-06#0",
      "submission-followup:2026-06#1",
    ]);
  });
});

describe("periodForRun", () => {
  it("when the October reminder has not fired yet, then a reminder run is for September", () => {
    const o = periodForRun(
      settings,
      shanghai,
      "monthly-reminder",
      new Date("2026-10-05T00:00:00Z"),
    );
    expect(o?.period).toBe("2026-09");
  });

  it("at or after the moved October reminder, a run is for October", () => {
    expect(
      periodForRun(settings, shanghai, "monthly-reminder", new Date("2026-10-08T01:00:00Z"))
        ?.period,
    ).toBe("2026-10");
    expect(
      periodForRun(settings, shanghai, "monthly-reminder", new Date("2026-10-31T15:00:00Z"))
        ?.period,
    ).toBe("2026-10");
  });

  it("a follow-up run names its index", () => {
    const o = periodForRun(
      settings,
      berlin,
      "submission-followup",
      new Date("2026-06-10T12:00:00Z"),
    );
    expect(o).toMatchObject({ period: "2026-06", index: 0 });
  });

  it("a month-end summary run in early November is for October", () => {
    const o = periodForRun(
      settings,
      shanghai,
      "month-end-summary",
      new Date("2026-11-02T02:00:00Z"),
    );
    expect(o?.period).toBe("2026-10");
  });
});

describe("on time and approval reminders", () => {
  const deadline = new Date("2026-10-08T10:00:00Z");
  it("a first submission at the deadline is on time, one after it late, none is not on time", () => {
    expect(isOnTime(deadline, deadline)).toBe(true);
    expect(isOnTime(new Date("2026-10-08T10:00:01Z"), deadline)).toBe(false);
    expect(isOnTime(null, deadline)).toBe(false);
  });

  it("reminds after the threshold, then not again within it", () => {
    const since = new Date("2026-10-08T00:00:00Z");
    const h = (n: number) => new Date(since.getTime() + n * 3600_000);
    expect(approvalReminderDue({ approvalReminderHours: 24 }, since, null, h(23))).toBe(false);
    expect(approvalReminderDue({ approvalReminderHours: 24 }, since, null, h(24))).toBe(true);
    expect(approvalReminderDue({ approvalReminderHours: 24 }, since, h(24), h(30))).toBe(false);
    expect(approvalReminderDue({ approvalReminderHours: 24 }, since, h(24), h(48))).toBe(true);
    expect(approvalReminderDue({}, since, null, h(47))).toBe(false);
  });
});
