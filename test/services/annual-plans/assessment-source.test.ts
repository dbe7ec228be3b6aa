import { describe, expect, it } from "vitest";
import type { PlanDeps } from "../../../src/ports/annual-plans.ts";
import { planItemsOnTime } from "../../../src/services/annual-plans/assessment-source.ts";
import { decidePlan } from "../../../src/services/annual-plans/decide.ts";
import { ensureAnnualPlanRequests } from "../../../src/services/annual-plans/reminder.ts";
import { submitPlan } from "../../../src/services/annual-plans/submit.ts";
import { annualPlanPresenter } from "../../../src/slack/views/annual-plans/present.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const file = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0], members: [U0M1] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

describe.each(STORES)("plan-items-on-time (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file });
  it("counts the items due by the draft and those done by the end of their target", async () => {
    const db = testDb();
    const now = new Date("2027-01-06T01:00:00Z");
    const deps: PlanDeps = { db, now: () => now, presenters: { annualPlans: annualPlanPresenter } };
    await ensureAnnualPlanRequests({ db, at: now, source: "t", presenters: deps.presenters }, 2027);
    const plan = await db.prisma.annualPlan.findFirstOrThrow({
      where: { branch: { key: "b0" }, kind: "THEORY" },
    });
    const item = (title: string, month: number | null, quarter?: number) => ({
      title,
      target: month ? { month } : { quarter: quarter ?? 1 },
      ownerUserId: null,
      expectedResult: null,
    });
    const items = [item("January", 1), item("February", 2), item("Autumn", null, 4)];
    expect(
      await submitPlan(deps, { planId: plan.id, userId: "U0SEC0", items, source: "t" }),
    ).toMatchObject({ ok: true });
    expect(
      await decidePlan(deps, {
        planId: plan.id,
        revision: 1,
        userId: "U0CHAIR",
        decision: "approve",
        source: "t",
      }),
    ).toMatchObject({ ok: true });
    const done = (title: string, at: string) =>
      db?.prisma.annualPlanItem.updateMany({
        where: { revision: { planId: plan.id }, title },
        data: { status: "DONE", doneAt: new Date(at), doneBy: "U0M1" },
      });
    await done("January", "2027-01-20T02:00:00Z");
    await done("February", "2027-03-05T02:00:00Z");
    const scope = {
      year: 2027,
      asOf: new Date("2027-04-01T00:00:00Z"),
      timezone: "Asia/Shanghai",
      calendar: { timezone: "Asia/Shanghai", holidays: [], workdays: [] },
      settings: {},
      branches: [
        { id: 1, key: "b0", from: "2027-01", to: "2027-12" },
        { id: 2, key: "b1", from: "2027-01", to: "2027-12" },
      ],
    };
    const values = await planItemsOnTime.compute(db, scope);
    expect(values.get("b0")).toEqual({
      achieved: 1,
      expected: 2,
      evidence: [
        {
          when: "2027-01",
          key: "annualPlans.assessment.done",
          params: { title: "January", date: "2027-01-20" },
          ok: true,
        },
        {
          when: "2027-02",
          key: "annualPlans.assessment.late",
          // February ended on Sunday the 28th: Monday to Friday late.
          params: { title: "February", date: "2027-03-05", days: 5 },
          ok: false,
        },
      ],
    });
    expect(values.get("b1")).toEqual({ achieved: 0, expected: 0, evidence: [] });
  });
});
