/**
 * Report periods: a month "2026-12", a quarter "2026-Q4" or a year "2026", each the months it
 * covers and its first and last local dates. Pure: `now` is an argument.
 */
import type { LocalDate } from "./calendar.ts";
import { addMonths, type Period, periodEnd, periodOf, periodStart } from "./period.ts";

export const REPORT_KINDS = ["month", "quarter", "year"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportPeriod {
  kind: ReportKind;
  /** "2026-12", "2026-Q4" or "2026". */
  key: string;
  /** The months it covers, in order. */
  months: Period[];
  first: LocalDate;
  last: LocalDate;
}

const PATTERNS: Record<ReportKind, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-[Qq]([1-4])$/,
  year: /^(\d{4})$/,
};

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

function span(kind: ReportKind, key: string, firstMonth: Period, count: number): ReportPeriod {
  const months = Array.from({ length: count }, (_, i) => addMonths(firstMonth, i));
  const lastMonth = months[months.length - 1] ?? firstMonth;
  return { kind, key, months, first: periodStart(firstMonth), last: periodEnd(lastMonth) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The period a text names for a kind ("2026-q4" is read as "2026-Q4"), or null. */
export function parseReportPeriod(kind: ReportKind, text: string): ReportPeriod | null {
  const match = PATTERNS[kind].exec(text.trim());
  if (!match) return null;
  const year = match[1] ?? "";
  if (Number(year) < 2000 || Number(year) > 2999) return null;
  switch (kind) {
    case "month":
      return span(kind, `${year}-${match[2]}`, `${year}-${match[2]}`, 1);
    case "quarter": {
      const q = Number(match[2]);
      return span(kind, `${year}-Q${q}`, `${year}-${pad((q - 1) * 3 + 1)}`, 3);
    }
    case "year":
      return span(kind, year, `${year}-01`, 12);
  }
}

/** The quarter key a month belongs to: "2026-11" → "2026-Q4". */
export function quarterOf(month: Period): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The period of a kind that contains `now` in the zone `tz`. */
export function currentReportPeriod(kind: ReportKind, now: Date, tz: string): ReportPeriod {
  const month = periodOf(now, tz);
  const key = kind === "month" ? month : kind === "quarter" ? quarterOf(month) : month.slice(0, 4);
  const period = parseReportPeriod(kind, key);
  if (!period) throw new Error(`no ${kind} period for ${month}`);
  return period;
}

/** The quarter after one: "2026-Q4" → "2027-Q1". */
export function nextQuarter(period: ReportPeriod): ReportPeriod {
  const next = parseReportPeriod("quarter", quarterOf(addMonths(period.months[0] ?? "", 3)));
  if (!next) throw new Error(`no quarter after ${period.key}`);
  return next;
}
