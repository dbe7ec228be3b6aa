import { describe, expect, it } from "vitest";
import type { CalendarSettings } from "../../src/domain/calendar.ts";
import {
  addWorkingDays,
  closure,
  dueDateFor,
  type RectificationSnapshot,
  reminderOn,
  reportRefusal,
  verifierRefusal,
  verifyTransition,
  workingDaysUntil,
} from "../../src/domain/rectification.ts";

const cal: CalendarSettings = { timezone: "Asia/Shanghai", useStatutoryHolidays: false };
const item: RectificationSnapshot = {
  branchKey: "office",
  state: "REPORTED",
  ownerId: "USEC",
  inspectors: ["UINSP"],
  dueOn: "2027-03-15",
};
const actor = (userId: string, committeeMember = false, secretaryOf: string[] = []) => ({
  userId,
  committeeMember,
  secretaryOf,
});

describe("due dates and reminders", () => {
  it("counts working days by severity", () => {
    // Monday 2027-03-01 + 5 working days = Monday 2027-03-08.
    expect(addWorkingDays(cal, "2027-03-01", 5)).toBe("2027-03-08");
    expect(dueDateFor(cal, "2027-03-01", "serious")).toBe("2027-03-08");
    expect(dueDateFor(cal, "2027-03-01", "general")).toBe("2027-03-15");
    expect(dueDateFor(cal, "2027-03-01", "minor")).toBe("2027-03-29");
  });
  it("reminds from 3 working days before the due date and on it, only while open", () => {
    const open = { ...item, state: "OPEN" as const };
    expect(reminderOn(cal, open, "2027-03-09")).toBeNull();
    expect(reminderOn(cal, open, "2027-03-10")).toBe("before");
    // Still in effect until the due date (for an owner who takes the item over).
    expect(reminderOn(cal, open, "2027-03-12")).toBe("before");
    expect(reminderOn(cal, open, "2027-03-15")).toBe("due");
    expect(reminderOn(cal, open, "2027-03-16")).toBeNull();
    expect(reminderOn(cal, item, "2027-03-15")).toBeNull();
  });
  it("counts the working days left to the due date", () => {
    expect(workingDaysUntil(cal, "2027-03-10", "2027-03-15")).toBe(3);
    expect(workingDaysUntil(cal, "2027-03-12", "2027-03-15")).toBe(1);
    expect(workingDaysUntil(cal, "2027-03-15", "2027-03-15")).toBe(0);
  });
});

describe("four eyes on verification (the round trip's rule)", () => {
  it("the owner may not verify, even as a committee member", () => {
    expect(verifierRefusal(item, actor("USEC", true))).toBe("own-item");
  });
  it("a secretary of the inspected branch may not verify", () => {
    expect(verifierRefusal(item, actor("UOTHER", true, ["office"]))).toBe("own-branch");
  });
  it("the inspector and other committee members may; anyone else may not", () => {
    expect(verifierRefusal(item, actor("UINSP"))).toBeNull();
    expect(verifierRefusal(item, actor("UCOMM", true))).toBeNull();
    expect(verifierRefusal(item, actor("UNOBODY"))).toBe("not-verifier");
  });
  it("reopening needs a comment; only a reported item is verified", () => {
    expect(verifyTransition(item, actor("UINSP"), { type: "reopen", comment: " " })).toEqual({
      ok: false,
      error: "comment-required",
    });
    expect(verifyTransition(item, actor("UINSP"), { type: "reopen", comment: "photos?" })).toEqual({
      ok: true,
      next: "OPEN",
    });
    expect(
      verifyTransition({ ...item, state: "OPEN" }, actor("UINSP"), { type: "accept" }),
    ).toEqual({ ok: false, error: "not-reported" });
  });
  it("the owner reports done with evidence, while open", () => {
    const open = { ...item, state: "OPEN" as const };
    expect(reportRefusal(open, actor("USEC"), "")).toBe("evidence-required");
    expect(reportRefusal(open, actor("UX"), "done")).toBe("not-owner");
    expect(reportRefusal(open, actor("USEC"), "minutes filed")).toBeNull();
    expect(reportRefusal(item, actor("USEC"), "again")).toBe("not-open");
  });
});

describe("closure", () => {
  it("counts closed, on time and overdue", () => {
    expect(
      closure(
        [
          { state: "VERIFIED", dueOn: "2027-03-10", verifiedOn: "2027-03-09" },
          { state: "VERIFIED", dueOn: "2027-03-10", verifiedOn: "2027-03-12" },
          { state: "OPEN", dueOn: "2027-03-10" },
          { state: "REPORTED", dueOn: "2027-03-20" },
        ],
        "2027-03-15",
      ),
    ).toEqual({ total: 4, closed: 2, onTime: 1, overdue: 1 });
  });
});
