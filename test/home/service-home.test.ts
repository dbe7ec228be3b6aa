/**
 * The service list on the App Home (issue 20), rendered from the database on both stores: a
 * member sees their registration (or the button to register) and their reports this quarter; a
 * secretary their branch's registration rate, members active, hours per member and the queries
 * to follow; the committee the org's figures, the worst branches first with counts, the pointer
 * to `/pbb report services` and the practical projects' line. The loader takes the same number
 * of queries at 30 and 300 branches, and the Home stays within Slack's limits.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { SERVICE_ACTION } from "../../src/slack/ids/service-list.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { allText, buttonsOf } from "../e2e/round-trip-helpers.ts";
import { STORES, useTestDatabase } from "../helpers/database.ts";
import { queryCounter } from "../helpers/query-count.ts";
import { SERVICE_ORG_WITH_PROJECT } from "../helpers/service-org.ts";

const NOW = new Date("2026-11-20T02:00:00Z");

async function seed(db: Database): Promise<void> {
  const applied = await applyOrgText(db, offlineResolver, SERVICE_ORG_WITH_PROJECT, "org.yml", {
    actor: "test",
    source: "test",
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  await db.prisma.serviceRegistration.createMany({
    data: [
      { userId: "U0A", community: "Pine Yard" },
      { userId: "U0B", community: "Elm Court" },
      { userId: "U0C", community: "Oak Lane" },
    ],
  });
  const report = (userId: string, branchKey: string, date: string, centiHours: number) => ({
    userId,
    branchKey,
    date,
    quarter: "2026-Q4",
    community: "Elm Court",
    category: "policy-consultation",
    centiHours,
    what: `Service by ${userId} on ${date}`,
  });
  await db.prisma.serviceReport.createMany({
    data: [
      report("U0A", "vets", "2026-11-02", 150),
      report("U0A", "vets", "2026-11-09", 250),
      { ...report("U0B", "vets", "2026-10-05", 100), queriedBy: "U0SEC1", query: "Which day?" },
      { ...report("U0A", "vets", "2026-10-06", 100), queriedBy: "U0SEC1", query: "Who?" },
      { ...report("U0A", "vets", "2026-09-30", 500), quarter: "2026-Q3" }, // last quarter
    ],
  });
  const queried = await db.prisma.serviceReport.findFirstOrThrow({
    where: { userId: "U0A", queriedBy: "U0SEC1" },
  });
  await db.prisma.serviceQueryReply.create({
    data: { reportId: queried.id, authorId: "U0A", text: "Me", slackTs: "1.1" },
  });
}

/** Branches y{from}..y{to-1}, each with two members, one registered and one report. */
async function addBranches(db: Database, from: number, to: number): Promise<void> {
  const keys = Array.from({ length: to - from }, (_, k) => `y${from + k}`);
  await db.prisma.branch.createMany({
    data: keys.map((key) => ({ key, name: `Branch ${key}`, channelId: `C0${key.toUpperCase()}` })),
  });
  await db.prisma.person.createMany({
    data: keys.flatMap((k) => [{ slackUserId: `U${k}A` }, { slackUserId: `U${k}B` }]),
  });
  const branches = await db.prisma.branch.findMany({ where: { key: { in: keys } } });
  const people = await db.prisma.person.findMany({ where: { slackUserId: { startsWith: "Uy" } } });
  const personId = new Map(people.map((p) => [p.slackUserId, p.id]));
  await db.prisma.branchRole.createMany({
    data: branches.flatMap((b) =>
      ["A", "B"].map((s) => ({
        branchId: b.id,
        personId: personId.get(`U${b.key}${s}`) ?? 0,
        role: "MEMBER" as const,
      })),
    ),
  });
  await db.prisma.serviceRegistration.createMany({
    data: keys.map((k) => ({ userId: `U${k}A`, community: "Elm Court" })),
  });
  await db.prisma.serviceReport.createMany({
    data: keys.map((k) => ({
      userId: `U${k}A`,
      branchKey: k,
      date: "2026-11-03",
      quarter: "2026-Q4",
      community: "Elm Court",
      category: "other",
      centiHours: 200,
      what: "Help",
    })),
  });
}

describe.each(STORES)("the service list on the Home (%s)", (store) => {
  const testDb = useTestDatabase(store, { setUp: seed });

  const home = (userId: string) => renderHome({ db: testDb(), now: () => NOW }, { userId });

  it("a member sees their registration and their reports this quarter, one not registered the button to register", async () => {
    const view = await home("U0A");
    const text = allText(view.blocks);
    expect(text).toContain("Community service, 2026-Q4");
    expect(text).toContain("You are registered in *Pine Yard*.");
    expect(text).toContain("Your reports in 2026-Q4: 3, 5 h.");
    expect(text).toContain("Service by U0A on 2026-11-09");
    expect(text).not.toContain("Service by U0A on 2026-09-30");
    expect(text).not.toContain("Service by U0B"); // another member's report
    expect(text).not.toContain("Branches needing attention");
    const buttons = buttonsOf(view.blocks).map((b) => b.action_id);
    expect(buttons).toContain(SERVICE_ACTION.openReport);
    expect(buttons).not.toContain(SERVICE_ACTION.branchReports);

    const d = allText((await home("U0D")).blocks);
    expect(d).toContain("You have not registered your residential community yet.");
    expect(buttonsOf((await home("U0D")).blocks).map((b) => b.action_id)).toContain(
      SERVICE_ACTION.openRegister,
    );
  });

  it("a secretary sees their branch's figures and the queries to follow", async () => {
    const view = await home("U0SEC1");
    const text = allText(view.blocks);
    // vets: U0SEC1, U0A, U0B; registered U0A, U0B; active U0A, U0B; 6 h / 3 members
    expect(text).toContain("*Veterans Branch*: registered 2/3 (67%) · active 2 · 2 h per member");
    expect(text).toContain(
      "4 reports this quarter · queries waiting for an answer: 1 · answered: 1",
    );
    expect(text).not.toContain("Office Branch");
    expect(buttonsOf(view.blocks).map((b) => b.action_id)).toContain(SERVICE_ACTION.branchReports);
  });

  it("the committee sees the grid summarised, worst first, with the projects' line", async () => {
    const view = await home("U0CHAIR");
    const text = allText(view.blocks);
    // office: U0SEC2, U0C, U0D; registered U0C (33%); none active: worst first
    const office = text.indexOf(
      "*Office Branch*: registered 1/3 (33%) · active 0 · 0 h per member",
    );
    const vets = text.indexOf("*Veterans Branch*: registered 2/3 (67%)");
    expect(office).toBeGreaterThan(-1);
    expect(vets).toBeGreaterThan(office);
    expect(text).toContain(
      "1 branches under half registered · 1 branches with no member active this quarter",
    );
    expect(text).toContain("3/6 (50%)");
    expect(text).toContain(
      "*Practical projects 2026:* 1 · 1 in progress (1 with a milestone overdue) · 0 asking for completion · 0 done",
    );
    expect(text).toContain("`/pbb report services`");
  });

  it("in Chinese, the same Home speaks Chinese", async () => {
    const db = testDb();
    await db.prisma.organization.update({ where: { id: 1 }, data: { locale: "zh-CN" } });
    const text = allText((await home("U0CHAIR")).blocks);
    expect(text).toContain("社区服务（2026-Q4）");
    expect(text).toContain("*2026年实事项目：* 共1个");
  });

  it("when there are 30 or 300 branches, the committee's Home takes the same number of queries and stays within Slack's limits", async () => {
    const db = testDb();
    const counting = queryCounter(db);
    const count = (userId: string) =>
      counting.count((reader) => renderHome({ db, now: () => NOW }, { userId, reader }));
    try {
      await addBranches(db, 0, 28);
      const at30 = await count("U0CHAIR");
      const secretary30 = await count("U0SEC1");
      await addBranches(db, 28, 298);
      const at300 = await count("U0CHAIR");
      const secretary300 = await count("U0SEC1");
      console.log(
        `committee Home with the service list: ${at30.queries} queries at 30 branches, ${at300.queries} at 300`,
      );
      expect(at300.queries).toBe(at30.queries);
      expect(secretary300.queries).toBe(secretary30.queries);
      expect(validateView(at300.view)).toBeUndefined();
      expect(at300.view.blocks.length).toBeLessThanOrEqual(100);
      const text = allText(at300.view.blocks);
      expect(text).toContain("(5 of 300)");
      expect(text).toContain("301/602 (50%)"); // U0A, U0B, U0C and one of each added branch
    } finally {
      await counting.close();
    }
  });
});
