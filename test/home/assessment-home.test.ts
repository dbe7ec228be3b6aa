/**
 * The annual assessment on the App Home (issue 22): the committee sees the year's state, the
 * ranking's top and the remarks and contests awaiting an answer with an Answer button each; a
 * secretary their branch's total, grade, rank and the state of the remarks on its card; a
 * member nothing of it. At most 8 blocks for any role, valid, both languages, and the whole Home
 * within 100 blocks at 300 branches; loaded from the database (a drafted year, every card
 * contested), the chair's Home takes the same number of queries at 4 and 300 branches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentSourcesOf, features } from "../../src/app/features.ts";
import type { Database } from "../../src/db/client.ts";
import { translator } from "../../src/i18n/index.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import type { AssessmentHomeView } from "../../src/ports/assessment.ts";
import { draftYear } from "../../src/services/assessment/draft.ts";
import { loadAssessmentHome } from "../../src/services/assessment/home.ts";
import { currentOrgRecord } from "../../src/services/org/current.ts";
import { ASSESSMENT_ACTION } from "../../src/slack/ids/assessment.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { assessmentBlocks } from "../../src/slack/views/home/assessment.ts";
import { buildHomeModel, buildHomeView } from "../../src/slack/views/home/index.ts";
import { allText, buttonsOf } from "../e2e/round-trip-helpers.ts";
import { setupAssessmentOrg } from "../helpers/assessment-year.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";
import { queryCounter } from "../helpers/query-count.ts";
import { homeInput, type Role } from "./home-fixtures.ts";

const view = (committee: boolean, secretary: boolean): AssessmentHomeView => ({
  year: 2026,
  state: "draft",
  count: 300,
  committee: committee
    ? {
        top: [
          { rank: 1, branchName: "Branch 007", total: 93.2, grade: "excellent" },
          { rank: 2, branchName: "Branch <012>", total: 88, grade: "good" },
          { rank: 3, branchName: "Branch 001", total: 80.4, grade: null },
        ],
        ungraded: 12,
        open: [
          { id: 4, branchName: "Branch 002", kind: "contest", text: "March was on time" },
          { id: 9, branchName: "Branch 003", kind: "remark", text: "We held two more sessions" },
        ],
        openCount: 5,
      }
    : null,
  branches: secretary
    ? [
        {
          name: "Branch 001",
          rank: 3,
          total: 80.4,
          partyBuilding: 72.5,
          grade: null,
          open: 1,
          answered: 2,
        },
      ]
    : [],
});

const render = (n: number, role: Role, locale: "en" | "zh-CN" = "en") => {
  const committee = role === "committee" || role === "all";
  const secretary = role === "secretary" || role === "all";
  const input = {
    ...homeInput(n, role),
    assessment: committee || secretary ? view(committee, secretary) : null,
  };
  return buildHomeView(buildHomeModel(input), translator(locale));
};

describe("the annual assessment on the App Home", () => {
  it.each([3, 300])("is valid, at most 8 blocks, the Home within 100 with %i branches", (n) => {
    for (const role of ["committee", "secretary", "member", "all"] as const) {
      const home = render(n, role);
      expect(validateView(home)).toBeUndefined();
      expect(home.blocks.length).toBeLessThanOrEqual(100);
    }
    for (const locale of ["en", "zh-CN"] as const) {
      expect(assessmentBlocks(view(true, true), translator(locale)).length).toBeLessThanOrEqual(8);
    }
  });

  it("shows the committee the state, the top and what awaits an answer, with the oldest one's Answer button", () => {
    const home = render(3, "committee");
    const text = allText(home.blocks);
    expect(text).toContain("*2026* (draft): 300 branches ranked, 12 not graded yet.");
    expect(text).toContain("1. Branch 007: total 93.20, excellent");
    expect(text).toContain("3. Branch 001: total 80.40, not graded yet");
    // Typed text escaped.
    expect(text).toContain("Branch &lt;012&gt;");
    expect(text).toContain("awaiting the committee's answer: 5*");
    expect(text).toContain("#4 contest, Branch 002: March was on time");
    const answers = buttonsOf(home.blocks).filter(
      (b) => b.action_id === ASSESSMENT_ACTION.openAnswer,
    );
    expect(answers.map((b) => b.value)).toEqual(["4"]);
  });

  it("shows a secretary their card and the state of its remarks, in both languages", () => {
    const en = allText(render(3, "secretary").blocks);
    expect(en).toContain(
      "*Branch 001* (draft): total 80.40, party building 72.50, grade not graded yet, rank 3 of 300. Remarks on the card: 1 awaiting an answer, 2 answered.",
    );
    const zh = allText(render(3, "secretary", "zh-CN").blocks);
    expect(zh).toContain("Branch 001（初稿）：总分80.40，党建考核72.50分");
    expect(zh).toContain("1条待答复，2条已答复");
    expect(buttonsOf(render(3, "secretary").blocks).map((b) => b.action_id)).not.toContain(
      ASSESSMENT_ACTION.openAnswer,
    );
  });

  it("shows a member nothing of the assessment", () => {
    expect(allText(render(3, "member").blocks)).not.toContain("Annual assessment");
  });
});

describe.each(STORES)("the annual assessment on the chair's Home at 300 branches (%s)", (store) => {
  let db: Database;
  const NOW = new Date("2026-12-21T02:00:00Z");
  beforeAll(async () => {
    db = await createTestDatabase(store);
    await setupAssessmentOrg(db, 2026, 12);
    await db.prisma.organization.update({ where: { id: 1 }, data: { locale: "en" } });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  /** Drafts the year over the branches there are, then opens a contest on every card. */
  async function draftWithContests(): Promise<void> {
    await db.prisma.assessmentRemark.deleteMany();
    await db.prisma.assessmentCard.deleteMany();
    await db.prisma.assessmentYear.deleteMany();
    const org = (await currentOrgRecord(db))!;
    const drafted = await draftYear({
      db,
      org,
      sources: assessmentSourcesOf(features),
      year: 2026,
      asOf: new Date("2026-12-20T01:00:00Z"),
      render: () => [],
    });
    expect(drafted.status).toBe("drafted");
    const cards = await db.prisma.assessmentCard.findMany({ select: { id: true } });
    await db.prisma.assessmentRemark.createMany({
      data: cards.map((c) => ({
        cardId: c.id,
        indicator: "lists-on-time",
        kind: "contest",
        text: `A long explanation of why the month was on time after all: ${"x".repeat(400)}`,
        by: "U0SEC1",
        at: new Date("2026-12-20T06:00:00Z"),
      })),
    });
  }

  it("takes the same number of queries at 4 and 300 branches, and stays within Slack's limits", async () => {
    const counting = queryCounter(db);
    const count = (userId: string) =>
      counting.count((reader) => renderHome({ db, now: () => NOW }, { userId, reader }));
    try {
      await draftWithContests();
      const chair4 = await count("U0CHAIR");
      const deputy4 = await count("U0DEPUTY");
      await db.prisma.branch.createMany({
        data: Array.from({ length: 296 }, (_, i) => ({
          key: `extra${i}`,
          name: `Extra branch ${String(i).padStart(3, "0")}`,
          channelId: `C0EXTRA${i}`,
          createdAt: new Date("2025-01-01T00:00:00Z"),
        })),
      });
      await draftWithContests();
      const chair300 = await count("U0CHAIR");
      const deputy300 = await count("U0DEPUTY");
      expect(chair300.queries).toBe(chair4.queries);
      expect(deputy300.queries).toBe(deputy4.queries);
      for (const { view } of [chair300, deputy300]) {
        expect(validateView(view)).toBeUndefined();
        expect(view.blocks.length).toBeLessThanOrEqual(100);
      }
      const text = allText(chair300.view.blocks);
      expect(text).toContain("(draft): 300 branches ranked, 300 not graded yet.");
      expect(text).toContain("awaiting the committee's answer: 300*");
      // The deputy (office's secretary) answers others' contests, not office's own.
      expect(allText(deputy300.view.blocks)).toContain("awaiting the committee's answer: 299*");
      expect(allText(deputy300.view.blocks)).toContain("rank");
      const office = await db.prisma.branch.findFirstOrThrow({ where: { key: "office" } });
      const section = await loadAssessmentHome(
        db.prisma,
        { userId: "U0DEPUTY", committee: true, secretaryOf: [{ id: office.id, name: "office" }] },
        NOW,
        "Asia/Shanghai",
      );
      expect(section?.count).toBe(300);
      for (const locale of ["en", "zh-CN"] as const) {
        expect(assessmentBlocks(section!, translator(locale)).length).toBeLessThanOrEqual(8);
      }
    } finally {
      await counting.close();
    }
  }, 120_000);
});
