import { describe, expect, it } from "vitest";
import {
  type LectureHallTiming,
  nextFireTimes,
  nextNoticeTimes,
  type ScheduleContext,
  sessionForFire,
  sessionForNotice,
  sessionOccurrence,
  sessionsBetween,
} from "../../src/domain/lecture-schedule.ts";
import { assign, initialRotation } from "../../src/domain/rotation.ts";

const wednesday: LectureHallTiming = {
  weekday: "wednesday",
  time: "16:00",
  noticeDaysBefore: 2,
  skipPublicHolidays: true,
};
const shanghai: ScheduleContext = { timing: wednesday, calendar: { timezone: "Asia/Shanghai" } };

describe("lecture schedule", () => {
  it("when an org is in Europe/Berlin, then sessions stay at 16:00 local across both DST changes", () => {
    const ctx: ScheduleContext = { timing: wednesday, calendar: { timezone: "Europe/Berlin" } };
    const s = sessionsBetween(ctx, "2026-03-20", "2026-11-05");
    const at = (date: string) => s.find((x) => x.date === date)?.startsAt.toISOString();
    expect(at("2026-03-25")).toBe("2026-03-25T15:00:00.000Z"); // CET, before 29 March
    expect(at("2026-04-01")).toBe("2026-04-01T14:00:00.000Z"); // CEST
    expect(at("2026-10-21")).toBe("2026-10-21T14:00:00.000Z"); // CEST, before 25 October
    expect(at("2026-10-28")).toBe("2026-10-28T15:00:00.000Z"); // CET
    // The notice two days before the first CEST session is still in CET: 16:00 local too.
    const april = s.find((x) => x.date === "2026-04-01")!;
    expect(april.noticeAt.toISOString()).toBe("2026-03-30T14:00:00.000Z");
    const late = s.find((x) => x.date === "2026-10-28")!;
    expect(late.noticeAt.toISOString()).toBe("2026-10-26T15:00:00.000Z");
    expect(late.weekAheadAt.toISOString()).toBe("2026-10-21T14:00:00.000Z");
    expect(late.dayBeforeAt.toISOString()).toBe("2026-10-27T15:00:00.000Z");
  });

  it("when National Day falls on a Wednesday, then that session is skipped and nobody loses their turn", () => {
    const s = sessionsBetween(shanghai, "2026-09-23", "2026-10-21");
    expect(s.map((x) => [x.date, x.skippedReason?.kind ?? null])).toEqual([
      ["2026-09-23", null],
      ["2026-09-30", null],
      ["2026-10-07", "public-holiday"],
      ["2026-10-14", null],
      ["2026-10-21", null],
    ]);
    expect(s[2]?.skippedReason).toEqual({
      kind: "public-holiday",
      holiday: { en: "National Day", zh: "国庆节" },
    });
    let state = initialRotation(["A", "B", "C"]);
    const speakers: string[] = [];
    for (const session of s.filter((x) => !x.skippedReason)) {
      const r = assign(state, { date: session.date, roster: ["A", "B", "C"], slots: 1 });
      speakers.push(...r.speakers);
      state = r.state;
    }
    expect(speakers).toEqual(["A", "B", "C", "A"]);
  });

  it("when the policy is next-working-day, then the holiday session moves later in the same week", () => {
    const ctx: ScheduleContext = {
      timing: { ...wednesday, holidayPolicy: "next-working-day" },
      calendar: { timezone: "Asia/Shanghai" },
    };
    const [moved] = sessionsBetween(ctx, "2026-10-07", "2026-10-07");
    expect(moved).toMatchObject({
      date: "2026-10-08",
      plannedDate: "2026-10-07",
      movedFrom: "2026-10-07",
    });
    expect(moved?.startsAt.toISOString()).toBe("2026-10-08T08:00:00.000Z");
    expect(moved?.skippedReason).toBeUndefined();
  });

  it("when the org declares the following days off too, then the session moves onto the make-up Saturday", () => {
    const ctx: ScheduleContext = {
      timing: { ...wednesday, holidayPolicy: "next-working-day" },
      calendar: { timezone: "Asia/Shanghai", holidays: ["2026-10-08", "2026-10-09"] },
    };
    const [moved] = sessionsBetween(ctx, "2026-10-07", "2026-10-07");
    expect(moved?.date).toBe("2026-10-10");
    expect(moved?.startsAt.toISOString()).toBe("2026-10-10T08:00:00.000Z");
  });

  it("when a series meets on Saturdays, then the make-up working Saturday holds and the holiday Saturday does not", () => {
    const ctx: ScheduleContext = {
      timing: { ...wednesday, weekday: "saturday" },
      calendar: { timezone: "Asia/Shanghai" },
    };
    const s = sessionsBetween(ctx, "2026-10-01", "2026-10-17");
    expect(s.map((x) => [x.date, x.skippedReason?.kind ?? null])).toEqual([
      ["2026-10-03", "public-holiday"],
      ["2026-10-10", null],
      ["2026-10-17", null],
    ]);
  });

  it("when the org declares a day, then it wins: its holiday is skipped, its workday is held", () => {
    const ctx: ScheduleContext = {
      timing: { ...wednesday, holidayPolicy: "next-working-day" },
      calendar: { timezone: "Asia/Shanghai", holidays: ["2027-02-10"], workdays: ["2026-10-07"] },
    };
    expect(sessionsBetween(ctx, "2027-02-10", "2027-02-10")[0]?.skippedReason).toEqual({
      kind: "org-holiday",
    });
    expect(sessionsBetween(ctx, "2026-10-07", "2026-10-07")[0]?.skippedReason).toBeUndefined();
    const noSkip: ScheduleContext = {
      timing: { ...wednesday, skipPublicHolidays: false },
      calendar: { timezone: "Asia/Shanghai" },
    };
    expect(sessionsBetween(noSkip, "2026-10-07", "2026-10-07")[0]?.skippedReason).toBeUndefined();
  });

  it("finds the session a lecture-notice run is for", () => {
    // The notice for Wed 2026-09-30 16:00 fires Mon 2026-09-28 16:00 (08:00Z).
    expect(sessionForNotice(shanghai, new Date("2026-09-28T07:59:00Z"))?.date).toBe("2026-09-23");
    expect(sessionForNotice(shanghai, new Date("2026-09-28T08:00:00Z"))?.date).toBe("2026-09-30");
    expect(sessionForNotice(shanghai, new Date("2026-10-02T00:00:00Z"))?.date).toBe("2026-09-30");
    // 2026-10-07 is skipped; a run in that week is still for the 30 September session…
    expect(sessionForNotice(shanghai, new Date("2026-10-05T07:59:00Z"))?.date).toBe("2026-09-30");
    // …until a week has passed since its notice.
    expect(sessionForNotice(shanghai, new Date("2026-10-05T08:00:00Z"))).toBeNull();
    expect(sessionForNotice(shanghai, new Date("2026-10-12T08:00:00Z"))?.date).toBe("2026-10-14");
    expect(sessionOccurrence({ plannedDate: "2026-10-14" })).toBe("lecture:2026-10-14");
  });

  it("finds the speaker reminders due a week ahead and the day before", () => {
    const now = new Date("2026-09-23T08:00:00Z");
    expect(sessionForFire(shanghai, now, "week-ahead")?.date).toBe("2026-09-30");
    expect(sessionForFire(shanghai, new Date("2026-09-29T08:30:00Z"), "day-before")?.date).toBe(
      "2026-09-30",
    );
  });

  it("lists the next notice and reminder times, skipping holiday sessions", () => {
    const notices = nextNoticeTimes(shanghai, new Date("2026-09-28T08:00:00Z"), 3);
    expect(notices.map((n) => [n.session.date, n.at.toISOString()])).toEqual([
      ["2026-10-14", "2026-10-12T08:00:00.000Z"],
      ["2026-10-21", "2026-10-19T08:00:00.000Z"],
      ["2026-10-28", "2026-10-26T08:00:00.000Z"],
    ]);
    const all = nextFireTimes(shanghai, new Date("2026-09-28T08:00:00Z"), 4);
    expect(all.map((f) => [f.kind, f.session.date])).toEqual([
      ["day-before", "2026-09-30"],
      ["week-ahead", "2026-10-14"],
      ["notice", "2026-10-14"],
      ["day-before", "2026-10-14"],
    ]);
  });
});
