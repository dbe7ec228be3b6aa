/**
 * The annual plans on the App Home (issue 19, the desk): a secretary sees their branch's four
 * plans and this quarter's items with where each stands; the committee the year by branch,
 * summarised (counts, the branches needing attention first, the report named). The loader takes
 * the same number of queries at 3 and 30 branches; at 300 branches × 4 plans the section stays
 * within its 8 blocks and the Home within Slack's limits, in both languages.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Reader } from "../../src/db/repositories/annual-plan.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { translator } from "../../src/i18n/index.ts";
import { validateView } from "../../src/localslack/emulator/validate.ts";
import type { PlanDeps } from "../../src/ports/annual-plans.ts";
import { decidePlan } from "../../src/services/annual-plans/decide.ts";
import { loadPlansHome } from "../../src/services/annual-plans/home.ts";
import { ensureAnnualPlanRequests } from "../../src/services/annual-plans/reminder.ts";
import { submitPlan } from "../../src/services/annual-plans/submit.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { annualPlanPresenter } from "../../src/slack/views/annual-plans/present.ts";
import { plansBlocks } from "../../src/slack/views/home/plans.ts";
import { allText } from "../e2e/round-trip-helpers.ts";
import { STORES, useTestDatabase, writeOrgText } from "../helpers/database.ts";
import { seedPlansYear } from "../helpers/plans-year.ts";
import { queryCounter } from "../helpers/query-count.ts";

const file = (
  locale: string,
) => `organization: { name: T, timezone: Asia/Shanghai, locale: ${locale} }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: b0, name: "B0 <&>", channel: C0B0, secretaries: [U0SEC0], members: [U0M1] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

const JAN = new Date("2027-01-06T01:00:00Z");
const MAY = new Date("2027-05-10T02:00:00Z"); // Q2

async function setUp(db: Database, locale = "en") {
  await writeOrgText(db, file(locale));
  return db;
}

/** b0: theory approved (Jan open → overdue, Apr done, May and Q2 open), conduct waiting; b1: one returned. */
async function plansInStates(db: Database) {
  const deps: PlanDeps = { db, now: () => JAN, presenters: { annualPlans: annualPlanPresenter } };
  await ensureAnnualPlanRequests({ db, at: JAN, source: "t", presenters: deps.presenters }, 2027);
  const planOf = (branch: string, k: "THEORY" | "CONDUCT") =>
    db.prisma.annualPlan.findFirstOrThrow({ where: { branch: { key: branch }, kind: k } });
  const item = (title: string, target: { month: number } | { quarter: number }) => ({
    title,
    target,
    ownerUserId: null,
    expectedResult: null,
  });
  const submit = async (planId: number, userId: string, items: ReturnType<typeof item>[]) =>
    expect(await submitPlan(deps, { planId, userId, items, source: "t" })).toMatchObject({
      ok: true,
    });
  const decide = async (planId: number, decision: "approve" | "return") => {
    const base = { planId, revision: 1, userId: "U0CHAIR", source: "t" };
    const req =
      decision === "approve"
        ? { ...base, decision }
        : { ...base, decision, comment: "Add targets" };
    expect(await decidePlan(deps, req)).toMatchObject({ ok: true });
  };
  const theory = await planOf("b0", "THEORY");
  await submit(theory.id, "U0SEC0", [
    item("January reading", { month: 1 }),
    item("April *lecture*", { month: 4 }),
    item("May visit", { month: 5 }),
    item("Spring review", { quarter: 2 }),
  ]);
  await decide(theory.id, "approve");
  await db.prisma.annualPlanItem.updateMany({
    where: { title: "April *lecture*" },
    data: { status: "DONE", doneAt: new Date("2027-04-20T02:00:00Z") },
  });
  await submit((await planOf("b0", "CONDUCT")).id, "U0SEC0", [item("Talk", { month: 6 })]);
  const b1 = await planOf("b1", "THEORY");
  await submit(b1.id, "U0SEC1", [item("Study", { month: 3 })]);
  await decide(b1.id, "return");
}

const asReader = (d: Database | PrismaClient) =>
  ("prisma" in d ? d.prisma : d) as unknown as Reader;

describe.each(STORES)("the annual plans on the Home (%s)", (kind) => {
  const testDb = useTestDatabase(kind);
  it("the committee sees the year by branch and a secretary their plans and this quarter's items", async () => {
    const db = await setUp(testDb());
    await plansInStates(db);
    const committee = await loadPlansHome(
      asReader(db),
      { committee: true, secretaryOf: [] },
      MAY,
      "Asia/Shanghai",
    );
    expect(committee?.committee).toEqual({
      branches: 2,
      states: { approved: 1, waiting: 1, returned: 1, "not-submitted": 5 },
      items: { total: 4, done: 1, overdue: 1 },
      rows: [
        {
          name: "B0 <&>",
          plans: [
            { kind: "arrangement", state: "not-submitted", total: 0, done: 0, overdue: 0 },
            { kind: "conduct", state: "waiting", total: 1, done: 0, overdue: 0 },
            { kind: "theory", state: "approved", total: 4, done: 1, overdue: 1 },
            { kind: "theme-day", state: "not-submitted", total: 0, done: 0, overdue: 0 },
          ],
        },
        {
          name: "B1",
          plans: [
            { kind: "arrangement", state: "not-submitted", total: 0, done: 0, overdue: 0 },
            { kind: "conduct", state: "not-submitted", total: 0, done: 0, overdue: 0 },
            { kind: "theory", state: "returned", total: 1, done: 0, overdue: 0 },
            { kind: "theme-day", state: "not-submitted", total: 0, done: 0, overdue: 0 },
          ],
        },
      ],
      more: 0,
    });
    const t = translator("en");
    const blocks = plansBlocks(committee ?? ({} as never), t);
    expect(allText(blocks)).toContain("⚪🟡🟢⚪ *B0 &lt;&amp;&gt;* · done 1 of 4 · 1 overdue");
    expect(allText(blocks)).toContain("done 1 of 4 (25%) · 1 overdue");

    // The secretary's Home: the plans' states and Q2's items (May's and Q2's open, April's done).
    const view = await renderHome({ db, now: () => MAY }, { userId: "U0SEC0" });
    expect(validateView(view)).toBeUndefined();
    const text = allText(view.blocks);
    expect(text).toContain("*B0 &lt;&amp;&gt;*: the four plans of 2027");
    expect(text).toContain("🟡 Party conduct and clean government: waiting for the committee");
    expect(text).toContain("🟢 Political theory study: approved · done 1 of 4");
    expect(text).toContain("*Due this quarter (Q2):*");
    expect(text).toContain("✅ April *lecture* · month 4 · done");
    expect(text).toContain("🔵 May visit · month 5 · in progress");
    expect(text).toContain("🔵 Spring review · Q2 · in progress");
    expect(text).not.toContain("January reading");
    expect(text).not.toContain("Every branch");
    // A member who is no secretary sees no plans.
    expect(
      allText((await renderHome({ db, now: () => MAY }, { userId: "U0M1" })).blocks),
    ).not.toContain("four plans");
  });

  it("in Chinese: the committee's grid and a secretary's items", async () => {
    const db = await setUp(testDb(), "zh-CN");
    await plansInStates(db);
    const text = allText((await renderHome({ db, now: () => MAY }, { userId: "U0CHAIR" })).blocks);
    expect(text).toContain("2027年“四个计划”");
    expect(text).toContain("*各支部：*");
    expect(text).toContain("⚪🟡🟢⚪ *B0 &lt;&amp;&gt;* · 已完成1/4项 · 逾期1项");
    const sec = allText((await renderHome({ db, now: () => MAY }, { userId: "U0SEC0" })).blocks);
    expect(sec).toContain("*本季度（第2季度）到期的项：*");
    expect(sec).toContain("🔵 May visit · 5月 · 推进中");
  });

  it("the loader takes the same number of queries at 3 and 30 branches", async () => {
    const db = await setUp(testDb());
    const counting = queryCounter(db);
    const count = (viewer: Parameters<typeof loadPlansHome>[1]) =>
      counting.count((reader) => loadPlansHome(asReader(reader), viewer, MAY, "Asia/Shanghai"));
    try {
      await seedPlansYear(db, { year: 2027, branches: 3, items: 6 });
      const ids = (await db.prisma.branch.findMany({ where: { key: { startsWith: "p" } } })).map(
        (b) => ({ id: b.id, name: b.name }),
      );
      const c3 = await count({ committee: true, secretaryOf: [] });
      const s3 = await count({ committee: false, secretaryOf: ids.slice(0, 1) });
      await seedPlansYear(db, { year: 2027, branches: 27, items: 6, from: 3 });
      const c30 = await count({ committee: true, secretaryOf: [] });
      const s30 = await count({ committee: false, secretaryOf: ids.slice(0, 1) });
      expect(c30.queries).toBe(c3.queries);
      expect(s30.queries).toBe(s3.queries);
      expect(c3.queries).toBeLessThanOrEqual(2);
      expect(s3.queries).toBeLessThanOrEqual(2);
      expect(c3.view?.committee?.branches).toBe(3);
      expect(c30.view?.committee?.branches).toBe(30);
      expect(s30.view?.branches[0]?.plans.map((p) => p.state)).toEqual(
        s3.view?.branches[0]?.plans.map((p) => p.state),
      );
    } finally {
      await counting.close();
    }
  });

  it("at 300 branches the section is summarised within 8 blocks, attention first, and the Home is valid", async () => {
    const db = await setUp(testDb());
    await seedPlansYear(db, { year: 2027, branches: 300, items: 2 });
    for (const locale of ["en", "zh-CN"] as const) {
      await db.prisma.organization.updateMany({ data: { locale } });
      const loaded = await loadPlansHome(
        asReader(db),
        { committee: true, secretaryOf: [] },
        MAY,
        "Asia/Shanghai",
      );
      const c = loaded?.committee;
      expect(c?.branches).toBe(300);
      expect(c?.rows).toHaveLength(8);
      expect(c?.more).toBe(300 - 8);
      // Every shown branch has plans waiting for the committee (the most urgent first).
      for (const row of c?.rows ?? [])
        expect(row.plans.some((p) => p.state === "waiting")).toBe(true);
      const blocks = plansBlocks(loaded ?? ({} as never), translator(locale));
      expect(blocks.length).toBeLessThanOrEqual(8);
      expect(allText(blocks)).toContain("/pbb report plans 2027");
      const view = await renderHome({ db, now: () => MAY }, { userId: "U0CHAIR" });
      expect(validateView(view)).toBeUndefined();
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(allText(view.blocks)).toContain(
        locale === "en" ? "Annual plans 2027" : "2027年“四个计划”",
      );
    }
  });
});
