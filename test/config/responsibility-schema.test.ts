import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatOrgErrors, parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";

const base = readFileSync(
  new URL("../../test/fixtures/org/valid-minimal.yml", import.meta.url),
  "utf8",
);

const section = `responsibilities:
  year: 2027
  committee:
    - { duty: 落实全面从严治党主体责任, target: Q1, result: 召开专题会议1次 }
    - { duty: 开展党风廉政警示教育, target: "2027-06" }
  members:
    U0CHAIR:
      - { duty: 带头讲廉政党课, target: q2, result: 讲党课1次 }
`;

const lines = (text: string) => {
  const result = parseOrgFile(text, "org.yml");
  return result.ok ? [] : formatOrgErrors(result.errors, "org.yml");
};

describe("the responsibility lists in the org file", () => {
  it("the committee's list and a member's list are read with their targets as codes, and written back", () => {
    const result = parseOrgFile(base + section, "org.yml");
    if (!result.ok) throw new Error(formatOrgErrors(result.errors, "org.yml").join("\n"));
    expect(result.org.responsibilities).toEqual({
      year: 2027,
      committee: [
        { duty: "落实全面从严治党主体责任", target: "q1", result: "召开专题会议1次" },
        { duty: "开展党风廉政警示教育", target: "m6" },
      ],
      members: { U0CHAIR: [{ duty: "带头讲廉政党课", target: "q2", result: "讲党课1次" }] },
    });
    const again = parseOrgFile(serializeOrg(result.org), "org.yml");
    expect(again.ok && again.org).toStrictEqual(result.org);
  });

  it("an unknown member, a target outside the year and a missing duty are each one error at their line", () => {
    const text = `${base}responsibilities:
  year: 2027
  committee:
    - { duty: 落实主体责任, target: "2026-Q4" }
    - { target: q2 }
  members:
    U0NOBODY:
      - { duty: 带头讲党课, target: m13 }
`;
    const at = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(lines(text)).toEqual([
      `org.yml:${at('"2026-Q4"')}: responsibilities.committee[0].target: the target "2026-Q4" is outside the list's year 2027`,
      `org.yml:${at("{ target: q2 }")}: responsibilities.committee[1].duty: missing (expected the duty)`,
      `org.yml:${at("U0NOBODY")}: responsibilities.members.U0NOBODY: "U0NOBODY" is not a committee member (committee.members or committee.admins)`,
      `org.yml:${at("m13")}: responsibilities.members.U0NOBODY[0].target: the target "m13" is outside the list's year 2027`,
    ]);
  });

  it("a target that is no period says what it expects", () => {
    const text = `${base}responsibilities:\n  year: 2027\n  committee:\n    - { duty: 落实主体责任, target: soon }\n`;
    expect(lines(text)).toEqual([
      'org.yml:4: responsibilities.committee[0].target: expected a quarter "q1"–"q4" or a month "m1"–"m12" (or "2027-Q2", "2027-03"), got "soon"'.replace(
        "org.yml:4",
        `org.yml:${text.split("\n").findIndex((l) => l.includes("soon")) + 1}`,
      ),
    ]);
  });
});
