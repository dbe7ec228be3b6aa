import { describe, expect, it } from "vitest";
import type { CalendarSettings } from "../../src/domain/calendar.ts";
import {
  confirmRefusal,
  isoWeek,
  maySeeReports,
  milestoneAlerts,
  nextMilestone,
  nudgeTargets,
  type ProjectSnapshot,
  progressRefusal,
  projectPercent,
  quarterOfDate,
  requestRefusal,
  serviceFigures,
  serviceReportProblems,
} from "../../src/domain/service-list.ts";

const ctx = { today: "2026-11-10", communities: ["幸福里社区", "Elm Court"], hoursThatDay: 0 };
const draft = {
  date: "2026-11-09",
  community: "Elm Court",
  category: "policy-consultation",
  hours: "1.5",
  what: "answered pension questions",
};

describe("a service report's problems", () => {
  it("a good draft has none", () => {
    expect(serviceReportProblems(draft, ctx)).toEqual([]);
  });

  it("hours ≤ 0, over 24, or over 24 with the day's other reports are refused on the hours field", () => {
    expect(serviceReportProblems({ ...draft, hours: "0" }, ctx)).toEqual([
      { field: "hours", error: "bad-hours" },
    ]);
    expect(serviceReportProblems({ ...draft, hours: "25" }, ctx)).toEqual([
      { field: "hours", error: "bad-hours" },
    ]);
    expect(serviceReportProblems({ ...draft, hours: "-2" }, ctx)[0]?.error).toBe("bad-hours");
    expect(serviceReportProblems({ ...draft, hours: "3" }, { ...ctx, hoursThatDay: 22 })).toEqual([
      { field: "hours", error: "over-day" },
    ]);
  });

  it("a date in the future, before the year, or not a date; an unknown community; a bad link", () => {
    const problems = (d: Partial<typeof draft> & { link?: string }) =>
      serviceReportProblems({ ...draft, ...d }, ctx).map((p) => `${p.field}:${p.error}`);
    expect(problems({ date: "2026-11-11" })).toEqual(["date:future-date"]);
    expect(problems({ date: "2025-12-31" })).toEqual(["date:before-year"]);
    expect(problems({ date: "2026-13-01" })).toEqual(["date:bad-date"]);
    expect(problems({ community: "Nowhere" })).toEqual(["community:unknown-community"]);
    expect(problems({ link: "javascript:alert(1)" })).toEqual(["link:bad-link"]);
    expect(problems({ what: "  " })).toEqual(["what:what-required"]);
  });

  it("dates fall in their quarter", () => {
    expect(quarterOfDate("2026-11-03")).toBe("2026-Q4");
    expect(quarterOfDate("2026-01-01")).toBe("2026-Q1");
  });
});

describe("the quarter's nudge and the figures", () => {
  it("goes to exactly the members without a report, never twice a quarter", () => {
    expect(nudgeTargets(["U1", "U2", "U3", "U2"], new Set(["U1"]), new Set(["U3"]))).toEqual([
      "U2",
    ]);
  });

  it("registration rate, members active and hours per member", () => {
    const figures = serviceFigures(["U1", "U2", "U3"], new Set(["U1", "U2", "UX"]), [
      { userId: "U1", hours: 1.5 },
      { userId: "U1", hours: 2 },
      { userId: "U2", hours: 1 },
      { userId: "UX", hours: 9 },
    ]);
    expect(figures).toEqual({
      members: 3,
      registered: 2,
      registrationRate: 67,
      active: 2,
      hours: 4.5,
      hoursPerMember: 1.5,
      reports: 3,
    });
    expect(serviceFigures([], new Set(), []).registrationRate).toBeNull();
  });

  it("a person's reports are seen by themselves, their branch's secretaries and the committee", () => {
    const owner = { userId: "U1", branchKeys: ["a"] };
    const actor = (userId: string, committeeMember = false, secretaryOf: string[] = []) => ({
      userId,
      committeeMember,
      secretaryOf,
    });
    expect(maySeeReports(actor("U1"), owner)).toBe(true);
    expect(maySeeReports(actor("S1", false, ["a"]), owner)).toBe(true);
    expect(maySeeReports(actor("C1", true), owner)).toBe(true);
    expect(maySeeReports(actor("U2"), owner)).toBe(false);
    expect(maySeeReports(actor("S2", false, ["b"]), owner)).toBe(false);
  });
});

const calendar: CalendarSettings = {
  holidays: [],
  workdays: [],
  useStatutoryHolidays: false,
  timezone: "Asia/Shanghai",
};
const project = (over: Partial<ProjectSnapshot> = {}): ProjectSnapshot => ({
  status: "ACTIVE",
  branchKey: "vets",
  leadUserId: "ULEAD",
  milestones: [
    { position: 0, title: "survey", due: "2026-11-02", done: true },
    { position: 1, title: "works", due: "2026-11-12", done: false },
    { position: 2, title: "handover", due: "2026-12-20", done: false },
  ],
  ...over,
});

describe("practical projects", () => {
  it("percent done and the next milestone", () => {
    expect(projectPercent(project())).toBe(33);
    expect(projectPercent(project({ status: "DONE" }))).toBe(100);
    expect(nextMilestone(project().milestones)?.title).toBe("works");
  });

  it("due within 3 working days reminds the lead; overdue escalates; done projects are quiet", () => {
    // Tue 10 Nov: Thu 12 is 2 working days away.
    expect(milestoneAlerts(project(), "2026-11-10", calendar)).toEqual([
      { kind: "remind", milestone: expect.objectContaining({ title: "works" }) },
    ]);
    // Fri 6 Nov: Thu 12 is 4 working days away (the weekend does not count).
    expect(milestoneAlerts(project(), "2026-11-06", calendar)).toEqual([]);
    expect(milestoneAlerts(project(), "2026-11-13", calendar).map((a) => a.kind)).toEqual([
      "escalate",
    ]);
    expect(milestoneAlerts(project({ status: "DONE" }), "2026-11-13", calendar)).toEqual([]);
  });

  it("escalations are keyed by ISO week", () => {
    expect(isoWeek("2026-12-06")).toBe("2026-W49");
    expect(isoWeek("2026-12-07")).toBe("2026-W50");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
  });

  it("completion: four eyes — not the lead, not the lead branch's secretary; once", () => {
    const asked = project({ status: "COMPLETION_REQUESTED" });
    const actor = (userId: string, committeeMember = true, secretaryOf: string[] = []) => ({
      userId,
      committeeMember,
      secretaryOf,
    });
    expect(confirmRefusal(asked, actor("ULEAD"))).toBe("own-submission");
    expect(confirmRefusal(asked, actor("USEC", true, ["vets"]))).toBe("own-branch");
    expect(confirmRefusal(asked, actor("UM", false))).toBe("not-committee");
    expect(confirmRefusal(asked, actor("UC"))).toBeNull();
    expect(confirmRefusal(project(), actor("UC"))).toBe("not-requested");
    expect(confirmRefusal(project({ status: "DONE" }), actor("UC"))).toBe("already-done");
    expect(requestRefusal(asked, actor("ULEAD", false))).toBe("already-requested");
    expect(progressRefusal(project(), actor("UOTHER", false))).toBe("not-lead");
    expect(progressRefusal(project(), actor("ULEAD", false))).toBeNull();
  });
});
