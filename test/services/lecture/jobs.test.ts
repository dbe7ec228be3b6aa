/** The lecture jobs' occurrences: what fires when, keyed so that any spelling runs once. */
import { describe, expect, it } from "vitest";
import { parseOrgFile } from "../../../src/config/org-file.ts";
import type { JobOrg } from "../../../src/jobs/define.ts";
import { classRepJob } from "../../../src/jobs/lecture/class-reps.ts";
import { lectureNoticeJob } from "../../../src/jobs/lecture/notice.ts";
import { speakerReminderJob } from "../../../src/jobs/lecture/speaker-reminder.ts";
import { swapExpiryJob } from "../../../src/jobs/lecture/swap-expiry.ts";
import { type OrgOptions, orgText } from "./helpers.ts";

function jobOrg(options: OrgOptions = {}): JobOrg {
  const parsed = parseOrgFile(orgText(options), "org.yml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { schedules, lectureHall, calendar, organization } = parsed.org;
  return {
    timezone: organization.timezone,
    locale: organization.locale,
    settings: { schedules, lectureHall, calendar },
    firstAppliedAt: new Date("2020-01-01T00:00:00Z"),
  };
}

const iso = (d: Date) => d.toISOString();

describe("lecture job occurrences", () => {
  it("fire the notice noticeDaysBefore days ahead at the session's local time, across DST", () => {
    const org = jobOrg({ timezone: "Europe/Berlin" });
    const due = lectureNoticeJob.occurrencesBetween(
      org,
      new Date("2026-10-12T00:00:00Z"),
      new Date("2026-11-01T00:00:00Z"),
    );
    expect(due.map((o) => [o.key, iso(o.fireAt)])).toEqual([
      ["lecture:2026-10-14", "2026-10-12T14:00:00.000Z"],
      ["lecture:2026-10-21", "2026-10-19T14:00:00.000Z"],
      ["lecture:2026-10-28", "2026-10-26T15:00:00.000Z"],
    ]);
  });

  it("skip a session on a public holiday, or move it when the org says so", () => {
    const range = [new Date("2026-09-27T00:00:00Z"), new Date("2026-10-13T00:00:00Z")] as const;
    const skip = lectureNoticeJob.occurrencesBetween(jobOrg(), ...range);
    expect(skip.map((o) => o.key)).toEqual(["lecture:2026-09-30", "lecture:2026-10-14"]);
    const move = lectureNoticeJob.occurrencesBetween(
      jobOrg({ holidayPolicy: "next-working-day" }),
      ...range,
    );
    expect(move.map((o) => [o.key, iso(o.fireAt)])).toEqual([
      ["lecture:2026-09-30", "2026-09-28T08:00:00.000Z"],
      ["lecture:2026-10-07", "2026-10-06T08:00:00.000Z"],
      ["lecture:2026-10-14", "2026-10-12T08:00:00.000Z"],
    ]);
  });

  it("key the speaker reminders by session and kind; --at picks the latest one due", () => {
    const org = jobOrg();
    const due = speakerReminderJob.occurrencesBetween(
      org,
      new Date("2026-12-01T00:00:00Z"),
      new Date("2026-12-09T00:00:00Z"),
    );
    expect(due.map((o) => [o.key, iso(o.fireAt)])).toEqual([
      ["lecture:2026-12-02:day-before", "2026-12-01T08:00:00.000Z"],
      ["lecture:2026-12-09:week-ahead", "2026-12-02T08:00:00.000Z"],
      ["lecture:2026-12-09:day-before", "2026-12-08T08:00:00.000Z"],
    ]);
    const at = (s: string) => speakerReminderJob.occurrenceFor(org, new Date(s))?.key;
    expect(at("2026-12-02T09:00:00Z")).toBe("lecture:2026-12-09:week-ahead");
    expect(at("2026-12-08T09:00:00Z")).toBe("lecture:2026-12-09:day-before");
    expect(at("2026-12-09T08:00:00Z")).toBe("lecture:2026-12-16:week-ahead");
  });

  it("name, for every fire time, the occurrence that fire time belongs to", () => {
    const org = jobOrg({ noticeDaysBefore: 9 });
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-12-31T00:00:00Z");
    for (const job of [lectureNoticeJob, speakerReminderJob, classRepJob]) {
      const due = job.occurrencesBetween(org, from, to);
      expect(due.length).toBeGreaterThan(20);
      for (const o of due) expect(job.occurrenceFor(org, o.fireAt)?.key, job.name).toBe(o.key);
    }
  });

  it("check swaps hourly and class representatives daily at midnight in the org's zone", () => {
    const org = jobOrg();
    const hours = swapExpiryJob.occurrencesBetween(
      org,
      new Date("2026-12-07T08:30:00Z"),
      new Date("2026-12-07T11:00:00Z"),
    );
    expect(hours.map((o) => o.key)).toEqual(["2026-12-07T09", "2026-12-07T10", "2026-12-07T11"]);
    const days = classRepJob.occurrencesBetween(
      org,
      new Date("2026-12-06T15:00:00Z"),
      new Date("2026-12-08T15:59:00Z"),
    );
    expect(days.map((o) => [o.key, iso(o.fireAt)])).toEqual([
      ["2026-12-07", "2026-12-06T16:00:00.000Z"],
      ["2026-12-08", "2026-12-07T16:00:00.000Z"],
    ]);
  });

  it("schedule nothing for an org without a lecture hall", () => {
    const org = { ...jobOrg(), settings: { schedules: {}, calendar: {} } };
    const at = new Date("2026-12-07T08:00:00Z");
    expect(lectureNoticeJob.occurrenceFor(org, at)).toBeNull();
    expect(speakerReminderJob.occurrencesBetween(org, at, new Date("2027-01-01"))).toEqual([]);
    expect(swapExpiryJob.occurrenceFor(org, at)).toBeNull();
  });
});
