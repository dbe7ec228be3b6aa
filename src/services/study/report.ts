/**
 * `study`: the study record of a period as one table — a row per person (sessions expected,
 * attended, excused, absent, made up, times spoken, study hours), per branch (its sessions), per
 * first topic (date and topic) and per youth research project (state and result link). The same
 * content in Slack (`/pbb report study`) and on the command line (`pbb report study`).
 */
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { Cell } from "../reports/columns.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";
import { studyRecord } from "./record.ts";

/** A row with only the section, the name and the detail (the counts' columns left empty). */
const detailRow = (section: string, name: string, detail: string): Cell[] => [
  section,
  name,
  ...Array<Cell>(7).fill(""),
  detail,
];

export const studyReport: ReportDefinition = {
  kind: "study",
  async build(db, org, period, asOf, t) {
    const year = Number(period.first.slice(0, 4));
    const r = await studyRecord(db, year, period.first, period.last);
    const rows: Cell[][] = [
      ...r.people.map((p) => [
        t("study.report.person"),
        p.name ?? p.userId,
        p.expected,
        p.attended,
        p.excused,
        p.absent,
        p.madeUp,
        p.spoken,
        p.hours,
        p.userId,
      ]),
      ...r.branches
        .filter((b) => b.sessions > 0)
        .map((b) => [
          t("study.report.branch"),
          b.name,
          b.expected,
          b.attended,
          "",
          "",
          b.madeUp,
          "",
          "",
          t("study.report.branchSessions", { count: b.sessions }),
        ]),
      ...r.firstTopics.map((f) => detailRow(t("study.report.firstTopic"), f.date, f.topic)),
      ...r.projects.map((p) =>
        detailRow(
          t("study.report.project"),
          p.name,
          [t(`study.project.state.${p.state as "active"}`), p.resultLink ?? ""]
            .filter(Boolean)
            .join(" "),
        ),
      ),
    ];
    const asOfText = formatAsOf(asOf, org.timezone);
    const files = await plainTableFiles({
      baseName: `pbb-study-${period.key}`,
      title: t("study.report.title", { period: formatReportPeriod(period.key, t) }),
      sheetName: t("study.report.sheet"),
      heading: t("study.report.heading", {
        org: org.name,
        period: formatReportPeriod(period.key, t),
      }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("study.report.col.section"),
        t("study.report.col.name"),
        t("study.report.col.expected"),
        t("study.report.col.attended"),
        t("study.report.col.excused"),
        t("study.report.col.absent"),
        t("study.report.col.madeUp"),
        t("study.report.col.spoken"),
        t("study.report.col.hours"),
        t("study.report.col.detail"),
      ],
      rows,
    });
    const accepted = r.projects.filter((p) => p.state === "accepted").length;
    return {
      files,
      empty: r.sessions === 0 && r.firstTopics.length === 0 && r.projects.length === 0,
      comment: t("study.report.dm", {
        period: formatReportPeriod(period.key, t),
        asOf: asOfText,
        sessions: r.sessions,
        people: r.people.length,
        results: accepted,
      }),
    };
  },
};
