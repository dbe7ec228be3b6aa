/**
 * The demo's four plans (issue 19): the year the demo starts in, each branch's plans in
 * different states by turn — one approved (its items done, in progress and, once a target month
 * has ended, overdue), one waiting for the committee, one returned with a comment, one not
 * submitted — written straight into the database as if the branches had planned in December.
 * The annual reminder (on the clock panel) then asks each branch for what is still missing.
 */
import type { Database } from "../db/client.ts";
import { dateOf, deadlineFire } from "../domain/annual-plan.ts";
import { localDateOf, zonedTime } from "../domain/period.ts";
import { planSettingsOf } from "../services/annual-plans/org.ts";
import { DEMO_BRANCHES, type DemoLocale } from "./demo-org.ts";

const KINDS = ["ARRANGEMENT", "CONDUCT", "THEORY", "THEME_DAY"] as const;
const STATES = ["APPROVED", "SUBMITTED", "RETURNED", "DRAFT"] as const;

const TITLES: Record<DemoLocale, { items: string[]; result: string; comment: string }> = {
  "zh-CN": {
    items: [
      "走访慰问困难退役军人家庭",
      "开展“三会一课”专题学习",
      "组织主题党日志愿服务",
      "召开年中工作推进会",
      "开展廉政警示教育",
      "年终述职评议",
    ],
    result: "形成记录并在支部通报",
    comment: "请把每项的责任人和完成时间写具体。",
  },
  en: {
    items: [
      "Visit veterans' families in need",
      "Themed study in the 'three meetings and one lesson'",
      "Theme party day volunteering",
      "Mid-year progress meeting",
      "Clean-government warning education",
      "Year-end report and review",
    ],
    result: "Recorded and shared with the branch",
    comment: "Name a responsible person and a month for every item.",
  },
};

/** Targets around the start month `m`: one before it (overdue once ended), its own, later ones. */
const targetsAround = (m: number): string[] => [
  `m${Math.max(1, m - 1)}`,
  `m${m}`,
  `q${Math.ceil(m / 3)}`,
  `m${Math.min(12, m + 2)}`,
  `q${Math.min(4, Math.ceil(m / 3) + 1)}`,
  "m12",
];

export async function seedDemoPlans(
  db: Database,
  start: Date,
  tz: string,
  locale: DemoLocale,
): Promise<void> {
  const org = await db.prisma.organization.findFirst();
  const settings = org ? planSettingsOf(org.settings, tz) : null;
  if (!settings) return;
  const today = localDateOf(start, tz);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const dueAt = deadlineFire(settings, year).at;
  const december = (day: number, time: string) => zonedTime(dateOf(year - 1, 12, day), time, tz);
  const text = TITLES[locale];
  const earlier = new Date(start.getTime() - 2 * 86_400_000);
  const branches = await db.prisma.branch.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
  });
  const chair = "U0CHAIR";
  for (const [i, branch] of branches.entries()) {
    const demo = DEMO_BRANCHES.find((b) => b.key === branch.key);
    if (!demo) continue;
    const owners = [demo.secretary, ...demo.members];
    for (const [k, kind] of KINDS.entries()) {
      const state = STATES[(i + k) % 4] ?? "DRAFT";
      const submitted = state !== "DRAFT";
      const plan = await db.prisma.annualPlan.create({
        data: {
          branchId: branch.id,
          year,
          kind,
          state,
          version: submitted ? 2 : 0,
          currentRevision: submitted ? 1 : 0,
          approvedRevision: state === "APPROVED" ? 1 : null,
          dueAt,
          firstSubmittedAt: submitted ? december(20, "10:00") : null,
          approvedAt: state === "APPROVED" ? december(22, "15:00") : null,
        },
      });
      if (!submitted) continue;
      const decided = state === "APPROVED" || state === "RETURNED";
      const revision = await db.prisma.annualPlanRevision.create({
        data: {
          planId: plan.id,
          number: 1,
          status: state,
          submittedBy: demo.secretary.id,
          submittedAt: december(20, "10:00"),
          ...(decided
            ? {
                decision: state === "APPROVED" ? "APPROVED" : "RETURNED",
                decidedBy: chair,
                decidedAt: december(22, "15:00"),
                comment: state === "RETURNED" ? text.comment : null,
              }
            : {}),
        },
      });
      const targets = targetsAround(month);
      for (const [n, title] of text.items.entries()) {
        // The approved plan's item of this month was done early, two days before the start.
        const done = state === "APPROVED" && n === 1;
        const item = await db.prisma.annualPlanItem.create({
          data: {
            revisionId: revision.id,
            position: n,
            title,
            target: targets[n] ?? "m12",
            ownerUserId: owners[n % owners.length]?.id ?? demo.secretary.id,
            expectedResult: text.result,
            status: done ? "DONE" : "OPEN",
            doneAt: done ? earlier : null,
            doneBy: done ? demo.secretary.id : null,
          },
        });
        if (done)
          await db.prisma.annualPlanItemEvent.create({
            data: { itemId: item.id, kind: "done", by: demo.secretary.id, at: earlier },
          });
      }
    }
  }
}
