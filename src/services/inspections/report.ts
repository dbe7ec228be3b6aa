/**
 * `inspections` and `rectifications`: the record of a period's rounds as one table each — a row
 * per inspected branch and round (inspector, score, rank, change against its previous round,
 * findings, closed, closed on time, overdue, closure rate), and a row per rectification item
 * (branch, finding, severity, owner, due date, state, reopened, verified). The same content in
 * Slack (`/pbb report inspections`) and on the command line (`pbb report inspections`).
 */

import { percentOf } from "../../domain/percent.ts";
import { localDateOf } from "../../domain/period.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { MessageKey } from "../../i18n/index.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";
import { inspectionRecord } from "./record.ts";

const key = (k: string) => k as MessageKey;
const pct = (part: number, whole: number) => {
  const p = percentOf(part, whole);
  return p === null ? "" : `${p}%`;
};

export const inspectionsReport: ReportDefinition = {
  kind: "inspections",
  async build(db, org, period, asOf, t) {
    const today = localDateOf(asOf, org.timezone);
    const r = await inspectionRecord(db, period.months[0] ?? "", period.months.at(-1) ?? "", today);
    const rows = r.rounds.flatMap((round) =>
      round.results.map((b) => [
        round.period,
        t(key(`inspections.kind.${round.kind}`)),
        b.branch,
        b.inspector ? ("user" in b.inspector ? b.inspector.user : b.inspector.branch) : "",
        b.total ?? "",
        b.max,
        b.rank ?? "",
        b.change ?? "",
        b.items,
        b.closed,
        b.onTime,
        b.overdue,
        pct(b.closed, b.items),
      ]),
    );
    const asOfText = formatAsOf(asOf, org.timezone);
    const name = formatReportPeriod(period.key, t);
    const files = await plainTableFiles({
      baseName: `pbb-inspections-${period.key}`,
      title: t("inspections.report.title", { period: name }),
      sheetName: t("inspections.report.sheet"),
      heading: t("inspections.report.heading", { org: org.name, period: name }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("inspections.report.col.period"),
        t("inspections.report.col.kind"),
        t("inspections.report.col.branch"),
        t("inspections.report.col.inspector"),
        t("inspections.report.col.score"),
        t("inspections.report.col.max"),
        t("inspections.report.col.rank"),
        t("inspections.report.col.change"),
        t("inspections.report.col.items"),
        t("inspections.report.col.closed"),
        t("inspections.report.col.onTime"),
        t("inspections.report.col.overdue"),
        t("inspections.report.col.closure"),
      ],
      rows,
    });
    const closed = r.items.filter((i) => i.state === "VERIFIED").length;
    return {
      files,
      empty: r.rounds.length === 0,
      comment: t("inspections.report.dm", {
        period: name,
        asOf: asOfText,
        rounds: r.rounds.length,
        items: r.items.length,
        closed,
        overdue: r.items.filter((i) => i.overdue).length,
      }),
    };
  },
};

export const rectificationsReport: ReportDefinition = {
  kind: "rectifications",
  async build(db, org, period, asOf, t) {
    const today = localDateOf(asOf, org.timezone);
    const r = await inspectionRecord(db, period.months[0] ?? "", period.months.at(-1) ?? "", today);
    const rows = r.items.map((i) => [
      i.period,
      t(key(`inspections.kind.${i.kind}`)),
      i.branch,
      i.problem,
      t(key(`inspections.severity.${i.severity}`)),
      i.owner,
      i.dueOn,
      t(key(`inspections.state.${i.state}`)),
      i.reopenCount,
      i.verifiedBy ?? "",
      i.verifiedOn ?? "",
      i.onTime ? t("inspections.report.yes") : "",
      i.overdue ? t("inspections.report.yes") : "",
      i.evidence ?? "",
    ]);
    const asOfText = formatAsOf(asOf, org.timezone);
    const name = formatReportPeriod(period.key, t);
    const files = await plainTableFiles({
      baseName: `pbb-rectifications-${period.key}`,
      title: t("inspections.report.itemsTitle", { period: name }),
      sheetName: t("inspections.report.itemsSheet"),
      heading: t("inspections.report.itemsHeading", { org: org.name, period: name }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: [
        t("inspections.report.col.period"),
        t("inspections.report.col.kind"),
        t("inspections.report.col.branch"),
        t("inspections.report.col.problem"),
        t("inspections.report.col.severity"),
        t("inspections.report.col.owner"),
        t("inspections.report.col.due"),
        t("inspections.report.col.state"),
        t("inspections.report.col.reopened"),
        t("inspections.report.col.verifiedBy"),
        t("inspections.report.col.verifiedOn"),
        t("inspections.report.col.onTime"),
        t("inspections.report.col.overdue"),
        t("inspections.report.col.evidence"),
      ],
      rows,
    });
    const closed = r.items.filter((i) => i.state === "VERIFIED").length;
    return {
      files,
      empty: r.items.length === 0,
      comment: t("inspections.report.itemsDm", {
        period: name,
        asOf: asOfText,
        items: r.items.length,
        closed,
        rate: pct(closed, r.items.length) || "—",
        overdue: r.items.filter((i) => i.overdue).length,
      }),
    };
  },
};
