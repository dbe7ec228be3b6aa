/**
 * The round-trip jobs' occurrences: keyed by month (follow-ups by month and index), in the
 * org's zone, moved off days that are not working days; the approval reminder once a working day.
 */
import { describe, expect, it } from "vitest";
import type { JobOrg } from "../../../src/jobs/define.ts";
import { approvalReminderJob } from "../../../src/jobs/tasklist/approval-reminder.ts";
import { monthEndSummaryJob } from "../../../src/jobs/tasklist/month-end-summary.ts";
import { parseMonthKey } from "../../../src/jobs/tasklist/month-job.ts";
import { monthlyReminderJob } from "../../../src/jobs/tasklist/monthly-reminder.ts";
import { submissionDeadlineJob } from "../../../src/jobs/tasklist/submission-deadline.ts";
import { submissionFollowUpJob } from "../../../src/jobs/tasklist/submission-followup.ts";
import { parseResultRef, tasklistKeys } from "../../../src/services/tasklist/keys.ts";

const org: JobOrg = {
  timezone: "Asia/Shanghai",
  locale: "zh-CN",
  firstAppliedAt: new Date("2020-01-01T00:00:00Z"),
  settings: {
    schedules: {
      monthlyReminder: { day: 1, time: "09:00" },
      followUps: [
        { day: 3, time: "09:00" },
        { day: 4, time: "15:00" },
      ],
      deadline: { day: 5, time: "18:00" },
      workingDays: "next-working-day",
      approvalReminderHours: 48,
      catchUpWindowHours: 24,
    },
    calendar: { holidays: ["2027-02-08"], workdays: [], useStatutoryHolidays: true },
  },
};
const at = (iso: string) => new Date(iso);

describe("month jobs", () => {
  it("when run at any time of the month, then the occurrence is that month's (latest fired)", () => {
    expect(monthlyReminderJob.occurrenceFor(org, at("2026-12-01T01:00:00Z"))).toEqual({
      key: "2026-12",
      fireAt: at("2026-12-01T01:00:00Z"),
    });
    expect(monthlyReminderJob.occurrenceFor(org, at("2026-12-20T00:00:00Z"))?.key).toBe("2026-12");
    // A minute before December's reminder, the run is November's.
    expect(monthlyReminderJob.occurrenceFor(org, at("2026-12-01T00:59:00Z"))?.key).toBe("2026-11");
  });

  it("when the day is a holiday or weekend, then it fires on the next working day", () => {
    // 1–7 October 2026 is the National Day holiday: the reminder moves to the 8th.
    expect(monthlyReminderJob.occurrenceFor(org, at("2026-10-08T01:00:00Z"))).toEqual({
      key: "2026-10",
      fireAt: at("2026-10-08T01:00:00Z"),
    });
    expect(monthlyReminderJob.occurrenceFor(org, at("2026-10-07T12:00:00Z"))?.key).toBe("2026-09");
    // 5 December 2026 is a Saturday: the deadline moves to Monday the 7th, 18:00.
    expect(submissionDeadlineJob.occurrenceFor(org, at("2026-12-07T10:00:00Z"))).toEqual({
      key: "2026-12",
      fireAt: at("2026-12-07T10:00:00Z"),
    });
  });

  it("follow-ups are keyed by month and index; the summary of a month fires early next month", () => {
    const between = submissionFollowUpJob.occurrencesBetween(
      org,
      at("2026-12-01T01:00:00Z"),
      at("2026-12-31T00:00:00Z"),
    );
    expect(between).toEqual([
      { key: "2026-12#0", fireAt: at("2026-12-03T01:00:00Z") },
      { key: "2026-12#1", fireAt: at("2026-12-04T07:00:00Z") },
    ]);
    expect(monthEndSummaryJob.occurrenceFor(org, at("2027-01-04T01:00:00Z"))?.key).toBe("2026-12");
    expect(parseMonthKey("2026-12#1")).toEqual({ period: "2026-12", index: 1 });
    expect(() => parseMonthKey("2026-13")).toThrow();
  });

  it("occurrencesBetween includes a fire time equal to `to` and excludes one equal to `from`", () => {
    const fire = at("2026-12-01T01:00:00Z");
    expect(monthlyReminderJob.occurrencesBetween(org, at("2026-11-30T00:00:00Z"), fire)).toEqual([
      { key: "2026-12", fireAt: fire },
    ]);
    expect(monthlyReminderJob.occurrencesBetween(org, fire, at("2026-12-02T00:00:00Z"))).toEqual(
      [],
    );
  });
});

describe("approval-reminder", () => {
  it("fires once a working day at the reminder's time, keyed by the local date", () => {
    const days = approvalReminderJob
      .occurrencesBetween(org, at("2026-12-03T02:00:00Z"), at("2026-12-08T02:00:00Z"))
      .map((o) => o.key);
    // Friday the 4th, (weekend skipped) Monday the 7th, Tuesday the 8th.
    expect(days).toEqual(["2026-12-04", "2026-12-07", "2026-12-08"]);
    expect(approvalReminderJob.occurrenceFor(org, at("2026-12-06T12:00:00Z"))).toEqual({
      key: "2026-12-04",
      fireAt: at("2026-12-04T01:00:00Z"),
    });
    // The org's own holiday counts too.
    expect(
      approvalReminderJob
        .occurrencesBetween(org, at("2027-02-07T00:00:00Z"), at("2027-02-10T00:00:00Z"))
        .map((o) => o.key),
    ).not.toContain("2027-02-08");
  });
});

describe("outbox identities", () => {
  it("a post's key is its result ref; only posts whose ts is needed have one", () => {
    expect(parseResultRef(tasklistKeys.reminder(12))).toEqual({ kind: "reminder", listId: 12 });
    expect(parseResultRef(tasklistKeys.committee(12, 3))).toEqual({
      kind: "committee",
      listId: 12,
      revision: 3,
    });
    expect(parseResultRef(tasklistKeys.plan(7))).toEqual({ kind: "plan", listId: 7 });
    expect(parseResultRef(tasklistKeys.update(tasklistKeys.reminder(12), "v3"))).toBeNull();
    expect(parseResultRef("lecture:12:notice")).toBeNull();
  });
});
