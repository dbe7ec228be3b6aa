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
import type { MessageKey, Translator } from "../../i18n/index.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";
import { type InspectionRecord, inspectionRecord } from "./record.ts";

const key = (k: string) => k as MessageKey;
const pct = (part: number, whole: number) => {
  const p = percentOf(part, whole);
  return p === null ? "" : `${p}%`;
};

/** One ledger: the period's record turned into rows under the catalog's column names. */
function ledger(
  kind: "inspections" | "rectifications",
  labels: { title: string; sheet: string; heading: string },
  columns: readonly string[],
  content: (
    r: InspectionRecord,
    t: Translator,
  ) => {
    rows: (string | number)[][];
    empty: boolean;
    comment: (period: string, asOf: string) => string;
  },
): ReportDefinition {
  return {
    kind,
    async build(db, org, period, asOf, t) {
      const today = localDateOf(asOf, org.timezone);
      const first = period.months[0] ?? "";
      const r = await inspectionRecord(db, first, period.months.at(-1) ?? "", today);
      const c = content(r, t);
      const asOfText = formatAsOf(asOf, org.timezone);
      const name = formatReportPeriod(period.key, t);
      const files = await plainTableFiles({
        baseName: `pbb-${kind}-${period.key}`,
        title: t(key(labels.title), { period: name }),
        sheetName: t(key(labels.sheet)),
        heading: t(key(labels.heading), { org: org.name, period: name }),
        asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
        createdAt: asOf,
        header: columns.map((col) => t(key(`inspections.report.col.${col}`))),
        rows: c.rows,
      });
      return { files, empty: c.empty, comment: c.comment(name, asOfText) };
    },
  };
}

const closedOf = (r: InspectionRecord) => r.items.filter((i) => i.state === "VERIFIED").length;
const overdueOf = (r: InspectionRecord) => r.items.filter((i) => i.overdue).length;

export const inspectionsReport = ledger(
  "inspections",
  {
    title: "inspections.report.title",
    sheet: "inspections.report.sheet",
    heading: "inspections.report.heading",
  },
  [
    "period",
    "kind",
    "branch",
    "inspector",
    "score",
    "max",
    "rank",
    "change",
    "items",
    "closed",
    "onTime",
    "overdue",
    "closure",
  ],
  (r, t) => ({
    rows: r.rounds.flatMap((round) =>
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
    ),
    empty: r.rounds.length === 0,
    comment: (period, asOf) =>
      t("inspections.report.dm", {
        period,
        asOf,
        rounds: r.rounds.length,
        items: r.items.length,
        closed: closedOf(r),
        overdue: overdueOf(r),
      }),
  }),
);

export const rectificationsReport = ledger(
  "rectifications",
  {
    title: "inspections.report.itemsTitle",
    sheet: "inspections.report.itemsSheet",
    heading: "inspections.report.itemsHeading",
  },
  [
    "period",
    "kind",
    "branch",
    "problem",
    "severity",
    "owner",
    "due",
    "state",
    "reopened",
    "verifiedBy",
    "verifiedOn",
    "onTime",
    "overdue",
    "evidence",
  ],
  (r, t) => ({
    rows: r.items.map((i) => [
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
    ]),
    empty: r.items.length === 0,
    comment: (period, asOf) =>
      t("inspections.report.itemsDm", {
        period,
        asOf,
        items: r.items.length,
        closed: closedOf(r),
        rate: pct(closedOf(r), r.items.length) || "—",
        overdue: overdueOf(r),
      }),
  }),
);
