import { describe, expect, it } from "vitest";
import {
  makeUpDates,
  makeUpRefusal,
  makeUpReminderDue,
  parseMaterials,
  prefillAttendance,
  projectInputError,
  reviewRefusal,
  sessionInputError,
  studyHours,
  submitResultRefusal,
  tallyAttendance,
} from "../../src/domain/study.ts";

describe("attendance and make-up", () => {
  it("the attendance is pre-filled from the confirmations", () => {
    const filled = prefillAttendance([
      { userId: "U0A", response: "confirmed" },
      { userId: "U0B", response: "excused" },
      { userId: "U0C", response: null },
    ]);
    expect([...filled]).toEqual([
      ["U0A", "present"],
      ["U0B", "excused"],
      ["U0C", "absent"],
    ]);
  });

  it("the make-up is due makeUpDays after the session, its one reminder some days before", () => {
    const dates = makeUpDates("2026-12-10", { makeUpDays: 14, makeUpReminderDaysBefore: 3 });
    expect(dates).toEqual({ due: "2026-12-24", remindOn: "2026-12-21" });
    expect(makeUpReminderDue(dates, "2026-12-20")).toBe(false);
    expect(makeUpReminderDue(dates, "2026-12-21")).toBe(true);
    expect(makeUpReminderDue(dates, "2026-12-25")).toBe(false);
  });

  it("a make-up note from someone present, not expected or done already is refused", () => {
    const base = { expected: true, madeUp: false };
    expect(makeUpRefusal({ ...base, attendance: "present" })).toBe("was-present");
    expect(makeUpRefusal({ ...base, attendance: null })).toBe("not-recorded");
    expect(makeUpRefusal({ ...base, expected: false, attendance: "absent" })).toBe("not-expected");
    expect(makeUpRefusal({ ...base, attendance: "absent", madeUp: true })).toBe("already-made-up");
    expect(makeUpRefusal({ ...base, attendance: "excused" })).toBeNull();
  });

  it("study hours count sessions attended and made up", () => {
    const tally = tallyAttendance([
      { userId: "U0A", attendance: "present", madeUp: false, minutes: 90 },
      { userId: "U0A", attendance: "absent", madeUp: true, minutes: 60 },
      { userId: "U0A", attendance: "excused", madeUp: false, minutes: 90 },
      { userId: "U0B", attendance: null, madeUp: false, minutes: 90 },
    ]);
    expect(tally.get("U0A")).toEqual({
      expected: 3,
      attended: 1,
      excused: 1,
      absent: 1,
      madeUp: 1,
      minutes: 150,
    });
    expect(tally.get("U0B")).toMatchObject({ expected: 1, attended: 0, minutes: 0 });
    expect(studyHours(150)).toBe(2.5);
  });
});

describe("a new session", () => {
  const now = new Date("2026-12-06T00:00:00Z");
  const ok = {
    topic: "Theory",
    startsAt: new Date("2026-12-10T01:00:00Z"),
    now,
    expected: ["U0A"],
  };

  it("in the past, without a topic or without anyone expected is refused", () => {
    expect(sessionInputError(ok)).toBeNull();
    expect(sessionInputError({ ...ok, startsAt: now })).toBe("in-the-past");
    expect(sessionInputError({ ...ok, topic: "  " })).toBe("topic-empty");
    expect(sessionInputError({ ...ok, expected: [] })).toBe("no-one-expected");
  });

  it("materials are links, one a line, with an optional title", () => {
    expect(parseMaterials("Reading https://example.org/a\n\nhttps://example.org/b\n")).toEqual({
      ok: true,
      materials: [
        { title: "Reading", url: "https://example.org/a" },
        { title: "https://example.org/b", url: "https://example.org/b" },
      ],
    });
    expect(parseMaterials("https://example.org/a\nno link here")).toEqual({ ok: false, line: 2 });
  });
});

describe("youth research projects", () => {
  it("a project without a lead is refused", () => {
    expect(projectInputError({ name: "Archive", lead: null, question: "How?" })).toBe("no-lead");
    expect(projectInputError({ name: "Archive", lead: "U0A", question: "How?" })).toBeNull();
  });

  it("a result comes from the lead or a member, complete; a return needs a comment", () => {
    const result = {
      state: "active" as const,
      actor: "U0B",
      lead: "U0A",
      members: ["U0B"],
      link: "https://example.org/r",
      summary: "Found.",
    };
    expect(submitResultRefusal(result)).toBeNull();
    expect(submitResultRefusal({ ...result, actor: "U0Z" })).toBe("not-member");
    expect(submitResultRefusal({ ...result, summary: " " })).toBe("result-incomplete");
    expect(submitResultRefusal({ ...result, state: "accepted" })).toBe("wrong-state");
    const review = {
      state: "submitted" as const,
      reviewerIsCommittee: true,
      decision: "return" as const,
      comment: "",
    };
    expect(reviewRefusal(review)).toBe("comment-required");
    expect(reviewRefusal({ ...review, decision: "accept" })).toBeNull();
    expect(reviewRefusal({ ...review, reviewerIsCommittee: false })).toBe("not-advisor");
  });
});
