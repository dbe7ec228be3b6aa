import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatOrgErrors, parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";

const base = readFileSync(
  new URL("../../test/fixtures/org/valid-minimal.yml", import.meta.url),
  "utf8",
);
const lines = (text: string) => {
  const result = parseOrgFile(text, "org.yml");
  return result.ok ? [] : formatOrgErrors(result.errors, "org.yml");
};
const baseLines = base.split("\n").length - 1;

describe("the org file's study section", () => {
  it("a centre group with members, day and time gets the defaults", () => {
    const text = `${base}study:\n  centreGroup: { members: [U0CHAIR, U0A], day: 10, time: "09:00" }\n`;
    const result = parseOrgFile(text, "org.yml");
    if (!result.ok) throw new Error(formatOrgErrors(result.errors, "org.yml").join("\n"));
    expect(result.org.study).toStrictEqual({
      centreGroup: { members: ["U0CHAIR", "U0A"], chair: "U0CHAIR", day: 10, time: "09:00" },
      noticeDaysBefore: 2,
      sessionMinutes: 90,
      makeUpDays: 14,
      makeUpReminderDaysBefore: 3,
    });
    // what `pbb org show` prints reads back the same
    const again = parseOrgFile(serializeOrg(result.org), "shown.yml");
    expect(again.ok && again.org.study).toStrictEqual(result.org.study);
  });

  it("errors name the field and its line; nothing is applied", () => {
    const text = `${base}study:\n  centreGroup:\n    members: [U0CHAIR]\n    chair: U0OTHER\n    day: 31\n    time: "9:00"\n  makeUpDays: 3\n  makeUpReminderDaysBefore: 5\n  notice: 2\n`;
    const at = (n: number) => `org.yml:${baseLines + n}`;
    expect(lines(text)).toEqual([
      `${at(4)}: study.centreGroup.chair: the chair U0OTHER is not one of the centre group's members`,
      `${at(5)}: study.centreGroup.day: expected a day of the month from 1 to 28, got 31`,
      `${at(6)}: study.centreGroup.time: expected a time "HH:MM" from 00:00 to 23:59, got "9:00" (did you mean "09:00"?)`,
      `${at(8)}: study.makeUpReminderDaysBefore: the reminder (5 days before the deadline) must come after the session: use fewer days than makeUpDays (3)`,
      `${at(9)}: study.notice: unknown key "notice" (did you mean "noticeDaysBefore"?)`,
    ]);
  });

  it("a centre group without members is refused at its line", () => {
    const text = `${base}study:\n  centreGroup: { members: [], day: 10, time: "09:00" }\n`;
    expect(lines(text)).toEqual([
      `org.yml:${baseLines + 2}: study.centreGroup.members: must not be empty: expected a list of at least one user id (U…) or e-mail address`,
    ]);
  });
});
