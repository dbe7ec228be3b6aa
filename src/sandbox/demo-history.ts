/**
 * Where the demo starts: the 1st of the next month at 08:30 (the business clock only moves
 * forward), with a short history written straight into the database, as if the bot had run the
 * months before — each branch's lists of the quarter so far approved and done, and the last two
 * lecture sessions held with speakers from the rotation. Nothing is posted: the first screen is
 * a quiet channel on the morning of the monthly reminder, not a wall of invented overdue notices.
 */
import type { Database } from "../db/client.ts";
import { addDays } from "../domain/calendar.ts";
import { heldSessions, sessionsBetween } from "../domain/lecture-schedule.ts";
import { addMonths, dayOfPeriod, type Period, periodOf, zonedTime } from "../domain/period.ts";
import { ensureSession } from "../services/lecture/assign.ts";
import { lectureSpec, loadLectureEnv } from "../services/lecture/series.ts";
import { seedDemoAssessment } from "./demo-assessment.ts";
import { seedDemoInspections } from "./demo-inspections.ts";
import { DEMO_BRANCHES, type DemoLocale } from "./demo-org.ts";
import { seedDemoPlans } from "./demo-plans.ts";
import { seedDemoService } from "./demo-service.ts";
import { seedDemoStudy } from "./demo-study.ts";

/** The 1st of the month after `now` (in `tz`), 08:30. */
export function demoStart(now: Date, tz: string): Date {
  const next = addMonths(periodOf(now, tz), 1);
  return zonedTime(dayOfPeriod(next, 1), "08:30", tz);
}

type TaskCategory = "THEORY_STUDY" | "WORK_ARRANGEMENT" | "THEME_PARTY_DAY";

const ITEMS: Record<DemoLocale, { title: string; category: TaskCategory; result: string }[]> = {
  "zh-CN": [
    {
      title: "集中学习党的二十届四中全会精神",
      category: "THEORY_STUDY",
      result: "全体党员参加学习并交流体会",
    },
    { title: "召开支部党员大会", category: "WORK_ARRANGEMENT", result: "会议记录归档" },
    {
      title: "开展主题党日志愿服务",
      category: "THEME_PARTY_DAY",
      result: "服务退役军人家庭不少于5户",
    },
  ],
  en: [
    {
      title: "Study session on the plenary's documents",
      category: "THEORY_STUDY",
      result: "Every member attends and shares notes",
    },
    { title: "Branch general meeting", category: "WORK_ARRANGEMENT", result: "Minutes filed" },
    {
      title: "Theme party day volunteering",
      category: "THEME_PARTY_DAY",
      result: "At least 5 veterans' families visited",
    },
  ],
};

/** The months of the quarter up to and including `last` ("2026-12" → Oct, Nov, Dec). */
function quarterSoFar(last: Period): Period[] {
  const month = Number(last.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return Array.from({ length: month - first + 1 }, (_, i) => addMonths(last, first - month + i));
}

export async function seedDemoHistory(
  db: Database,
  start: Date,
  tz: string,
  locale: DemoLocale,
): Promise<void> {
  await db.prisma.organization.update({ where: { id: 1 }, data: { firstAppliedAt: start } });
  const last = addMonths(periodOf(start, tz), -1);
  const branches = await db.prisma.branch.findMany({ where: { active: true } });
  const chair = "U0CHAIR";
  for (const period of quarterSoFar(last)) {
    const at = (day: number, time: string) => zonedTime(dayOfPeriod(period, day), time, tz);
    for (const branch of branches) {
      const demo = DEMO_BRANCHES.find((b) => b.key === branch.key);
      if (!demo) continue;
      const owners = [demo.secretary, ...demo.members];
      const list = await db.prisma.taskList.create({
        data: {
          branchId: branch.id,
          period,
          state: "APPROVED",
          version: 2,
          currentRevision: 1,
          approvedRevision: 1,
          dueAt: at(5, "18:00"),
          firstSubmittedAt: at(3, "10:00"),
          approvedAt: at(4, "15:00"),
        },
      });
      await db.prisma.taskListRevision.create({
        data: {
          listId: list.id,
          number: 1,
          status: "APPROVED",
          submittedBy: demo.secretary.id,
          submittedAt: at(3, "10:00"),
          decisions: {
            create: { kind: "APPROVED", decidedBy: chair, decidedAt: at(4, "15:00") },
          },
          items: {
            create: ITEMS[locale].map((item, i) => ({
              position: i,
              title: item.title,
              category: item.category,
              ownerUserId: owners[i % owners.length]?.id ?? demo.secretary.id,
              dueDate: dayOfPeriod(period, 20 + i),
              expectedResult: item.result,
              status: "DONE" as const,
              doneAt: at(18 + i, "17:00"),
              doneBy: demo.secretary.id,
            })),
          },
        },
      });
    }
  }
  await holdLastLectures(db, start, tz);
  await seedDemoStudy(db, start, tz, locale);
  await seedDemoService(db, start, locale);
  await seedDemoPlans(db, start, tz, locale);
  await seedDemoInspections(db, start, tz, locale);
  await seedDemoAssessment(db, start, tz, locale);
}

/** The last two sessions before `start`, assigned by the rotation; past sessions count as held. */
async function holdLastLectures(db: Database, start: Date, tz: string): Promise<void> {
  const env = await loadLectureEnv(db);
  const lecture = env?.lecture;
  if (!lecture) return;
  const today = periodOf(start, tz);
  const to = addDays(dayOfPeriod(today, 1), -1);
  const sessions = heldSessions(sessionsBetween(lecture.schedule, addDays(to, -35), to))
    .filter((s) => s.startsAt < start)
    .slice(-2);
  for (const s of sessions) {
    const at = new Date(s.startsAt.getTime() - 7 * 86_400_000);
    const made = await ensureSession(
      db,
      lectureSpec(lecture),
      { date: s.date, startsAt: s.startsAt },
      at,
      "sandbox demo history",
    );
    if (!made.ok) throw new Error(`demo history: lecture ${s.date}: ${made.error}`);
  }
}
