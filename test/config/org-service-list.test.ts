import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { formatOrgErrors, parseOrgFile, serializeOrg } from "../../src/config/org-file.ts";

const base = readFileSync(
  new URL("../../test/fixtures/org/valid-minimal.yml", import.meta.url),
  "utf8",
).replace("    secretaries: [U0SEC1]\n", "    secretaries: [U0SEC1]\n    community: 幸福里社区\n");

const sections = `services:
  - branch: resettlement
    category: policy-consultation
    what: 政策咨询
    frequency: monthly
    lead: U0SEC1
practicalProjects:
  - key: old-compound
    title: 老旧小区改造
    serves: 退役军人
    branch: resettlement
    lead: U0SEC1
    goal: 完成改造
    beneficiaries: 120
    milestones:
      - { title: 摸底, due: "2026-03-31" }
      - { title: 施工, due: "2026-09-30" }
`;

const lines = (text: string) => {
  const result = parseOrgFile(text, "org.yml");
  return result.ok ? [] : formatOrgErrors(result.errors, "org.yml");
};

describe("the service list in the org file", () => {
  it("a branch's community, the services and the practical projects are read and written back", () => {
    const result = parseOrgFile(base + sections, "org.yml");
    if (!result.ok) throw new Error(formatOrgErrors(result.errors, "org.yml").join("\n"));
    expect(result.org.branches[0]?.community).toBe("幸福里社区");
    expect(result.org.services).toEqual([
      {
        branch: "resettlement",
        category: "policy-consultation",
        what: "政策咨询",
        frequency: "monthly",
        lead: "U0SEC1",
      },
    ]);
    expect(result.org.practicalProjects?.[0]?.milestones).toEqual([
      { title: "摸底", due: "2026-03-31" },
      { title: "施工", due: "2026-09-30" },
    ]);
    const again = parseOrgFile(serializeOrg(result.org), "org.yml");
    expect(again.ok && again.org).toStrictEqual(result.org);
  });

  it("each mistake is one error at its field and line", () => {
    const text = (base + sections)
      .replace("branch: resettlement\n    category", "branch: resetlement\n    category")
      .replace("frequency: monthly", "frequency: daily")
      .replace("beneficiaries: 120", "beneficiaries: -3")
      .replace('due: "2026-09-30"', 'due: "2026-09-31"');
    expect(lines(text)).toEqual([
      'org.yml:17: services[0].branch: no branch has the key "resetlement" (did you mean "resettlement"?)',
      'org.yml:20: services[0].frequency: expected one of weekly, monthly, quarterly, yearly, once, got "daily"',
      "org.yml:29: practicalProjects[0].beneficiaries: expected a whole number of people from 0, got -3",
      'org.yml:32: practicalProjects[0].milestones[1].due: expected a date "YYYY-MM-DD", got "2026-09-31"',
    ]);
  });

  it("a project without milestones, a key taken twice, an empty community", () => {
    const text = `${base.replace("community: 幸福里社区", 'community: " "')}${sections.replace(
      / {4}milestones:\n[\s\S]*$/,
      "    milestones: []\n",
    )}  - { key: old-compound, title: t, serves: s, branch: resettlement, lead: U0SEC1, goal: g, beneficiaries: 1, milestones: [{ title: m, due: "2026-01-01" }] }\n`;
    expect(lines(text)).toEqual([
      `org.yml:12: branches[0].community: expected the branch's joint-construction community, got " "`,
      "org.yml:30: practicalProjects[0].milestones: must not be empty: expected at least one milestone with a due date",
      'org.yml:31: practicalProjects[1].key: duplicate project key "old-compound" (also practicalProjects[0].key)',
    ]);
  });
});

describe("the service list's examples in examples/org.yml and org.en.yml", () => {
  it.each(["org.yml", "org.en.yml"])(
    "%s: the commented sections, uncommented into the file, apply",
    (name) => {
      const text = readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");
      const block = (text.split("# service-list:begin\n")[1] ?? "")
        .split("# service-list:end")[0]
        ?.split("\n")
        .map((l) => l.replace(/^# ?/, ""))
        .join("\n");
      const example = parseYaml(block ?? "") as {
        branches: { key: string; community: string }[];
        services: unknown[];
        practicalProjects: unknown[];
      };
      const community = example.branches[0]?.community ?? "";
      expect(community).not.toBe("");
      const file = `${text.replace(/ {2}- key: resettlement[^\n]*\n/, (m) => `${m}    community: ${community}\n`)}\n${stringifyYaml({ services: example.services, practicalProjects: example.practicalProjects })}`;
      const result = parseOrgFile(file, name);
      if (!result.ok) throw new Error(formatOrgErrors(result.errors, name).join("\n"));
      expect(result.org.branches[0]?.community).toBe(community);
      expect(result.org.services).toHaveLength(2);
      expect(result.org.practicalProjects?.[0]?.milestones).toHaveLength(2);
    },
  );
});
