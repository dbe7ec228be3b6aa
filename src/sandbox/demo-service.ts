/**
 * The demo's service list (issue 20): most members registered in their residential community
 * (a few not yet, so the registration rate says something), service reports over the last
 * quarter and the weeks before the demo starts (one queried by the secretary and answered), and
 * the org file's three practical projects: two in progress (one with a milestone due in two
 * days, one with a milestone overdue) and one confirmed done. The `project-milestones` job's
 * first fire reminds the lead and escalates the overdue milestone: "Next milestone reminder" on
 * the clock panel.
 */
import type { Database } from "../db/client.ts";
import { addDays } from "../domain/calendar.ts";
import { localDateOf } from "../domain/period.ts";
import { quarterOfDate } from "../domain/service-list.ts";
import { DEMO_BRANCHES, DEMO_PEOPLE, DEMO_TIMEZONE, type DemoLocale } from "./demo-org.ts";

const P = DEMO_PEOPLE;

const TEXT: Record<
  DemoLocale,
  {
    homes: Record<string, string>;
    what: string[];
    query: string;
    answer: string;
    progress: string;
    evidence: string;
    done: string;
  }
> = {
  "zh-CN": {
    homes: {
      U0A: "金丰路社区",
      U0B: "建设里社区",
      U0C: "建设里社区",
      U0D: "光明街社区",
      U0E: "光明街社区",
      U0SEC1: "金丰路社区",
      U0SEC2: "新华园社区",
    },
    what: [
      "为社区老兵讲解优抚政策",
      "参与社区卫生大扫除",
      "走访两户困难退役军人家庭",
      "协助社区开展国防教育展",
    ],
    query: "请补充一下走访了哪两户？",
    answer: "3号楼李大爷家和5号楼王阿姨家。",
    progress: "已完成入户摸底，共86户。",
    evidence: "安置情况汇总表",
    done: "12名随军家属全部安置到位。",
  },
  en: {
    homes: {
      U0A: "Jinfeng Road Community",
      U0B: "Jianshe Lane Community",
      U0C: "Jianshe Lane Community",
      U0D: "Guangming Street Community",
      U0E: "Guangming Street Community",
      U0SEC1: "Jinfeng Road Community",
      U0SEC2: "Xinhua Garden Community",
    },
    what: [
      "Explained special-care benefits to the community's veterans",
      "Joined the community's clean-up day",
      "Visited two veterans' families in need",
      "Helped with the community's defence education exhibition",
    ],
    query: "Which two families did you visit?",
    answer: "Mr Li in building 3 and Mrs Wang in building 5.",
    progress: "Survey done: 86 households.",
    evidence: "Placement summary",
    done: "All 12 dependants placed in jobs.",
  },
};

/** Reports: [member, days before the start, hours (hundredths), what index]. */
const REPORTS: [string, number, number, number][] = [
  [P.a.id, 75, 200, 0],
  [P.a.id, 12, 150, 2],
  [P.b.id, 60, 300, 1],
  [P.c.id, 20, 250, 3],
  [P.c.id, 6, 100, 1],
  [P.d.id, 45, 200, 0],
  [P.sec1.id, 30, 150, 0],
  [P.sec2.id, 9, 200, 2],
];

export async function seedDemoService(
  db: Database,
  start: Date,
  locale: DemoLocale,
): Promise<void> {
  const text = TEXT[locale];
  const today = localDateOf(start, DEMO_TIMEZONE);
  const branchOf = new Map(
    DEMO_BRANCHES.flatMap((b) => [b.secretary, ...b.members].map((p) => [p.id, b.key])),
  );
  const at = (days: number) => new Date(start.getTime() - days * 86_400_000);
  await db.prisma.$transaction(async (tx) => {
    await tx.serviceRegistration.createMany({
      data: Object.entries(text.homes).map(([userId, community]) => ({
        userId,
        community,
        registeredAt: at(90),
      })),
    });
    for (const [userId, days, centiHours, what] of REPORTS) {
      const date = addDays(today, -days);
      const report = await tx.serviceReport.create({
        data: {
          userId,
          branchKey: branchOf.get(userId) ?? "resettlement",
          date,
          quarter: quarterOfDate(date),
          community: text.homes[userId] ?? "",
          category:
            what === 3 ? "defence-education" : what === 0 ? "policy-consultation" : "volunteering",
          centiHours,
          what: text.what[what] ?? "",
          createdAt: at(days),
        },
      });
      if (userId === P.a.id && days === 12) {
        await tx.serviceReport.update({
          where: { id: report.id },
          data: { queriedBy: P.sec1.id, query: text.query },
        });
        await tx.serviceQueryReply.create({
          data: { reportId: report.id, authorId: userId, text: text.answer, slackTs: "1.000001" },
        });
      }
    }
    const projects = await tx.practicalProject.findMany({
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    for (const p of projects) {
      const past = p.milestones.filter((m) => m.due < addDays(today, -15));
      if (p.key === "dependants-transfer") {
        await tx.projectMilestone.updateMany({
          where: { projectId: p.id },
          data: { doneAt: at(11), doneBy: p.leadUserId },
        });
        await tx.projectNote.createMany({
          data: [
            {
              projectId: p.id,
              kind: "progress",
              authorId: p.leadUserId ?? P.sec3.id,
              text: text.done,
              createdAt: at(11),
            },
            {
              projectId: p.id,
              kind: "evidence",
              authorId: p.leadUserId ?? P.sec3.id,
              text: text.evidence,
              link: "https://www.mva.gov.cn/",
              createdAt: at(11),
            },
            {
              projectId: p.id,
              kind: "request",
              authorId: p.leadUserId ?? P.sec3.id,
              text: text.done,
              createdAt: at(10),
            },
            {
              projectId: p.id,
              kind: "confirmed",
              authorId: P.deputy.id,
              text: "",
              createdAt: at(8),
            },
          ],
        });
        await tx.practicalProject.update({
          where: { id: p.id },
          data: {
            status: "DONE",
            requestedAt: at(10),
            confirmedBy: P.deputy.id,
            confirmedAt: at(8),
            version: { increment: 1 },
          },
        });
      } else if (past.length > 0) {
        await tx.projectMilestone.updateMany({
          where: { projectId: p.id, position: { in: past.map((m) => m.position) } },
          data: { doneAt: at(18), doneBy: p.leadUserId },
        });
        await tx.projectNote.create({
          data: {
            projectId: p.id,
            kind: "progress",
            authorId: p.leadUserId ?? P.chair.id,
            text: text.progress,
            createdAt: at(18),
          },
        });
      }
    }
  });
}
