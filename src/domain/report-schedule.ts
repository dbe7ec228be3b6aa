/**
 * When a quarter's summary goes to the committee: on the first day of the next quarter at the
 * monthly reminder's time of day, in the org's zone. Pure.
 */
import { periodOf, zonedTime } from "./period.ts";
import { nextQuarter, parseReportPeriod, quarterOf, type ReportPeriod } from "./report-period.ts";

export interface QuarterFire {
  quarter: ReportPeriod;
  at: Date;
}

export function quarterSummaryFire(quarter: ReportPeriod, time: string, tz: string): QuarterFire {
  return { quarter, at: zonedTime(nextQuarter(quarter).first, time, tz) };
}

function quarterAt(at: Date, tz: string): ReportPeriod {
  const q = parseReportPeriod("quarter", quarterOf(periodOf(at, tz)));
  if (!q) throw new Error(`no quarter at ${at.toISOString()}`);
  return q;
}

function previousQuarter(q: ReportPeriod): ReportPeriod {
  const [year, n] = [Number(q.key.slice(0, 4)), Number(q.key.slice(6))];
  const prev = parseReportPeriod("quarter", n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`);
  if (!prev) throw new Error(`no quarter before ${q.key}`);
  return prev;
}

/** The latest summary fired at or before `at`. */
export function latestQuarterFire(at: Date, time: string, tz: string): QuarterFire {
  const last = quarterSummaryFire(previousQuarter(quarterAt(at, tz)), time, tz);
  if (last.at <= at) return last;
  return quarterSummaryFire(previousQuarter(last.quarter), time, tz);
}

/** Summaries fired with `from < at <= to`, in order. */
export function quarterFiresBetween(from: Date, to: Date, time: string, tz: string): QuarterFire[] {
  const out: QuarterFire[] = [];
  let q = previousQuarter(previousQuarter(quarterAt(from, tz)));
  for (let i = 0; i < 1000; i += 1) {
    const fire = quarterSummaryFire(q, time, tz);
    if (fire.at > to) break;
    if (fire.at > from) out.push(fire);
    q = nextQuarter(q);
  }
  return out;
}
