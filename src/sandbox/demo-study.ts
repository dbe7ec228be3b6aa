/**
 * The demo's study (issue 23): last month's centre-group session held (attendance recorded, two
 * speakers drawn, one absentee who made up), and a youth research project whose result waits
 * for the committee's review. The org file's centre group meets on the 3rd at 09:00, so its
 * notice (two days ahead) goes out with the first morning's jobs: "Next study notice" on the
 * clock panel shows it, and the chair can draw a speaker from 08:30 on the 3rd.
 */
import type { Database } from "../db/client.ts";
import { createProject, createStudySession } from "../db/repositories/study.ts";
import { addMonths, dayOfPeriod, periodOf, zonedTime } from "../domain/period.ts";
import { DEMO_CENTRE_GROUP, DEMO_PEOPLE, type DemoLocale } from "./demo-org.ts";

const P = DEMO_PEOPLE;

const TEXT: Record<
  DemoLocale,
  {
    topic: string;
    material: string;
    project: string;
    question: string;
    summary: string;
    milestones: string[];
  }
> = {
  "zh-CN": {
    topic: "学习《中国共产党支部工作条例》",
    material: "条例原文",
    project: "退役军人服务站数字化调研",
    question: "如何让退役军人服务站的事项办理少跑腿？",
    summary: "调研了4个服务站，梳理出12项可网上办理的事项，提出3条改进建议。",
    milestones: ["开题报告", "实地调研", "结题报告"],
  },
  en: {
    topic: "The rules on the work of party branches",
    material: "The rules",
    project: "Digital service stations for veterans",
    question: "How can veterans' service stations save people trips?",
    summary: "Four stations surveyed; twelve services that can move online; three proposals.",
    milestones: ["Opening report", "Field survey", "Final report"],
  },
};

export async function seedDemoStudy(
  db: Database,
  start: Date,
  tz: string,
  locale: DemoLocale,
): Promise<void> {
  const text = TEXT[locale];
  const last = addMonths(periodOf(start, tz), -1);
  const date = dayOfPeriod(last, DEMO_CENTRE_GROUP.day);
  const startsAt = zonedTime(date, DEMO_CENTRE_GROUP.time, tz);
  const members = DEMO_CENTRE_GROUP.members.map((p) => p.id);
  await db.prisma.$transaction(async (tx) => {
    const id = await createStudySession(tx, {
      kind: "centre-group",
      branchId: null,
      topic: text.topic,
      date,
      startsAt,
      minutes: 90,
      materials: [{ title: text.material, url: "https://www.12371.cn/" }],
      chairUserId: P.chair.id,
      createdBy: "sandbox demo history",
      occurrence: `centre-group:${last}`,
      channelId: "G0COMMITTEE",
      expected: members,
    });
    const absent = P.sec4.id;
    await tx.studySession.update({
      where: { id },
      data: { attendanceAt: new Date(startsAt.getTime() + 2 * 3600_000) },
    });
    await tx.studyAttendee.updateMany({
      where: { sessionId: id, userId: { not: absent } },
      data: { response: "confirmed", attendance: "present" },
    });
    await tx.studyAttendee.updateMany({
      where: { sessionId: id, userId: absent },
      data: {
        attendance: "absent",
        makeUpNote: locale === "en" ? "Read the rules, chapter 3." : "学习了条例第三章。",
        madeUpAt: new Date(startsAt.getTime() + 5 * 86_400_000),
      },
    });
    for (const [i, userId] of [P.sec1.id, P.deputy.id].entries()) {
      await tx.studyDraw.create({
        data: { sessionId: id, seq: i + 1, userId, outcome: "spoke", drawnAt: startsAt },
      });
    }
    const project = await createProject(tx, {
      year: Number(date.slice(0, 4)),
      name: text.project,
      leadUserId: P.a.id,
      members: [P.c.id, P.e.id],
      question: text.question,
      advisorUserId: P.deputy.id,
      createdBy: P.deputy.id,
      milestones: text.milestones.map((title) => ({ title, dueDate: null })),
    });
    await tx.studyMilestone.updateMany({
      where: { projectId: project },
      data: { doneAt: new Date(startsAt.getTime() - 86_400_000) },
    });
    await tx.studyProject.update({
      where: { id: project },
      data: {
        state: "submitted",
        resultLink: "https://www.12371.cn/",
        resultSummary: text.summary,
        submittedAt: new Date(start.getTime() - 86_400_000),
      },
    });
  });
}
