/**
 * The service list's assessment sources on hand-made records: service reported by each member
 * each quarter of the branch's months (every report and every quiet member-quarter is an
 * evidence row), and the practical projects led by the branch confirmed done by the draft.
 */
import { describe, expect, it } from "vitest";
import { serviceListFeature } from "../../../src/features/service-list.ts";
import { translator } from "../../../src/i18n/index.ts";
import type { BranchScope } from "../../../src/services/assessment/source.ts";
import { applyOrgText } from "../../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import {
  type ProjectRecord,
  practicalProjectsDoneSource,
  projectsDone,
  type ReportRecord,
  reportsPerMember,
  serviceReportsPerMemberSource,
} from "../../../src/services/service-list/assessment.ts";
import { createTestDatabase } from "../../helpers/database.ts";
import { SERVICE_ORG_WITH_PROJECT } from "../../helpers/service-org.ts";

const branch = (key: string, from = "2026-01", to = "2026-12"): BranchScope => ({
  id: key.length,
  key,
  from,
  to,
});

let nextId = 1;
const report = (
  userId: string,
  branchKey: string,
  date: string,
  centiHours = 100,
): ReportRecord => ({
  id: nextId++,
  userId,
  branchKey,
  date,
  community: "Elm Court",
  centiHours,
  what: `Help on ${date}`,
});

describe("service-reports-per-member", () => {
  const members = new Map([
    ["vets", ["U0A", "U0B"]],
    ["office", ["U0C"]],
  ]);

  it("counts each member's quarters with a report, over the branch's months, with the reports and the quiet quarters as evidence", () => {
    const values = reportsPerMember(
      { branches: [branch("vets"), branch("office", "2026-10")] },
      members,
      [
        report("U0A", "vets", "2026-02-03"),
        report("U0A", "vets", "2026-03-04", 250), // same quarter: counts once
        report("U0A", "vets", "2026-11-05"),
        report("U0B", "vets", "2026-08-01"),
        report("U0X", "vets", "2026-08-01"), // not a member of the branch: not counted
        report("U0C", "office", "2026-06-01"), // before the branch's months
        report("U0C", "office", "2026-12-01"),
      ],
    );
    const vets = values.get("vets");
    expect(vets).toMatchObject({ achieved: 3, expected: 8 });
    expect(vets?.evidence.filter((e) => e.ok)).toHaveLength(4);
    expect(vets?.evidence.filter((e) => !e.ok).map((e) => e.params)).toEqual([
      { who: "U0B", quarter: "2026-Q1" },
      { who: "U0A", quarter: "2026-Q2" },
      { who: "U0B", quarter: "2026-Q2" },
      { who: "U0A", quarter: "2026-Q3" },
      { who: "U0B", quarter: "2026-Q4" },
    ]);
    const first = vets?.evidence[0];
    expect(first).toMatchObject({ when: "2026-02-03", ok: true });
    expect(translator("en")(first?.key as never, first?.params)).toBe(
      "<@U0A> reported service on 2026-02-03 in Elm Court (1 h): Help on 2026-02-03",
    );
    expect(translator("zh-CN")(first?.key as never, first?.params)).toBe(
      "<@U0A> 2026-02-03在Elm Court服务（1小时）：Help on 2026-02-03",
    );
    // the office branch exists from October: one quarter, one member, reported
    expect(values.get("office")).toMatchObject({ achieved: 1, expected: 1 });
    expect(values.get("office")?.evidence).toHaveLength(1);
  });

  it("a branch with no members expects nothing", () => {
    const values = reportsPerMember({ branches: [branch("empty")] }, members, []);
    expect(values.get("empty")).toEqual({ achieved: 0, expected: 0, evidence: [] });
  });
});

describe("practical-projects-done", () => {
  const project = (id: number, over: Partial<ProjectRecord>): ProjectRecord => ({
    id,
    title: `Project ${id}`,
    branchKey: "vets",
    status: "ACTIVE",
    beneficiaries: 100,
    confirmedAt: null,
    confirmedBy: null,
    channel: "C0COMMITTEE",
    ts: `17000000${id}.000100`,
    ...over,
  });
  const asOf = new Date("2026-12-01T00:00:00Z");

  it("counts the branch's projects confirmed done by the draft, naming each", () => {
    const values = projectsDone(
      { branches: [branch("vets"), branch("office")], asOf, year: 2026 },
      [
        project(1, {
          status: "DONE",
          confirmedAt: new Date("2026-10-02T03:00:00Z"),
          confirmedBy: "U0CHAIR",
        }),
        project(2, { status: "COMPLETION_REQUESTED" }),
        project(3, {
          status: "DONE",
          confirmedAt: new Date("2026-12-05T03:00:00Z"),
          confirmedBy: "U0CHAIR",
        }),
        project(4, { branchKey: "office", title: "Dry roof" }),
      ],
    );
    const vets = values.get("vets");
    expect(vets).toMatchObject({ achieved: 1, expected: 3 });
    expect(vets?.evidence.map((e) => [e.key, e.params?.title, e.ok])).toEqual([
      ["serviceList.assessment.projectDone", "Project 1", true],
      ["serviceList.assessment.projectOpen", "Project 2", false],
      ["serviceList.assessment.projectOpen", "Project 3", false],
    ]);
    expect(vets?.evidence[0]?.link).toBe("https://slack.com/archives/C0COMMITTEE/p170000001000100");
    expect(vets?.evidence[0]?.when).toBe("2026-10-02");
    expect(translator("en")(vets?.evidence[0]?.key as never, vets?.evidence[0]?.params)).toBe(
      "Practical project “Project 1” confirmed done by <@U0CHAIR> (100 beneficiaries)",
    );
    expect(values.get("office")).toMatchObject({ achieved: 0, expected: 1 });
  });

  it("both sources are the service list feature's", () => {
    expect(serviceListFeature.assessmentSources?.map((s) => s.name)).toEqual([
      "service-reports-per-member",
      "practical-projects-done",
    ]);
  });
});

describe("the sources read the store (pglite)", () => {
  it("one branch's reports and projects, as of the draft", async () => {
    const db = await createTestDatabase("pglite");
    try {
      const applied = await applyOrgText(db, offlineResolver, SERVICE_ORG_WITH_PROJECT, "org.yml", {
        actor: "test",
        source: "test",
      });
      expect(applied.status).not.toBe("invalid");
      await db.prisma.serviceReport.create({
        data: {
          userId: "U0A",
          branchKey: "vets",
          date: "2026-11-02",
          quarter: "2026-Q4",
          community: "Elm Court",
          category: "other",
          centiHours: 150,
          what: "Help",
        },
      });
      const scope = {
        year: 2026,
        asOf: new Date("2030-01-01T00:00:00Z"),
        timezone: "Asia/Shanghai",
        calendar: { holidays: [], workdays: [] } as never,
        settings: {},
        branches: [branch("vets", "2026-10")],
      };
      const reports = await serviceReportsPerMemberSource.compute(db, scope);
      // vets: U0SEC1, U0A, U0B over Q4
      expect(reports.get("vets")).toMatchObject({ achieved: 1, expected: 3 });
      const projects = await practicalProjectsDoneSource.compute(db, scope);
      expect(projects.get("vets")).toMatchObject({ achieved: 0, expected: 1 });
      expect(projects.get("vets")?.evidence[0]?.params?.title).toBe(
        "Renovate the Elm Court compound",
      );
    } finally {
      await db.close();
    }
  });
});
