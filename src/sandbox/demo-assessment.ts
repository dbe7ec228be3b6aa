/**
 * The demo's annual assessment (issue 22): a year of lists before the demo's start (the year
 * before it), with a late month here and a list returned there, drafted as the assessment-draft
 * job would have on that year's December 20 — a ranked draft — and one contested point waiting
 * for the committee's answer. Nothing is posted (the first screen stays quiet): the committee
 * sees the ranking and the contest on its Home and with `/pbb assessment`; the next draft is a
 * job on the clock panel.
 */
import { assessmentSourcesOf, features } from "../app/features.ts";
import type { Database } from "../db/client.ts";
import { loadOrgRecord } from "../db/repositories/org.ts";
import { dayOfPeriod, periodOf, zonedTime } from "../domain/period.ts";
import { addRemark } from "../services/assessment/actions.ts";
import { assessmentOf, draftYear } from "../services/assessment/draft.ts";
import { DEMO_BRANCHES, type DemoLocale } from "./demo-org.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** What branch number `b` did in month `m`: a few late months and returned lists, items left. */
export function demoMonth(b: number, m: number) {
  return {
    late: (b === 1 && (m === 3 || m === 7)) || (b === 2 && m === 5) || (b === 3 && m % 4 === 2),
    returned: (b === 2 && (m === 9 || m === 11)) || (b === 3 && (m === 4 || m === 10)),
    done: b === 3 && m % 3 === 0 ? 2 : 3,
  };
}

const CONTEST: Record<DemoLocale, string> = {
  "zh-CN": "7月的清单因系统维护晚报送，请按时计入",
  en: "July's list was late because the system was down for maintenance; please count it on time",
};

export async function seedDemoAssessment(
  db: Database,
  start: Date,
  tz: string,
  locale: DemoLocale,
): Promise<void> {
  const org = await loadOrgRecord(db);
  const rules = assessmentOf(org?.settings);
  if (!org || !rules) return;
  const year = Number(periodOf(start, tz).slice(0, 4)) - 1;
  const branches = await db.prisma.branch.findMany({ where: { active: true } });
  await db.prisma.branch.updateMany({
    data: { createdAt: new Date(`${year - 1}-06-01T00:00:00Z`) },
  });
  const taken = new Set(
    (await db.prisma.taskList.findMany({ select: { branchId: true, period: true } })).map(
      (l) => `${l.branchId}:${l.period}`,
    ),
  );
  for (const branch of branches) {
    const b = DEMO_BRANCHES.findIndex((d) => d.key === branch.key);
    const demo = DEMO_BRANCHES[b];
    if (!demo) continue;
    for (let m = 1; m <= 12; m++) {
      const period = `${year}-${pad(m)}`;
      if (taken.has(`${branch.id}:${period}`)) continue;
      const plan = demoMonth(b, m);
      const at = (day: number, time: string) => zonedTime(dayOfPeriod(period, day), time, tz);
      const submitted = at(plan.late ? 9 : 3, "10:00");
      const revision = (number: number, status: "RETURNED" | "APPROVED") => ({
        number,
        status,
        submittedBy: demo.secretary.id,
        submittedAt: submitted,
        decisions: {
          create: {
            kind: status,
            decidedBy: "U0CHAIR",
            decidedAt: at(plan.late ? 10 : 4, "15:00"),
          },
        },
        items:
          status === "APPROVED"
            ? {
                create: [0, 1, 2].map((i) => ({
                  position: i,
                  title: `${period} #${i + 1}`,
                  category: "WORK_ARRANGEMENT" as const,
                  status: i < plan.done ? ("DONE" as const) : ("OPEN" as const),
                  doneAt: i < plan.done ? at(20, "17:00") : null,
                })),
              }
            : undefined,
      });
      await db.prisma.taskList.create({
        data: {
          branchId: branch.id,
          period,
          state: "APPROVED",
          currentRevision: plan.returned ? 2 : 1,
          approvedRevision: plan.returned ? 2 : 1,
          dueAt: at(5, "18:00"),
          firstSubmittedAt: submitted,
          approvedAt: at(12, "15:00"),
          revisions: {
            create: plan.returned
              ? [revision(1, "RETURNED"), revision(2, "APPROVED")]
              : [revision(1, "APPROVED")],
          },
        },
      });
    }
  }
  const asOf = zonedTime(
    `${year}-${pad(rules.draft.month)}-${pad(rules.draft.day)}`,
    rules.draft.time,
    tz,
  );
  const drafted = await draftYear({
    db,
    org,
    sources: assessmentSourcesOf(features),
    year,
    asOf,
    render: () => [],
  });
  if (drafted.status !== "drafted") return;
  // The services branch contests its late July, the day after the draft.
  const contest = DEMO_BRANCHES[1]!;
  const made = await addRemark(
    { db, now: () => new Date(asOf.getTime() + 86_400_000) },
    {
      year,
      branchKey: contest.key,
      indicator: "lists-on-time",
      kind: "contest",
      text: CONTEST[locale],
      by: contest.secretary.id,
      timezone: tz,
    },
  );
  if (!made.ok) throw new Error(`demo assessment: the contest was refused: ${made.error}`);
}
