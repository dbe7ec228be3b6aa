/**
 * `plans`: `/pbb report plans [year]` and `pbb report plans --year Y --format csv|xlsx --out
 * FILE`. The ledger of the year's four plans of every branch (deactivated branches included): a
 * row per item (a plan with no items yet has one row with its state) with its target, the person
 * responsible, the result expected, where it stands, its history and its linked monthly items;
 * the workbook adds the chart of completion by quarter.
 */
import type { Translator } from "../../i18n/index.ts";
import { silentLogger } from "../../observability/logger.ts";
import type { Cell } from "../reports/columns.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { plainTableFiles } from "../reports/plain-table.ts";
import { dutyLedgerRows } from "../responsibilities/ledger.ts";
import {
  type LedgerItem,
  type LedgerPlan,
  loadPlanLedger,
  type PlanLedger,
  type QuarterCompletion,
} from "./ledger.ts";

const COLUMNS = [
  "branchKey",
  "branch",
  "active",
  "plan",
  "state",
  "revision",
  "position",
  "item",
  "target",
  "owner",
  "expected",
  "status",
  "doneAt",
  "history",
  "monthly",
] as const;
const WIDTHS = [14, 24, 8, 24, 20, 8, 6, 36, 10, 16, 30, 12, 16, 48, 40];

export const ledgerHeader = (t: Translator): string[] =>
  COLUMNS.map((c) => t(`annualPlans.ledger.col.${c}`));

const targetText = (code: string, t: Translator): string => {
  const m = /^([mq])(\d+)$/.exec(code);
  if (!m) return code;
  return t(m[1] === "m" ? "annualPlans.target.month" : "annualPlans.target.quarter", {
    n: Number(m[2]),
  });
};

export function planStateText(plan: LedgerPlan["plan"], t: Translator): string {
  if (plan.state === "SUBMITTED" && plan.approvedRevision !== null)
    return t("annualPlans.state.amending");
  return t(`annualPlans.state.${plan.state}`);
}

type Detail = { from?: unknown; to?: unknown; reason?: unknown; quarter?: unknown };

function eventText(
  e: LedgerItem["events"][number],
  ledger: PlanLedger,
  tz: string,
  t: Translator,
): string {
  const d = (e.detail ?? {}) as Detail;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const who = ledger.names.get(e.by) ?? e.by;
  const when = formatAsOf(e.at, tz);
  const what =
    e.kind === "done"
      ? t("annualPlans.ledger.event.done")
      : e.kind === "rescheduled" || e.kind === "quarter-reason"
        ? t(`annualPlans.ledger.event.${e.kind}`, {
            from: targetText(str(d.from), t),
            to: targetText(str(d.to), t),
            reason: str(d.reason),
            quarter: str(d.quarter),
          })
        : e.kind;
  return `${when} ${what} (${who})`;
}

/** The ledger's rows: a plan's items in order, or one row for a plan without items. */
export function ledgerRows(ledger: PlanLedger, tz: string, t: Translator): Cell[][] {
  const name = (id: string | null) => (id ? (ledger.names.get(id) ?? id) : "");
  return ledger.plans.flatMap((p): Cell[][] => {
    const b = p.plan.branch;
    const head: Cell[] = [
      b.key,
      b.name,
      t(b.active ? "reports.yes" : "reports.no"),
      t(`annualPlans.kind.${p.kind}`),
      planStateText(p.plan, t),
      p.revision || "",
    ];
    if (p.items.length === 0) return [[...head, "", "", "", "", "", "", "", "", ""]];
    return p.items.map(({ item, status, events, monthly }): Cell[] => [
      ...head,
      item.position + 1,
      item.title,
      targetText(item.target, t),
      name(item.ownerUserId),
      item.expectedResult ?? "",
      t(`annualPlans.ledger.status.${status}`),
      item.doneAt ? formatAsOf(item.doneAt, tz) : "",
      events.map((e) => eventText(e, ledger, tz, t)).join("; "),
      monthly
        .map((m) =>
          t("annualPlans.ledger.monthly", {
            period: m.period,
            title: m.title,
            status: t(`annualPlans.ledger.monthlyStatus.${m.status}`),
          }),
        )
        .join("; "),
    ]);
  });
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The chart's bars: per quarter, items done on time and done, of those planned in it. */
export const quarterBars = (quarters: readonly QuarterCompletion[], t: Translator) =>
  quarters.map((q) => ({
    name: t("annualPlans.ledger.chart.quarter", { n: q.quarter, planned: q.planned }),
    onTimeRate: rate(q.onTime, q.planned),
    completionRate: rate(q.done, q.planned),
  }));

export const plansReport: ReportDefinition = {
  kind: "plans",
  async build(db, org, period, asOf, t) {
    const year = Number(period.first.slice(0, 4));
    const ledger = await loadPlanLedger(db, year, asOf, org.timezone);
    const [{ renderBarChart }, { chartFont }] = await Promise.all([
      import("../reports/chart.ts"),
      import("../reports/fonts.ts"),
    ]);
    const chartTitle = t("annualPlans.ledger.chart.title", { year });
    const png = await renderBarChart(
      quarterBars(ledger.quarters, t),
      {
        title: chartTitle,
        series: [t("annualPlans.ledger.chart.onTime"), t("annualPlans.ledger.chart.done")],
        none: t("reports.chart.none"),
      },
      chartFont(silentLogger),
    );
    const asOfText = formatAsOf(asOf, org.timezone);
    // The leadership's responsibility lists follow the branches' plans, in the same columns.
    const duties = await dutyLedgerRows(db, year, asOf, org.timezone, t);
    const rows = [...ledgerRows(ledger, org.timezone, t), ...duties];
    const files = await plainTableFiles({
      baseName: `pbb-plans-${year}`,
      title: t("annualPlans.ledger.title", { year }),
      sheetName: t("annualPlans.ledger.sheet"),
      heading: t("annualPlans.ledger.heading", { org: org.name, year }),
      asOf: t("reports.sheet.asOf", { asOf: asOfText, tz: org.timezone }),
      createdAt: asOf,
      header: ledgerHeader(t),
      rows,
      widths: WIDTHS,
      chart: { sheetName: t("annualPlans.ledger.chartSheet"), png, width: 720, height: 480 },
    });
    const items = ledger.plans.reduce((n, p) => n + p.items.length, 0);
    const approved = ledger.plans.filter((p) => p.inForce).length;
    const branches = new Set(ledger.plans.map((p) => p.plan.branch.key)).size;
    return {
      files,
      empty: ledger.plans.length === 0 && duties.length === 0,
      comment: t("annualPlans.ledger.comment", {
        year,
        asOf: asOfText,
        branches,
        plans: ledger.plans.length,
        approved,
        items,
      }),
    };
  },
};
