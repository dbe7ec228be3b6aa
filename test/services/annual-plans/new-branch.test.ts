/**
 * A branch created in July (added to the org file mid-year) is asked for the rest of the year's
 * plans by `annual-plan-new-branches`, once: its plans start at July, a target before it is
 * refused; the branches asked in January are not asked again. Before the year's reminder the job
 * leaves it to the reminder.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import { parsePlanRows } from "../../../src/domain/annual-plan.ts";
import { annualPlanNewBranchesJob } from "../../../src/jobs/annual-plans/new-branches.ts";
import {
  askNewBranches,
  ensureAnnualPlanRequests,
} from "../../../src/services/annual-plans/reminder.ts";
import { annualPlanPresenter } from "../../../src/slack/views/annual-plans/present.ts";
import { createTestDatabase, STORES, writeOrgText } from "../../helpers/database.ts";

const file = (extra: string) => `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0] }
${extra}schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const presenters = { annualPlans: annualPlanPresenter };

describe.each(STORES)("a branch created in July (%s)", (kind) => {
  it("is asked once for the rest of the year; the others are not asked again", async () => {
    db = await createTestDatabase(kind);
    const apply = async (text: string) => {
      await writeOrgText(db as Database, text);
    };
    await apply(file(""));
    const jan = new Date("2027-01-06T01:00:00Z");
    expect(
      await ensureAnnualPlanRequests({ db, at: jan, source: "t", presenters }, 2027),
    ).toMatchObject({
      plansCreated: 4,
      requestsPosted: 1,
    });
    // Before anything was added, a daily run finds nobody to ask.
    const june = new Date("2027-06-30T01:00:00Z");
    expect(await askNewBranches({ db, at: june, source: "t", presenters })).toMatchObject({
      branches: 0,
      plansCreated: 0,
    });
    await apply(file(`  - { key: b2, name: B2, channel: C0B2, secretaries: [U0SEC2] }\n`));
    await db.prisma.branch.update({
      where: { key: "b2" },
      data: { createdAt: new Date("2027-07-10T02:00:00Z") },
    });
    const july = new Date("2027-07-11T01:00:00Z");
    const first = await askNewBranches({ db, at: july, source: "t", presenters });
    expect(first).toMatchObject({ year: 2027, branches: 1, plansCreated: 4, requestsPosted: 1 });
    const again = await askNewBranches({
      db,
      at: new Date("2027-07-12T01:00:00Z"),
      source: "t",
      presenters,
    });
    expect(again).toMatchObject({ branches: 0, plansCreated: 0, requestsPosted: 0 });
    const plans = await db.prisma.annualPlan.findMany({ where: { branch: { key: "b2" } } });
    expect(plans.map((p) => [p.year, p.firstMonth])).toEqual([
      [2027, 7],
      [2027, 7],
      [2027, 7],
      [2027, 7],
    ]);
    expect(await db.prisma.annualPlan.count({ where: { branch: { key: "b0" } } })).toBe(4);
    // Its plan may only target months from July on.
    const rules = { firstMonth: 7, branchPeople: new Set(["U0SEC2"]) };
    expect(parsePlanRows([{ row: 0, title: "Visit", target: "m6" }], rules)).toMatchObject({
      ok: false,
      errors: [{ row: 0, field: "target", error: "targetOutsideYear", params: { month: 7 } }],
    });
    expect(parsePlanRows([{ row: 0, title: "Visit", target: "q3" }], rules)).toMatchObject({
      ok: true,
    });

    // The job fires daily at the reminder's time; before the next year's reminder it asks nobody.
    const org = await loadOrgRecord(db);
    if (!org) throw new Error("no org");
    const jobOrg = {
      timezone: org.timezone,
      locale: org.locale,
      settings: org.settings,
      firstAppliedAt: jan,
    };
    const fires = annualPlanNewBranchesJob.occurrencesBetween(
      jobOrg,
      new Date("2027-07-10T00:00:00Z"),
      new Date("2027-07-12T00:00:00Z"),
    );
    expect(fires.map((f) => [f.key, f.fireAt.toISOString()])).toEqual([
      ["2027-07-10", "2027-07-10T01:00:00.000Z"],
      ["2027-07-11", "2027-07-11T01:00:00.000Z"],
    ]);
    await db.prisma.branch.update({
      where: { key: "b2" },
      data: { createdAt: new Date("2027-12-20T02:00:00Z") },
    });
    expect(
      await askNewBranches({ db, at: new Date("2028-01-03T01:00:00Z"), source: "t", presenters }),
    ).toMatchObject({ year: 2028, branches: 0 });
  });
});
