import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatOrgErrors, parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";

const minimal = readFileSync(new URL("../fixtures/org/valid-minimal.yml", import.meta.url), "utf8");

function parse(section: string) {
  return parseOrgFile(`${minimal}${section}`, "org.yml");
}
function errorLines(section: string) {
  const result = parse(section);
  if (result.ok) throw new Error("expected errors");
  return formatOrgErrors(result.errors, "org.yml");
}

describe("the inspections section", () => {
  it("is optional, so an older file stays valid", () => {
    const result = parse("");
    expect(result.ok && result.org.inspections).toBeUndefined();
  });

  it("works with only the months, everything else defaulted", () => {
    const result = parse(
      "inspections:\n  mutual: { months: [6, 12] }\n  supervision: { months: [3, 6, 9, 12] }\n",
    );
    if (!result.ok) throw new Error(formatOrgErrors(result.errors, "org.yml").join("\n"));
    expect(result.org.inspections).toEqual({
      mutual: { months: [6, 12] },
      supervision: { months: [3, 6, 9, 12] },
      windowDays: 15,
      time: "09:00",
      checklist: [],
    });
    expect(parseOrgFile(serializeOrg(result.org), "again.yml")).toMatchObject({
      ok: true,
      org: result.org,
    });
  });

  it("takes a checklist with maximum scores and hints", () => {
    const result = parse(
      [
        "inspections:",
        "  windowDays: 10",
        "  checklist:",
        "    - { key: meetings, title: 三会一课, maxScore: 40, hint: minutes and attendance }",
        "    - { key: dues, title: 党费, maxScore: 60 }",
        "",
      ].join("\n"),
    );
    expect(result.ok && result.org.inspections?.checklist).toEqual([
      { key: "meetings", title: "三会一课", maxScore: 40, hint: "minutes and attendance" },
      { key: "dues", title: "党费", maxScore: 60 },
    ]);
  });

  it("names each bad field with its path and line", () => {
    const first = minimal.split("\n").length; // the line "inspections:" lands on
    expect(
      errorLines(
        [
          "inspections:",
          "  mutual: { months: [6, 13] }",
          "  supervision: { months: [3, 3] }",
          "  windowDays: 0",
          "  checklist:",
          "    - { key: dues, title: 党费, maxScore: -5 }",
          "    - { key: dues, title: '', maxScore: 10 }",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      `org.yml:${first + 1}: inspections.mutual.months[1]: expected a month from 1 to 12, got 13`,
      `org.yml:${first + 2}: inspections.supervision.months[1]: month 3 is listed twice (also at [0])`,
      `org.yml:${first + 3}: inspections.windowDays: expected a whole number of days from 1 to 60, got 0`,
      `org.yml:${first + 5}: inspections.checklist[0].maxScore: expected a whole number of points from 1 to 1000, got -5`,
      `org.yml:${first + 6}: inspections.checklist[1].key: duplicate checklist key "dues" (also checklist[0].key)`,
      `org.yml:${first + 6}: inspections.checklist[1].title: expected the item's title, got ""`,
    ]);
  });

  it("an unknown key is named with its line", () => {
    const first = minimal.split("\n").length;
    expect(errorLines("inspections:\n  mutal: { months: [6] }\n")[0]).toMatch(
      new RegExp(`^org.yml:${first + 1}: inspections`),
    );
  });
});
