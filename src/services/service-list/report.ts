/**
 * `services` and `projects`: the service ledger (every report of the period, then each branch's
 * figures: members, registered, registration rate, members active, hours, hours per member) and
 * the project ledger (each project, its milestones, notes and evidence links, its confirmation).
 * The same content in Slack (`/pbb report services|projects`) and on the command line.
 */
import { projectsOfYear } from "../../db/repositories/practical-projects.ts";
import {
  branchMembers,
  registeredUsers,
  repliesInThreadOrder,
} from "../../db/repositories/service-list.ts";
import { projectPercent, serviceFigures } from "../../domain/service-list.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { Cell } from "../reports/columns.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";

export const servicesReport: ReportDefinition = {
  kind: "services",
  async build(db, org, period, asOf, t) {
    const reports = await db.prisma.serviceReport.findMany({
      where: { date: { gte: period.first, lte: period.last } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      include: repliesInThreadOrder,
    });
    const branches = await branchMembers(db.prisma);
    const registered = await registeredUsers(db.prisma);
    const category = (c: string) => t(`serviceList.category.${c}` as never);
    const rows: Cell[][] = reports.map((r) => [
      t("serviceList.reportFile.report"),
      r.branchKey,
      r.userId,
      r.date,
      r.community,
      category(r.category),
      r.centiHours / 100,
      r.what,
      r.link ?? "",
      [r.query ?? "", ...r.replies.map((x) => x.text)].filter(Boolean).join(" / "),
      r.fileId ? (r.fileUrl ?? r.fileName ?? r.fileId) : "",
    ]);
    let totalHours = 0;
    for (const b of branches) {
      const f = serviceFigures(
        b.members,
        new Set(registered.keys()),
        reports
          .filter((r) => r.branchKey === b.key)
          .map((r) => ({ userId: r.userId, hours: r.centiHours / 100 })),
      );
      totalHours += f.hours;
      rows.push([
        t("serviceList.reportFile.branch"),
        b.key,
        b.name,
        "",
        "",
        "",
        f.hours,
        t("serviceList.reportFile.figures", {
          members: f.members,
          registered: f.registered,
          rate: f.registrationRate ?? "-",
          active: f.active,
          perMember: f.hoursPerMember ?? "-",
        }),
        "",
        "",
        "",
      ]);
    }
    const asOfText = formatAsOf(asOf, org.timezone);
    const files = await plainTableFiles({
      baseName: `pbb-services-${period.key}`,
      title: t("serviceList.reportFile.title", { period: formatReportPeriod(period.key, t) }),
      sheetName: t("serviceList.reportFile.sheet"),
      heading: t("serviceList.reportFile.heading", {
        org: org.name,
        period: formatReportPeriod(period.key, t),
      }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("serviceList.reportFile.col.section"),
        t("serviceList.reportFile.col.branch"),
        t("serviceList.reportFile.col.who"),
        t("serviceList.reportFile.col.date"),
        t("serviceList.reportFile.col.community"),
        t("serviceList.reportFile.col.category"),
        t("serviceList.reportFile.col.hours"),
        t("serviceList.reportFile.col.what"),
        t("serviceList.reportFile.col.link"),
        t("serviceList.reportFile.col.query"),
        t("serviceList.reportFile.col.file"),
      ],
      rows,
    });
    return {
      files,
      empty: reports.length === 0,
      comment: t("serviceList.reportFile.dm", {
        period: formatReportPeriod(period.key, t),
        asOf: asOfText,
        reports: reports.length,
        hours: Math.round(totalHours * 100) / 100,
      }),
    };
  },
};

export const projectsReport: ReportDefinition = {
  kind: "projects",
  async build(db, org, period, asOf, t) {
    const year = Number(period.first.slice(0, 4));
    const projects = await projectsOfYear(db.prisma, year);
    const rows: Cell[][] = [];
    for (const p of projects) {
      const milestones = p.milestones.map((m) => ({
        position: m.position,
        title: m.title,
        due: m.due,
        done: m.doneAt !== null,
      }));
      rows.push([
        t("serviceList.reportFile.project"),
        p.title,
        t(`serviceList.project.status.${p.status}`),
        projectPercent({ status: p.status, milestones }),
        p.beneficiaries,
        p.branchKey,
        p.leadUserId ?? "",
        `${p.serves} — ${p.goal}`,
        "",
        p.confirmedBy ?? "",
      ]);
      for (const m of p.milestones)
        rows.push([
          t("serviceList.reportFile.milestone"),
          p.title,
          m.doneAt ? t("serviceList.reportFile.done") : "",
          "",
          "",
          m.due,
          m.doneBy ?? "",
          m.title,
          "",
          "",
        ]);
      for (const n of p.notes)
        rows.push([
          t("serviceList.reportFile.note"),
          p.title,
          t(`serviceList.project.note.${n.kind}` as never),
          "",
          "",
          n.createdAt.toISOString().slice(0, 10),
          n.authorId,
          n.text,
          n.link ?? "",
          "",
        ]);
    }
    const asOfText = formatAsOf(asOf, org.timezone);
    const files = await plainTableFiles({
      baseName: `pbb-projects-${period.key}`,
      title: t("serviceList.projectFile.title", { year }),
      sheetName: t("serviceList.projectFile.sheet"),
      heading: t("serviceList.projectFile.heading", { org: org.name, year }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("serviceList.reportFile.col.section"),
        t("serviceList.projectFile.col.project"),
        t("serviceList.projectFile.col.status"),
        t("serviceList.projectFile.col.percent"),
        t("serviceList.projectFile.col.beneficiaries"),
        t("serviceList.projectFile.col.branchOrDate"),
        t("serviceList.projectFile.col.who"),
        t("serviceList.projectFile.col.detail"),
        t("serviceList.reportFile.col.link"),
        t("serviceList.projectFile.col.confirmedBy"),
      ],
      rows,
    });
    const done = projects.filter((p) => p.status === "DONE");
    return {
      files,
      empty: projects.length === 0,
      comment: t("serviceList.projectFile.dm", {
        year,
        asOf: asOfText,
        projects: projects.length,
        done: done.length,
        beneficiaries: done.reduce((s, p) => s + p.beneficiaries, 0),
      }),
    };
  },
};
