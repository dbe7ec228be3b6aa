/**
 * Inspection rounds on a calendar: mutual inspection (branches inspect each other) and
 * full-coverage supervision (committee members inspect every branch). A round opens on the
 * first working day of its month and stays open for a window of calendar days; its checklist
 * gives each item a maximum score. Pure: dates are local dates in the org's zone.
 */
import { addDays, type CalendarSettings, type LocalDate, onOrNextWorkingDay } from "./calendar.ts";
import { type Period, periodOf, zonedTime } from "./period.ts";

export const ROUND_KINDS = ["mutual", "supervision"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export interface ChecklistItem {
  key: string;
  /** Absent on the default items: their titles and hints are in the catalog, by key. */
  title?: string;
  maxScore: number;
  /** What to look at (e.g. the records of the "three meetings and one lesson"). */
  hint?: string;
}

export interface InspectionSettings {
  mutual: { months: number[] };
  supervision: { months: number[] };
  /** Calendar days a round stays open (default 15). */
  windowDays: number;
  /** Time of day the round opens (the inspection-round job's fire time). */
  time: string;
  checklist: ChecklistItem[];
}

export const DEFAULT_WINDOW_DAYS = 15;
export const DEFAULT_ROUND_TIME = "09:00";

/** A round of one kind in one month: "mutual:2027-06". */
export const roundKey = (kind: RoundKind, period: Period): string => `${kind}:${period}`;

export function parseRoundKey(key: string): { kind: RoundKind; period: Period } | null {
  const m = /^(mutual|supervision):(\d{4}-(0[1-9]|1[0-2]))$/.exec(key);
  return m ? { kind: m[1] as RoundKind, period: m[2] as Period } : null;
}

export interface RoundDates {
  /** The first working day of the month. */
  opensOn: LocalDate;
  /** The last day of the window (inclusive). */
  closesOn: LocalDate;
}

export function roundDates(
  calendar: CalendarSettings,
  period: Period,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): RoundDates {
  const opensOn = onOrNextWorkingDay(calendar, `${period}-01`);
  return { opensOn, closesOn: addDays(opensOn, Math.max(1, windowDays) - 1) };
}

/** The kinds of round that open in `period`'s month (both in June and December by default). */
export function kindsIn(
  settings: Pick<InspectionSettings, RoundKind>,
  period: Period,
): RoundKind[] {
  const month = Number(period.slice(5, 7));
  return ROUND_KINDS.filter((kind) => settings[kind].months.includes(month));
}

/** Whether a round opened `opensOn` is still open (accepts checklists, amendments) on `today`. */
export const isRoundOpen = (dates: RoundDates, today: LocalDate): boolean =>
  today >= dates.opensOn && today <= dates.closesOn;

/** The instant the round's job fires: its opening day at the configured time. */
export function roundFireAt(
  calendar: CalendarSettings,
  period: Period,
  time: string,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): Date {
  return zonedTime(roundDates(calendar, period, windowDays).opensOn, time, calendar.timezone);
}

/** The instant a round's window has passed: the day after it closes, at the round time. */
export function roundCloseAt(
  calendar: CalendarSettings,
  period: Period,
  time: string,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): Date {
  const { closesOn } = roundDates(calendar, period, windowDays);
  return zonedTime(addDays(closesOn, 1), time, calendar.timezone);
}

/** Months (periods) that have a round of any kind, from `from` on, for `count` of them. */
export function roundPeriodsFrom(
  settings: Pick<InspectionSettings, RoundKind>,
  from: Period,
  count: number,
): Period[] {
  const out: Period[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 12 * 50 && out.length < count; i += 1) {
    const period = `${year}-${String(month).padStart(2, "0")}`;
    if (kindsIn(settings, period).length > 0) out.push(period);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** The period the round job considers at `now` (the local month). */
export const roundPeriodAt = (now: Date, timezone: string): Period => periodOf(now, timezone);

// ── checklist and scores ──

export type ScoreError = "not-a-number" | "negative" | "above-max" | "missing";

/** Checks one score typed in the checklist modal: a number from 0 to the item's maximum. */
export function scoreError(
  text: string | null | undefined,
  item: Pick<ChecklistItem, "maxScore">,
): ScoreError | null {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return "missing";
  if (!/^\d+(\.\d+)?$/.test(trimmed) && !/^-\d+(\.\d+)?$/.test(trimmed)) return "not-a-number";
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return "not-a-number";
  if (value < 0) return "negative";
  if (value > item.maxScore) return "above-max";
  return null;
}

export const checklistMax = (items: readonly Pick<ChecklistItem, "maxScore">[]): number =>
  items.reduce((sum, i) => sum + i.maxScore, 0);

/** The default checklist when the org file names none (100 points; titles in the catalog). */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: "meetings", maxScore: 30 },
  { key: "theme-day", maxScore: 20 },
  { key: "dues", maxScore: 20 },
  { key: "study", maxScore: 30 },
];
