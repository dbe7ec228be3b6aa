/**
 * `assessment`: `/pbb report assessment [year]` and `pbb report assessment --year Y --format
 * csv|xlsx --out FILE`. The workbook: one sheet of totals and grades in rank order, one sheet per
 * branch with every indicator and its evidence rows (when, what, counted or not, the Slack link),
 * and a chart of the branches' scores. The CSV: the totals, then every evidence row.
 */
import { stringify } from "csv-stringify/sync";
import type { MessageKey, Translator } from "../../i18n/index.ts";
import { silentLogger } from "../../observability/logger.ts";
import type { CardView, EvidenceRow, IndicatorView, YearView } from "../../ports/assessment.ts";
import type { Cell } from "../reports/columns.ts";
import { safeCell } from "../reports/csv.ts";
import type { ReportDefinition } from "../reports/definition.ts";
import { formatAsOf } from "../reports/format.ts";
import { loadYearView } from "./cards.ts";

const num = (n: number) => Math.round(n * 100) / 100;

/** An evidence row's text in the org's language, mentions as @U… (a file has no mrkdwn). */
export function evidenceText(row: EvidenceRow, t: Translator): string {
  return t(row.key as MessageKey, row.params ?? {}).replace(/<@([A-Z0-9]+)>/g, "@$1");
}

const label = (ind: IndicatorView, t: Translator) =>
  ind.labelKey ? t(ind.labelKey as MessageKey) : (ind.name ?? ind.key);

function ruleText(card: CardView, t: Translator): string {
  const c = card.card;
  if (c.rule !== "awaiting-scores") return t(`assessment.rule.${c.rule}`);
  const missing = [
    ...card.indicators.filter((i) => c.pending.includes(i.key)).map((i) => label(i, t)),
    ...(c.effectiveness === null ? [t("assessment.missing.effectiveness")] : []),
  ];
  return t("assessment.rule.awaiting-scores", { missing: missing.join(", ") });
}

const grade = (g: string | null, t: Translator) =>
  t(`assessment.grade.${g ?? "none"}` as MessageKey);

export function totalsHeader(t: Translator): string[] {
  return [
    "rank",
    "branch",
    "key",
    "months",
    "partyBuilding",
    "pbGrade",
    "effectiveness",
    "total",
    "grade",
    "rule",
    "advanced",
  ].map((c) => t(`assessment.report.col.${c}` as MessageKey));
}

export function totalsRows(view: YearView, t: Translator): Cell[][] {
  return view.cards.map((c) => [
    c.rank,
    c.branchName,
    c.branchKey,
    `${c.fromPeriod}–${c.toPeriod}`,
    num(c.card.partyBuilding),
    grade(c.card.partyBuildingGrade, t),
    c.card.effectiveness === null ? "" : num(c.card.effectiveness),
    num(c.card.total),
    grade(c.card.grade, t),
    ruleText(c, t),
    t(c.card.advancedCandidate ? "assessment.report.yes" : "assessment.report.no"),
  ]);
}

export function evidenceHeader(t: Translator): string[] {
  return [
    "indicator",
    "weight",
    "points",
    "achieved",
    "expected",
    "when",
    "evidence",
    "ok",
    "link",
  ].map((c) => t(`assessment.report.col.${c}` as MessageKey));
}

/** A branch's indicators, each followed by its evidence rows. */
export function evidenceRows(card: CardView, t: Translator): Cell[][] {
  return card.indicators.flatMap((ind): Cell[][] => [
    [
      label(ind, t),
      ind.weight,
      num(ind.points),
      ind.achieved ?? "",
      ind.expected ?? "",
      "",
      ind.correction
        ? t("assessment.card.corrected", { reason: ind.correction })
        : ind.status === "scored"
          ? ""
          : t(`assessment.status.${ind.status}`),
      "",
      "",
    ],
    ...ind.evidence.map((row): Cell[] => [
      "",
      "",
      "",
      "",
      "",
      row.when,
      evidenceText(row, t),
      t(row.ok ? "assessment.report.yes" : "assessment.report.no"),
      row.link ?? "",
    ]),
  ]);
}

/** Sheet names: ≤ 31 characters, none of []:*?/\, unique. */
function sheetName(key: string, taken: Set<string>): string {
  const base = key.replace(/[[\]:*?/\\]/g, "-").slice(0, 28) || "branch";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function assessmentWorkbook(
  view: YearView,
  heading: string,
  asOf: string,
  t: Translator,
): Promise<Buffer> {
  // Loaded when a workbook is built: the canvas' native addon and exceljs stay out of the
  // bot's start-up.
  const [{ default: ExcelJS }, { renderScoreChart }, { chartFont }] = await Promise.all([
    import("exceljs"),
    import("./chart.ts"),
    import("../reports/fonts.ts"),
  ]);
  const book = new ExcelJS.Workbook();
  book.creator = "party-building-bot";
  book.created = view.asOf;
  book.modified = view.asOf;
  const taken = new Set<string>();
  const totals = book.addWorksheet(sheetName(t("assessment.report.sheet.totals"), taken), {
    views: [{ state: "frozen", ySplit: 4 }],
  });
  totals.addRow([safeCell(heading)]);
  totals.addRow([asOf]);
  totals.addRow([]);
  totals.addRow(totalsHeader(t).map(safeCell));
  for (const row of totalsRows(view, t)) totals.addRow(row.map(safeCell));
  totals.getRow(1).font = { bold: true, size: 14 };
  totals.getRow(4).font = { bold: true };
  totals.columns.forEach((col, i) => {
    col.width = i === 1 || i === 9 ? 30 : 14;
  });
  for (const card of view.cards) {
    const sheet = book.addWorksheet(sheetName(card.branchKey, taken), {
      views: [{ state: "frozen", ySplit: 4 }],
    });
    sheet.addRow([safeCell(`${card.rank}. ${card.branchName}`)]);
    sheet.addRow([
      `${t("assessment.report.col.total")} ${num(card.card.total)} · ${grade(card.card.grade, t)}`,
    ]);
    sheet.addRow([]);
    sheet.addRow(evidenceHeader(t).map(safeCell));
    for (const row of evidenceRows(card, t)) sheet.addRow(row.map(safeCell));
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.getRow(4).font = { bold: true };
    sheet.columns.forEach((col, i) => {
      col.width = i === 0 || i === 6 ? 40 : i === 8 ? 50 : 10;
    });
  }
  const chartSheet = book.addWorksheet(sheetName(t("assessment.report.sheet.chart"), taken));
  const png = await renderScoreChart(
    view.cards.map((c) => ({
      name: c.branchName,
      total: c.card.total,
      partyBuilding: c.card.partyBuilding,
    })),
    {
      title: heading,
      total: t("assessment.report.col.total"),
      partyBuilding: t("assessment.report.col.partyBuilding"),
    },
    chartFont(silentLogger),
  );
  const image = book.addImage({ base64: png.toString("base64"), extension: "png" });
  chartSheet.addImage(image, {
    tl: { col: 0, row: 0 },
    ext: { width: 900, height: 100 + Math.max(1, view.cards.length) * 26 },
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function assessmentCsv(view: YearView, t: Translator): Buffer {
  const rows: Cell[][] = [
    totalsHeader(t),
    ...totalsRows(view, t),
    [],
    [t("assessment.report.col.branch"), ...evidenceHeader(t)],
    ...view.cards.flatMap((c) => evidenceRows(c, t).map((row) => [c.branchKey, ...row])),
  ];
  return Buffer.from(
    stringify(
      rows.map((r) => r.map(safeCell)),
      { bom: true, record_delimiter: "windows" },
    ),
    "utf8",
  );
}

export const assessmentReport: ReportDefinition = {
  kind: "assessment",
  async build(db, org, period, asOf, t) {
    const year = Number(period.first.slice(0, 4));
    const view = await loadYearView(db, year);
    const state = view ? t(`assessment.summary.state.${view.state}`) : "";
    const heading = t("assessment.report.heading", {
      org: org.name,
      year,
      state,
      asOf: formatAsOf(view?.asOf ?? asOf, org.timezone),
    });
    const empty: YearView = view ?? {
      year,
      state: "draft",
      asOf,
      rules: null as never,
      finalizedAt: null,
      finalizedBy: null,
      cards: [],
    };
    const title = t("assessment.report.title", { year, org: org.name });
    const base = `pbb-assessment-${year}`;
    return {
      files: {
        xlsx: {
          filename: `${base}.xlsx`,
          title,
          bytes: await assessmentWorkbook(empty, heading, formatAsOf(asOf, org.timezone), t),
        },
        csv: { filename: `${base}.csv`, title, bytes: assessmentCsv(empty, t) },
      },
      empty: empty.cards.length === 0,
      comment: t("assessment.report.comment", { year, state, count: empty.cards.length }),
    };
  },
};
