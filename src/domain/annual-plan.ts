/**
 * The year's "four plans" of a branch: what a plan holds (items with a target month or quarter,
 * a responsible person and the measurable result expected), how the plan modal's rows are
 * checked, when the annual reminder, its deadline and each quarter's tracking fire, and where a
 * plan item stands in its quarter. A plan's approval is the monthly list's state machine
 * (`task-list.ts` `transition`, four eyes by `deciderRefusal`): a plan is a list whose period is
 * its year. Pure: time is an argument.
 */
import { type CalendarSettings, type LocalDate, onOrNextWorkingDay } from "./calendar.ts";
import { zonedTime } from "./period.ts";

/** The four plans, in the order the seed names them. */
export const PLAN_KINDS = ["arrangement", "conduct", "theory", "theme-day"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const isPlanKind = (value: string): value is PlanKind =>
  (PLAN_KINDS as readonly string[]).includes(value);

export const MAX_PLAN_ITEMS = 40;
export const MAX_PLAN_TITLE = 150;
export const MAX_PLAN_RESULT = 300;
/** Rows on one page of the plan modal (4 inputs each: within Slack's 100 blocks). */
export const PLAN_PAGE_SIZE = 10;

/** A target period within the plan's year: a month (1–12) or a quarter (1–4). */
export type PlanTarget = { month: number } | { quarter: number };

/** "m3" / "q2": how a target travels in a select's value and is stored. */
export function targetCode(target: PlanTarget): string {
  return "month" in target ? `m${target.month}` : `q${target.quarter}`;
}

export function parseTarget(code: string | null | undefined): PlanTarget | null {
  const m = /^([mq])(\d{1,2})$/.exec(code ?? "");
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === "m") return n >= 1 && n <= 12 ? { month: n } : null;
  return n >= 1 && n <= 4 ? { quarter: n } : null;
}

export const quarterOfMonth = (month: number): number => Math.ceil(month / 3);
export const targetQuarter = (t: PlanTarget): number =>
  "month" in t ? quarterOfMonth(t.month) : t.quarter;
/** The last month of the target: a month is due at its end, a quarter at its third month's. */
export const targetEndMonth = (t: PlanTarget): number => ("month" in t ? t.month : t.quarter * 3);
export const targetStartMonth = (t: PlanTarget): number =>
  "month" in t ? t.month : t.quarter * 3 - 2;

/** Whether an item targeted at `t` is due in `month` (its month, or its quarter's last month). */
export const dueInMonth = (t: PlanTarget, month: number): boolean => targetEndMonth(t) === month;

export interface PlanItemData {
  title: string;
  target: PlanTarget;
  ownerUserId: string | null;
  expectedResult: string | null;
}

/** One row of the plan modal as read from the view state (anything may be missing). */
export interface RawPlanRow {
  row: number;
  title?: string | null;
  target?: string | null;
  owner?: string | null;
  expectedResult?: string | null;
}

export type PlanInputError =
  | "titleRequired"
  | "titleTooLong"
  | "targetRequired"
  | "targetOutsideYear"
  | "ownerNotInBranch"
  | "resultTooLong"
  | "tooMany"
  | "noItems";

export type PlanRowField = "title" | "target" | "owner" | "expected";

export interface PlanRowError {
  row: number;
  field: PlanRowField;
  error: PlanInputError;
  params?: Record<string, string | number>;
}

export interface PlanRules {
  /** The first month the plan may target: 1, or the month a branch created mid-year started. */
  firstMonth: number;
  /** The people of the branch (secretaries and members): the only possible responsible persons. */
  branchPeople: ReadonlySet<string>;
}

export type ParsedPlan =
  | { ok: true; items: PlanItemData[] }
  | { ok: false; errors: PlanRowError[] };

const blank = (r: RawPlanRow) =>
  !r.title?.trim() && !r.target && !r.owner && !r.expectedResult?.trim();

/** Checks the modal's rows: fully blank rows are dropped; every other problem names its row. */
export function parsePlanRows(rows: readonly RawPlanRow[], rules: PlanRules): ParsedPlan {
  const filled = rows.filter((r) => !blank(r));
  const errors: PlanRowError[] = [];
  if (filled.length === 0) {
    const first = rows[0]?.row ?? 0;
    return { ok: false, errors: [{ row: first, field: "title", error: "noItems" }] };
  }
  if (filled.length > MAX_PLAN_ITEMS) {
    const extra = filled[MAX_PLAN_ITEMS] as RawPlanRow;
    errors.push({
      row: extra.row,
      field: "title",
      error: "tooMany",
      params: { max: MAX_PLAN_ITEMS },
    });
  }
  const items: PlanItemData[] = [];
  for (const r of filled.slice(0, MAX_PLAN_ITEMS)) {
    const title = r.title?.trim() ?? "";
    if (title === "") errors.push({ row: r.row, field: "title", error: "titleRequired" });
    else if (title.length > MAX_PLAN_TITLE)
      errors.push({
        row: r.row,
        field: "title",
        error: "titleTooLong",
        params: { max: MAX_PLAN_TITLE },
      });
    const target = parseTarget(r.target);
    if (!target) errors.push({ row: r.row, field: "target", error: "targetRequired" });
    else if (targetEndMonth(target) < rules.firstMonth)
      errors.push({
        row: r.row,
        field: "target",
        error: "targetOutsideYear",
        params: { month: rules.firstMonth },
      });
    const owner = r.owner ?? null;
    if (owner && !rules.branchPeople.has(owner))
      errors.push({ row: r.row, field: "owner", error: "ownerNotInBranch" });
    const expected = r.expectedResult?.trim() ?? "";
    if (expected.length > MAX_PLAN_RESULT)
      errors.push({
        row: r.row,
        field: "expected",
        error: "resultTooLong",
        params: { max: MAX_PLAN_RESULT },
      });
    if (target) items.push({ title, target, ownerUserId: owner, expectedResult: expected || null });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}

// ── schedule ──

export interface YearMoment {
  month: number;
  day: number;
  time: string;
}

export interface AnnualPlanSchedule extends YearMoment {
  deadline: YearMoment;
  /** Time of day of the quarter's tracking (first working day after the quarter). */
  trackingTime: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const dateOf = (year: number, month: number, day: number): LocalDate =>
  `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;

export interface PlanFire {
  at: Date;
  date: LocalDate;
}

function fire(
  calendar: CalendarSettings,
  date: LocalDate,
  time: string,
  workingDays: "next-working-day" | "as-is",
): PlanFire {
  const day = workingDays === "as-is" ? date : onOrNextWorkingDay(calendar, date);
  return { at: zonedTime(day, time, calendar.timezone), date: day };
}

export interface PlanSettings {
  schedule: AnnualPlanSchedule;
  calendar: CalendarSettings;
  workingDays: "next-working-day" | "as-is";
}

/** The year's annual reminder (`annual-plan-reminder`, keyed by the year). */
export const reminderFire = (s: PlanSettings, year: number): PlanFire =>
  fire(s.calendar, dateOf(year, s.schedule.month, s.schedule.day), s.schedule.time, s.workingDays);

/** The plans' submission deadline of `year`. */
export const deadlineFire = (s: PlanSettings, year: number): PlanFire => {
  const d = s.schedule.deadline;
  return fire(s.calendar, dateOf(year, d.month, d.day), d.time, s.workingDays);
};

/** A quarter's tracking (`quarter-tracking`, keyed "YYYY-Qn"): the first working day after it. */
export const trackingFire = (s: PlanSettings, year: number, quarter: number): PlanFire => {
  const next = quarter === 4 ? dateOf(year + 1, 1, 1) : dateOf(year, quarter * 3 + 1, 1);
  return fire(s.calendar, next, s.schedule.trackingTime, "next-working-day");
};

export interface QuarterRef {
  year: number;
  quarter: number;
}
export const quarterKey = (q: QuarterRef): string => `${q.year}-Q${q.quarter}`;
export function parseQuarterKey(key: string): QuarterRef | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

// ── where an item stands ──

export type PlanItemStatus = "OPEN" | "DONE";
export type ItemStanding = "done" | "in-progress" | "overdue";

/** An item's standing at the local date `today`: overdue once its target's last month ended. */
export function standingOf(
  item: { status: PlanItemStatus; target: PlanTarget },
  year: number,
  today: LocalDate,
): ItemStanding {
  if (item.status === "DONE") return "done";
  const end = dateOf(year, targetEndMonth(item.target), 31);
  return today > end ? "overdue" : "in-progress";
}

/** The items a quarter's tracking covers: those targeted in it (months of the quarter included). */
export const inQuarter = <T extends { target: PlanTarget }>(items: readonly T[], quarter: number) =>
  items.filter((i) => targetQuarter(i.target) === quarter);

export type RescheduleError = "reasonRequired" | "targetRequired" | "targetOutsideYear";

/** A plan item moved to a later target: a reason and a target in the plan's year are required. */
export function checkReschedule(
  input: { target: string | null | undefined; reason: string | null | undefined },
  firstMonth: number,
): { ok: true; target: PlanTarget; reason: string } | { ok: false; error: RescheduleError } {
  const reason = input.reason?.trim() ?? "";
  const target = parseTarget(input.target);
  if (!target) return { ok: false, error: "targetRequired" };
  if (targetEndMonth(target) < firstMonth) return { ok: false, error: "targetOutsideYear" };
  if (reason === "") return { ok: false, error: "reasonRequired" };
  return { ok: true, target, reason };
}

/** The first month a branch's plan of `year` may target: a branch created mid-year starts then. */
export function firstPlanMonth(year: number, branchCreated: LocalDate): number {
  const createdYear = Number(branchCreated.slice(0, 4));
  if (createdYear < year) return 1;
  if (createdYear > year) return 13;
  return Number(branchCreated.slice(5, 7));
}

// ── the jobs' occurrences ──

export type PlanJob = "annual-plan-reminder" | "quarter-tracking";

export interface PlanOccurrence {
  /** "2027" for the annual reminder, "2027-Q1" for a quarter's tracking. */
  key: string;
  fireAt: Date;
}

function occurrencesOfYear(s: PlanSettings, job: PlanJob, year: number): PlanOccurrence[] {
  if (job === "annual-plan-reminder")
    return [{ key: String(year), fireAt: reminderFire(s, year).at }];
  return [1, 2, 3, 4].map((quarter) => ({
    key: quarterKey({ year, quarter }),
    fireAt: trackingFire(s, year, quarter).at,
  }));
}

/** The occurrences of `job` with `from < fireAt <= to`, in time order. */
export function planOccurrencesBetween(
  s: PlanSettings,
  job: PlanJob,
  from: Date,
  to: Date,
): PlanOccurrence[] {
  const out: PlanOccurrence[] = [];
  for (let y = from.getUTCFullYear() - 1; y <= to.getUTCFullYear() + 1; y++)
    out.push(...occurrencesOfYear(s, job, y));
  return out
    .filter((o) => o.fireAt > from && o.fireAt <= to)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** The occurrence a run of `job` at `at` is for: the latest one fired by then, or null. */
export function planOccurrenceFor(s: PlanSettings, job: PlanJob, at: Date): PlanOccurrence | null {
  const year = at.getUTCFullYear();
  const fired = [year - 1, year, year + 1]
    .flatMap((y) => occurrencesOfYear(s, job, y))
    .filter((o) => o.fireAt <= at)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  return fired.at(-1) ?? null;
}
