import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../src/app/features.ts";
import {
  formatOrgErrors,
  hashOrgText,
  type OrgFileError,
  type OrgFileResult,
  parseOrgFile,
  serializeOrg,
} from "../../src/config/org-file.ts";
import type { Org } from "../../src/config/org-schema.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

function parsed(text: string): Org {
  const result = parseOrgFile(text, "org.yml");
  if (!result.ok) throw new Error(formatOrgErrors(result.errors, "org.yml").join("\n"));
  return result.org;
}

function errors(text: string) {
  const result: OrgFileResult = parseOrgFile(text, "org.yml");
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("the example files", () => {
  it.each(["examples/org.yml", "examples/org.en.yml"])("%s parses", (file) => {
    const text = read(file);
    const result = parseOrgFile(text, file);
    expect(result.ok && result.hash).toBe(hashOrgText(text));
    const org = parsed(text);
    expect(org.organization.timezone).toBe("Asia/Shanghai");
    expect(org.branches.map((b) => b.key)).toEqual([
      "resettlement",
      "services",
      "rights",
      "office",
    ]);
    expect(org.lectureHall?.roster).toHaveLength(12);
    expect(org.calendar.holidays).toEqual(["2027-02-08"]);
  });

  it.each(["examples/org.yml", "examples/org.en.yml"])(
    "%s configures the assessment with sources the features register",
    (file) => {
      const sources = assessmentSourcesOf(features).map((s) => s.name);
      const result = parseOrgFile(read(file), file, { assessmentSources: sources });
      if (!result.ok) throw new Error(formatOrgErrors(result.errors, file).join("\n"));
      const a = result.org.assessment!;
      expect(a.partyBuildingWeight).toBe(0.4);
      expect(a.indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(100);
      const named = a.indicators.flatMap((i) => (i.source ? [i.source] : []));
      for (const name of named) expect(sources).toContain(name);
      // every source registered so far is in the example, and one manual score
      expect([...named].sort()).toEqual([...sources].sort());
      expect(a.indicators.filter((i) => i.manual)).toHaveLength(1);
      // a source no feature registers is an error with its line
      const wrong = parseOrgFile(
        read(file).replace("source: inspection-scores", "source: nowhere"),
        file,
        {
          assessmentSources: sources,
        },
      );
      expect(wrong.ok).toBe(false);
    },
  );

  it("the Chinese example speaks zh-CN, the English one en", () => {
    expect(parsed(read("examples/org.yml")).organization).toMatchObject({
      name: "退役军人事务局机关党委",
      locale: "zh-CN",
    });
    expect(parsed(read("examples/org.en.yml")).organization.locale).toBe("en");
  });

  it.each(["examples/org.yml", "examples/org.en.yml", "test/fixtures/org/valid-minimal.yml"])(
    "%s round-trips through serializeOrg",
    (file) => {
      const org = parsed(read(file));
      const text = serializeOrg(org);
      expect(parsed(text)).toStrictEqual(org);
      expect(serializeOrg(parsed(text))).toBe(text);
    },
  );

  it("serializeOrg writes day/time pairs and short lists inline, times and dates quoted", () => {
    const text = serializeOrg(parsed(read("examples/org.en.yml")));
    expect(text).toContain('  monthlyReminder: {day: 1, time: "09:00"}\n');
    expect(text).toContain("  members: [U0CHAIR, U0DEPUTY, U0COMM3]\n");
    expect(text).toContain('  channel: "#party-committee"\n');
    expect(text).toContain('  holidays: ["2027-02-08"]\n');
  });
});

describe("defaults", () => {
  it("a minimal file gets every default, so `org show` prints the configuration in force", () => {
    const org = parsed(read("test/fixtures/org/valid-minimal.yml"));
    expect(org).toStrictEqual({
      organization: { name: "Test Committee", timezone: "Asia/Shanghai", locale: "zh-CN" },
      committee: { channel: "C0COMMITTEE", members: ["U0CHAIR"], admins: [] },
      branches: [
        {
          key: "resettlement",
          name: "Resettlement Office Branch",
          channel: "C0RESETTLE",
          secretaries: ["U0SEC1"],
          members: [],
        },
      ],
      schedules: {
        monthlyReminder: { day: 1, time: "09:00" },
        followUps: [],
        deadline: { day: 5, time: "18:00" },
        workingDays: "next-working-day",
        approvalReminderHours: 48,
        catchUpWindowHours: 24,
      },
      calendar: { holidays: [], workdays: [], useStatutoryHolidays: true },
    });
  });

  it("class representatives rotate through secretaries then members unless a roster is given", () => {
    const org = parsed(read("examples/org.yml"));
    expect(org.branches[1]?.classReps).toStrictEqual({
      enabled: true,
      cadence: "monthly",
      time: "09:30",
      roster: ["U0SEC2", "U0C", "U0D"],
    });
    expect(org.branches[3]?.classReps).toMatchObject({
      cadence: "weekly",
      weekday: "monday",
      roster: ["U0F", "U0SEC1", "U0DEPUTY"],
    });
  });

  it("a lecture hall gets its defaults; skipping holidays means skip unless a policy says so", () => {
    const base = read("test/fixtures/org/valid-minimal.yml");
    const org = parsed(
      `${base}lectureHall:\n  channel: C0LECTURE\n  weekday: friday\n  time: "15:00"\n  roster: [U0A]\n`,
    );
    expect(org.lectureHall).toStrictEqual({
      channel: "C0LECTURE",
      weekday: "friday",
      time: "15:00",
      noticeDaysBefore: 2,
      speakersPerSession: 1,
      roster: ["U0A"],
      syncWithChannel: false,
      skipPublicHolidays: true,
      holidayPolicy: "skip",
    });
  });

  it("a secretary may also be listed among the members; e-mails and #names are accepted", () => {
    const text = read("test/fixtures/org/valid-minimal.yml").replace(
      "    secretaries: [U0SEC1]",
      '    secretaries: [U0SEC1, li.na@example.org]\n    members: [U0SEC1]\n    channel: "#安置"',
    );
    expect(errors(text)[0]?.message).toMatch(/unique|twice/); // channel given twice in YAML
    const org = parsed(text.replace("    channel: C0RESETTLE\n", ""));
    expect(org.branches[0]).toMatchObject({
      channel: "#安置",
      secretaries: ["U0SEC1", "li.na@example.org"],
      members: ["U0SEC1"],
    });
  });
});

const BROKEN: [file: string, path: string, line: number, message: string][] = [
  [
    "bad-channel",
    "branches[1].channel",
    17,
    'expected a channel id (C…) or #name, got "services" (did you mean "#services"?)',
  ],
  [
    "unknown-timezone",
    "organization.timezone",
    3,
    'expected an IANA time zone such as Asia/Shanghai, got "Asia/Beijing" (did you mean "Asia/Shanghai"?)',
  ],
  [
    "duplicate-branch-key",
    "branches[1].key",
    15,
    'duplicate branch key "resettlement" (also branches[0].key)',
  ],
  [
    "missing-secretaries",
    "branches[1].secretaries",
    15,
    "missing (expected a list of at least one user id (U…) or e-mail address)",
  ],
  [
    "bad-time",
    "schedules.deadline.time",
    24,
    'expected a time "HH:MM" from 00:00 to 23:59, got "25:00"',
  ],
  [
    "unknown-key",
    "schedules.monthlyRemider",
    21,
    'unknown key "monthlyRemider" (did you mean "monthlyReminder"?)',
  ],
  ["yaml-duplicate-key", "", 18, 'YAML: the key "name" appears twice in this mapping'],
  [
    "wrong-type-speakers",
    "lectureHall.speakersPerSession",
    30,
    'expected a whole number of speakers from 1 to 20, got "two"',
  ],
  [
    "bad-locale",
    "organization.locale",
    4,
    'expected one of zh-CN, en, got "zh_CN" (did you mean "zh-CN"?)',
  ],
  [
    "deadline-before-reminder",
    "schedules.deadline",
    22,
    "the deadline (day 1 08:00) must come after the monthly reminder (day 1 09:00)",
  ],
  [
    "bad-user-ref",
    "branches[0].members[1]",
    14,
    'expected a user id (U…) or an e-mail address, got "@zhang.wei" (display names are not unique: use the id or e-mail)',
  ],
  [
    "unquoted-channel-name",
    "committee.channel",
    6,
    'expected a channel id (C…) or #name, got an empty value (a #name must be quoted, "#name", or YAML reads it as a comment)',
  ],
  [
    "day-out-of-range",
    "schedules.followUps[0].day",
    23,
    "expected a day of the month from 1 to 28, got 31",
  ],
];

describe("broken files: exactly one error each, at the right path and line", () => {
  it.each(BROKEN)("%s.yml → %s, line %i", (name, path, line, message) => {
    const file = `test/fixtures/org/broken/${name}.yml`;
    const found = errors(read(file));
    expect(found.map(({ path, line, message }) => ({ path, line, message }))).toEqual([
      { path, line, message },
    ]);
    const prefix = path === "" ? "" : `${path}: `;
    expect(formatOrgErrors(found, `${name}.yml`)).toEqual([
      `${name}.yml:${line}: ${prefix}${message}`,
    ]);
  });
});

describe("more checks", () => {
  const base = read("test/fixtures/org/valid-minimal.yml");
  const one = (text: string) => errors(text).map((e) => `${e.line}: ${e.path}: ${e.message}`);

  it("a YAML syntax error is reported at its line, once, with a hint", () => {
    // Inline rather than a fixture: Biome parses the repository's YAML files.
    const text = base.replace(
      "    name: Resettlement Office Branch",
      "    name: Resettlement: Office",
    );
    expect(one(text)).toEqual([
      '9: : YAML syntax: Nested mappings are not allowed in compact mappings (quote a value that contains ": ", or check the indentation)',
    ]);
    expect(one(base.replace("  members: [U0CHAIR]", "\tmembers: [U0CHAIR]"))).toEqual([
      "6: : YAML syntax: Tabs are not allowed as indentation (indent with spaces)",
    ]);
  });

  it("an empty file, or a list instead of a mapping, is one error on line 1", () => {
    expect(one("")).toEqual(["1: : the file is empty"]);
    expect(one("- a\n")).toEqual(["1: : expected a mapping, got a list"]);
  });

  it("a follow-up after the deadline, and one listed twice", () => {
    const text = base.replace(
      "  deadline:",
      '  followUps:\n    - { day: 3, time: "09:00" }\n    - { day: 3, time: "09:00" }\n    - { day: 6, time: "09:00" }\n  deadline:',
    );
    expect(one(text)).toEqual([
      "16: schedules.followUps[1]: follow-up day 3 09:00 is listed twice",
      "17: schedules.followUps[2]: follow-up day 6 09:00 must come after the monthly reminder (day 1 09:00) and before the deadline (day 5 18:00)",
    ]);
  });

  it("duplicate branch channels, a person listed twice, an impossible date, a stray section", () => {
    const text = base
      .replace(
        "schedules:",
        "  - { key: two, name: Two, channel: C0RESETTLE, secretaries: [U0B, U0B] }\nschedules:",
      )
      .concat('calendar:\n  holidays: ["2027-02-30"]\ncalendr: {}\n');
    expect(one(text)).toEqual([
      '12: branches[1].channel: duplicate branch channel "C0RESETTLE" (also branches[0].channel)',
      '12: branches[1].secretaries[1]: "U0B" is listed twice (also at [0])',
      '17: calendar.holidays[0]: expected a date "YYYY-MM-DD", got "2027-02-30"',
      '18: calendr: unknown key "calendr" (did you mean "calendar"?)',
    ]);
  });

  it("a lecture hall without speakers, and a holiday policy that cannot apply", () => {
    const hall = `${base}lectureHall:\n  channel: C0LECTURE\n  weekday: wed\n  time: "16:00"\n`;
    expect(one(hall)).toEqual([
      '17: lectureHall.weekday: expected one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, got "wed" (did you mean "wednesday"?)',
    ]);
    const fixed = hall.replace("wed\n", "wednesday\n");
    expect(one(fixed)).toEqual([
      "15: lectureHall.roster: the roster is empty: list the speakers, or set syncWithChannel: true",
    ]);
    expect(
      one(`${fixed}  syncWithChannel: true\n  skipPublicHolidays: false\n  holidayPolicy: skip\n`),
    ).toEqual([
      "21: lectureHall.holidayPolicy: has no effect when skipPublicHolidays is false: remove it, or set that to true",
    ]);
  });

  it("the hash is the sha256 of the text", () => {
    expect(hashOrgText("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("a file that is not an org file (issue 26)", () => {
  const secret = "s3cr3t-".repeat(40);

  it("an error quotes at most a short excerpt of a long value, a long key or a long document", () => {
    const lines = [
      ...formatOrgErrors(
        (
          parseOrgFile(
            `${"k".repeat(200)}${secret}: 1\norganization:\n  locale: ${secret}\n`,
            "x",
          ) as {
            errors: OrgFileError[];
          }
        ).errors,
        "x",
      ),
      ...formatOrgErrors(
        (parseOrgFile(`${secret}\n${secret}\n`, "x") as { errors: OrgFileError[] }).errors,
        "x",
      ),
    ];
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      // 7 characters of the secret repeat: count how many of the file's characters came back.
      const echoed = (line.match(/s3cr3t-|s3cr3t|k{10}/g) ?? []).join("").length;
      expect(echoed, line).toBeLessThanOrEqual(80);
      expect(line.length, line).toBeLessThan(300);
    }
    expect(lines.join("\n")).toMatch(
      /locale: expected .*, got "(s3cr3t-)+s3cr…" \(280 characters\)/,
    );
    expect(lines.join("\n")).toMatch(/unknown key "k+…" \(480 characters\)/);
  });
});

describe("a YAML alias bomb (issue 26)", () => {
  it("gets the org file's normal error at the first alias, not an uncaught exception", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "",
    ].join("\n");
    const result = parseOrgFile(bomb, "bomb.yml");
    expect(result.ok).toBe(false);
    const lines = formatOrgErrors((result as { errors: OrgFileError[] }).errors, "bomb.yml");
    expect(lines).toEqual([
      "bomb.yml:2: YAML: aliases (*name) expand to too many values; write the values out",
    ]);
  });
});
