/**
 * `quarter-tracking` checks the responsibility lists in the same fire as the branches' plans:
 * each committee member gets one DM with the quarter's items (their own and the committee's),
 * keyed by the quarter, so a second run of the same occurrence sends nothing more.
 */
import { describe, expect, it } from "vitest";
import { features, jobsOf } from "../../src/app/features.ts";
import { runJobByName } from "../../src/jobs/manual.ts";
import { STORES, useTestDatabase } from "../helpers/database.ts";
import { logger } from "./helpers.ts";

const ORG = `organization: { name: Test Committee, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY], admins: [U0CHAIR] }
branches:
  - { key: resettlement, name: Resettlement Branch, channel: C0RESETTLE, secretaries: [U0SEC1], members: [U0MEM1] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
  quarterTracking: { time: "09:00" }
calendar: { useStatutoryHolidays: false }
responsibilities:
  year: 2027
  committee:
    - { duty: Plan the year's work on strict party governance, target: q1 }
    - { duty: Supervise every branch, target: q4 }
  members:
    U0DEPUTY:
      - { duty: Hold the divisions to their clean-government duties, target: m2 }
`;

describe.each(STORES)("quarter-tracking and the responsibility lists (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: ORG });
  it("DMs each committee member their quarter's items in the same fire, once", async () => {
    const db = testDb();
    const env = { db, jobs: jobsOf(features), logger, runner: "test" };

    expect((await runJobByName(env, "quarter-tracking", "2027-04-01T09:00")).status).toBe("ran");
    const checks = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "duty-check:" } },
      orderBy: { id: "asc" },
    });
    expect(checks.map((d) => [d.method, d.dedupeKey])).toEqual([
      ["dm", "duty-check:2027-Q1:U0CHAIR"],
      ["dm", "duty-check:2027-Q1:U0DEPUTY"],
    ]);
    const deputy = checks[1]?.payload as { user: string; text: string };
    expect(deputy.user).toBe("U0DEPUTY");
    expect(deputy.text).toMatch(/0 done.*2 overdue|done: 0.*overdue: 2/is);
    // the branch's own quarter message went out in the same fire
    const all = await db.prisma.delivery.findMany();
    const toBranch = all.filter(
      (d) => (d.payload as { channel?: string }).channel === "C0RESETTLE",
    );
    expect(toBranch).toHaveLength(1);

    expect((await runJobByName(env, "quarter-tracking", "2027-04-01T15:00")).status).not.toBe(
      "ran",
    );
    expect(
      await db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "duty-check:" } } }),
    ).toBe(2);
  });
});
