/**
 * The demo's inspections (issue 21): last month's mutual inspection still open (the demo org's
 * rounds stay open 45 days), assigned by the rules, two checklists sent, and their findings in
 * every state a rectification item can be in: open (due in 3 working days, so the first
 * morning's `rectification-reminders` reminds its owner), reported done and waiting for
 * verification, reopened once with the verifier's comment, verified, and overdue. Written
 * straight into the database: nothing is posted. As if the bot had run that week, this week's
 * overdue list is recorded as already sent, so the first morning invents no overdue notice
 * (the committee hears of the overdue item with next week's list).
 */
import type { Database } from "../db/client.ts";
import {
  createAssignments,
  createRoundIfMissing,
  inspectableBranches,
  inspectorsOf,
} from "../db/repositories/inspections.ts";
import { addDays, onOrNextWorkingDay } from "../domain/calendar.ts";
import { assignMutual } from "../domain/inspection-assign.ts";
import { totalOf } from "../domain/inspection-compare.ts";
import { roundDates, roundKey } from "../domain/inspection-round.ts";
import { addMonths, localDateOf, periodOf, zonedTime } from "../domain/period.ts";
import { addWorkingDays, type Severity, weekOf } from "../domain/rectification.ts";
import { inspectionSettingsOf } from "../services/inspections/open-round.ts";
import { calendarOf } from "../services/org/calendar-settings.ts";
import { currentOrgRecord } from "../services/org/current.ts";
import type { DemoLocale } from "./demo-org.ts";

type Finding = { problem: string; severity: Severity; suggestion: string };

const TEXT: Record<
  DemoLocale,
  { findings: Finding[]; done: string; evidence: string; comment: string; note: string }
> = {
  "zh-CN": {
    findings: [
      { problem: "支委会记录缺少书记签字", severity: "serious", suggestion: "补齐签字" },
      { problem: "党费台账未按月更新", severity: "general", suggestion: "按月登记" },
      { problem: "主题党日缺少活动照片", severity: "minor", suggestion: "补充影像资料" },
      { problem: "部分党员学习笔记内容较少", severity: "general", suggestion: "督促补记" },
      { problem: "党小组会记录不完整", severity: "serious", suggestion: "完善会议记录" },
    ],
    done: "已补齐并由书记签字确认",
    evidence: "支部档案第3册第12页",
    comment: "仍缺两次会议的签字",
    note: "整体规范，个别记录需完善。",
  },
  en: {
    findings: [
      {
        problem: "Committee minutes lack the secretary's signature",
        severity: "serious",
        suggestion: "Sign them",
      },
      {
        problem: "The dues ledger is not updated monthly",
        severity: "general",
        suggestion: "Enter each month",
      },
      {
        problem: "No photos of the theme party day",
        severity: "minor",
        suggestion: "Add the pictures",
      },
      {
        problem: "Some members' study notes are thin",
        severity: "general",
        suggestion: "Ask them to complete",
      },
      {
        problem: "Group meeting records are incomplete",
        severity: "serious",
        suggestion: "Complete the records",
      },
    ],
    done: "Completed and signed by the secretary",
    evidence: "Branch archive, volume 3, page 12",
    comment: "Two meetings are still unsigned",
    note: "Well kept overall; a few records to complete.",
  },
};

export async function seedDemoInspections(
  db: Database,
  start: Date,
  tz: string,
  locale: DemoLocale,
): Promise<void> {
  const org = await currentOrgRecord(db);
  const settings = org && inspectionSettingsOf(org.settings);
  if (!org || !settings) return;
  const calendar = calendarOf(org.settings, tz);
  const period = addMonths(periodOf(start, tz), -1);
  const key = roundKey("mutual", period);
  const dates = roundDates(calendar, period, settings.windowDays);
  const branches = await inspectableBranches(db);
  const result = assignMutual(
    branches.map((b) => b.key),
    new Map(),
    key,
  );
  if ("skipped" in result) return;
  const roundId = await createRoundIfMissing(db.prisma, {
    key,
    kind: "mutual",
    period,
    ...dates,
    checklist: settings.checklist,
    conflicts: result.conflicts,
    skippedReason: null,
  });
  if (roundId === null) return;
  const idOf = new Map(branches.map((b) => [b.key, b.id]));
  await createAssignments(
    db.prisma,
    result.assignments.map((a) => ({
      roundId,
      branchId: idOf.get(a.target) as number,
      inspectorBranchId: idOf.get(a.inspector) as number,
    })),
  );
  const assignments = await db.prisma.inspectionAssignment.findMany({
    where: { roundId },
    include: { branch: { include: { roles: { include: { person: true } } } } },
    orderBy: { id: "asc" },
  });
  const text = TEXT[locale];
  const submittedOn = addDays(dates.opensOn, 3);
  const today = onOrNextWorkingDay(calendar, localDateOf(start, tz));
  const scoreSets = [
    { meetings: 26, "theme-day": 18, dues: 17, study: 27 },
    { meetings: 24, "theme-day": 20, dues: 19, study: 25 },
  ];
  let position = 0;
  for (const [i, a] of assignments.slice(0, 2).entries()) {
    const [inspector] = await inspectorsOf(db, a);
    const owner = a.branch.roles.find((r) => r.role === "SECRETARY")?.person.slackUserId;
    if (!inspector || !owner) continue;
    const scores = Object.fromEntries(
      settings.checklist.map((item, n) => [
        item.key,
        Math.min(
          item.maxScore,
          (scoreSets[i] as Record<string, number>)[item.key] ?? item.maxScore - n,
        ),
      ]),
    );
    await db.prisma.inspectionAssignment.update({
      where: { id: a.id },
      data: {
        state: "SUBMITTED",
        scores,
        total: totalOf(scores),
        note: text.note,
        submittedBy: inspector,
        submittedAt: zonedTime(submittedOn, "10:00", tz),
      },
    });
    const base = { assignmentId: a.id, branchId: a.branchId, ownerId: owner };
    const finding = (n: number) => {
      const f = text.findings[n] as Finding;
      return { problem: f.problem, severity: f.severity, suggestion: f.suggestion };
    };
    const items =
      i === 0
        ? [
            // open, due in 3 working days: the first morning's reminder
            { ...finding(0), dueOn: addWorkingDays(calendar, today, 3) },
            // reported done, waiting for verification
            {
              ...finding(1),
              dueOn: addWorkingDays(calendar, today, 5),
              state: "REPORTED",
              doneText: text.done,
              evidence: text.evidence,
              reportedBy: owner,
              reportedAt: zonedTime(addDays(today, -2), "15:00", tz),
            },
            // verified
            {
              ...finding(2),
              dueOn: addDays(today, -3),
              state: "VERIFIED",
              doneText: text.done,
              evidence: text.evidence,
              reportedBy: owner,
              reportedAt: zonedTime(addDays(today, -6), "15:00", tz),
              verifiedBy: inspector,
              verifiedAt: zonedTime(addDays(today, -5), "10:00", tz),
              verifiedOn: addDays(today, -5),
            },
          ]
        : [
            // reopened once with the verifier's comment
            {
              ...finding(3),
              dueOn: addWorkingDays(calendar, today, 8),
              doneText: text.done,
              evidence: text.evidence,
              reportedBy: owner,
              reopenCount: 1,
              lastComment: text.comment,
            },
            // overdue
            { ...finding(4), dueOn: addDays(today, -4) },
          ];
    await db.prisma.rectification.createMany({
      data: items.map((item) => ({ ...base, ...item, position: position++ })),
    });
  }
  await db.prisma.delivery.create({
    data: {
      dedupeKey: `inspections:overdue:${weekOf(today)}`,
      method: "chat.postMessage",
      payload: {
        channel: org.committeeChannel,
        text: "(the demo's history: this week's overdue list)",
      },
      status: "SENT",
      sentAt: start,
    },
  });
}
