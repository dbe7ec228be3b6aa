import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSESSMENT_DEFAULTS } from "../../src/config/assessment-schema.ts";
import { formatOrgErrors, parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";

const minimal = readFileSync(new URL("../fixtures/org/valid-minimal.yml", import.meta.url), "utf8");
const SOURCES = [
  "lists-on-time",
  "lists-approved-first-time",
  "list-items-done",
  "lecture-turns-taken",
  "lecture-sessions-held",
];

function lines(section: string, sources: readonly string[] | undefined = SOURCES) {
  const result = parseOrgFile(`${minimal}${section}`, "org.yml", {
    ...(sources ? { assessmentSources: sources } : {}),
  });
  return result.ok
    ? result
    : { ok: false as const, lines: formatOrgErrors(result.errors, "org.yml") };
}
const base = minimal.split("\n").length - 1; // the section starts on line base + 1

describe("the org file's assessment section", () => {
  it("works with the party building weight alone, the rest defaulted", () => {
    const result = lines("assessment:\n  partyBuildingWeight: 0.4\n");
    if (!result.ok) throw new Error(result.lines.join("\n"));
    expect(result.org.assessment).toEqual({
      partyBuildingWeight: 0.4,
      draft: ASSESSMENT_DEFAULTS.draft,
      contestDays: 7,
      thresholds: { excellent: 90, good: 80, fair: 60 },
      indicators: ASSESSMENT_DEFAULTS.indicators,
    });
    // and round-trips through `pbb org show`
    const again = parseOrgFile(serializeOrg(result.org), "shown.yml");
    expect(again.ok && again.org.assessment).toEqual(result.org.assessment);
  });

  it("refuses weights that do not add up to 100, on the indicators' line", () => {
    const result = lines(
      [
        "assessment:",
        "  partyBuildingWeight: 0.4",
        "  indicators:",
        "    - { key: on-time, weight: 60, source: lists-on-time }",
        "    - { key: review, weight: 30, manual: true }",
        "",
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.lines).toEqual([
      `org.yml:${base + 3}: assessment.indicators: the weights add up to 90, not 100`,
    ]);
  });

  it("names an unknown source with its line and the closest known one", () => {
    const result = lines(
      [
        "assessment:",
        "  partyBuildingWeight: 0.4",
        "  indicators:",
        "    - key: on-time",
        "      weight: 70",
        "      source: lists-ontime",
        "    - { key: review, weight: 30, manual: true }",
        "",
      ].join("\n"),
    );
    expect(!result.ok && result.lines).toEqual([
      `org.yml:${base + 6}: assessment.indicators[0].source: unknown source "lists-ontime" (did you mean "lists-on-time"?)`,
    ]);
    // Without the features' names (a parse outside the bot and the CLI) the name is not checked.
    expect(lines("assessment:\n  partyBuildingWeight: 0.4\n", []).ok).toBe(false);
  });

  it("refuses a threshold order that makes a grade unreachable, and an indicator both or neither", () => {
    const result = lines(
      [
        "assessment:",
        "  partyBuildingWeight: 1.4",
        "  thresholds: { excellent: 80, good: 85, fair: 60 }",
        "  indicators:",
        "    - { key: a, weight: 50, source: lists-on-time, manual: true }",
        "    - { key: b, weight: 50 }",
        "",
      ].join("\n"),
    );
    expect(!result.ok && result.lines).toEqual([
      `org.yml:${base + 2}: assessment.partyBuildingWeight: expected a share between 0 and 1, such as 0.4, got 1.4`,
      `org.yml:${base + 3}: assessment.thresholds.good: must be below excellent (80), or no branch can be rated excellent`,
      `org.yml:${base + 5}: assessment.indicators[0].source: an indicator is either computed (source) or manual, not both`,
      `org.yml:${base + 6}: assessment.indicators[1].manual: missing: give a source the bot computes (source: lists-on-time), or manual: true`,
    ]);
  });
});
