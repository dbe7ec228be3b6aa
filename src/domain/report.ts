/**
 * The committee's report for a month, quarter or year, per branch and in total: lists submitted
 * on time, revisions before approval, items planned and done, lecture turns. Pure: it takes the
 * rows the repository loaded and the time the report is made at.
 */

import type { LocalDate } from "./calendar.ts";
import { isOnTime } from "./month-schedule.ts";
import type { Period } from "./period.ts";
import type { ReportPeriod } from "./report-period.ts";

export interface BranchRow {
  id: number;
  key: string;
  name: string;
  active: boolean;
  /** Secretaries and members (Slack user ids): whose lecture turns count for the branch. */
  people: readonly string[];
}

export interface ListRow {
  id: number;
  branchId: number;
  period: Period;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  /** The revision in force, if any. */
  approvedRevision: number | null;
}

export interface RevisionRow {
  listId: number;
  number: number;
  isAmendment: boolean;
  decision: "APPROVED" | "RETURNED" | null;
}

export interface ItemRow {
  listId: number;
  revision: number;
  done: boolean;
}

export interface TurnRow {
  userId: string;
  /** The session's local date. */
  date: LocalDate;
  sessionStatus: "SCHEDULED" | "HELD" | "NOT_HELD" | "SKIPPED";
  state: "ASSIGNED" | "CONFIRMED" | "SWAPPED_OUT" | "DROPPED";
}

export interface ReportInput {
  period: ReportPeriod;
  /** When the report is made: a month counts as due once its deadline has passed. */
  asOf: Date;
  /** Each month's submission deadline, for months that have no list row (yet). */
  deadlines: ReadonlyMap<Period, Date>;
  branches: readonly BranchRow[];
  lists: readonly ListRow[];
  revisions: readonly RevisionRow[];
  items: readonly ItemRow[];
  turns: readonly TurnRow[];
}

export interface Figures {
  /** Months whose deadline has passed, or whose list was already submitted. */
  listsExpected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  approved: number;
  /** Approved at the first revision submitted. */
  firstPass: number;
  /** Revisions submitted before the one first approved, over all approved lists. */
  revisionsBeforeApproval: number;
  itemsPlanned: number;
  itemsDone: number;
  lectureTurns: number;
}

export interface BranchReport extends Figures {
  key: string;
  name: string;
  active: boolean;
  /** onTime / listsExpected; null when nothing was expected. */
  onTimeRate: number | null;
  /** itemsDone / itemsPlanned; null when nothing was planned. */
  completionRate: number | null;
}

export interface Report {
  period: ReportPeriod;
  asOf: Date;
  branches: BranchReport[];
  /** Sums over the branches; lecture turns count every turn once, whoever spoke. */
  totals: Figures & { onTimeRate: number | null; completionRate: number | null };
}

/** A lecture turn counts when its session was held and the speaker kept the turn. */
export function countsAsTurn(turn: TurnRow, period: ReportPeriod): boolean {
  return (
    turn.sessionStatus === "HELD" &&
    (turn.state === "ASSIGNED" || turn.state === "CONFIRMED") &&
    turn.date >= period.first &&
    turn.date <= period.last
  );
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

interface ListFigures {
  expected: boolean;
  submitted: boolean;
  onTime: boolean;
  approved: boolean;
  revisionsBefore: number;
  planned: number;
  done: number;
}

function listFigures(list: ListRow, input: ReportInput): ListFigures {
  const deadline = list.dueAt ?? input.deadlines.get(list.period) ?? null;
  const submitted = list.firstSubmittedAt !== null;
  const onTime = deadline !== null && isOnTime(list.firstSubmittedAt, deadline);
  const revisions = input.revisions.filter((r) => r.listId === list.id && !r.isAmendment);
  const firstApproved = revisions
    .filter((r) => r.decision === "APPROVED")
    .reduce<number | null>((min, r) => (min === null || r.number < min ? r.number : min), null);
  const approved = list.approvedRevision !== null || firstApproved !== null;
  const items = input.items.filter(
    (i) => i.listId === list.id && i.revision === list.approvedRevision,
  );
  return {
    expected: submitted || (deadline !== null && deadline.getTime() <= input.asOf.getTime()),
    submitted,
    onTime,
    approved,
    revisionsBefore:
      firstApproved === null ? 0 : revisions.filter((r) => r.number < firstApproved).length,
    planned: items.length,
    done: items.filter((i) => i.done).length,
  };
}

function branchReport(branch: BranchRow, input: ReportInput, turns: TurnRow[]): BranchReport {
  const months = new Set(input.period.months);
  const lists = input.lists.filter((l) => l.branchId === branch.id && months.has(l.period));
  const figures = lists.map((l) => listFigures(l, input));
  const withList = new Set(lists.map((l) => l.period));
  // An inactive branch owes nothing more; what it did submit still counts.
  const dueWithoutList = branch.active
    ? input.period.months.filter((m) => {
        const deadline = input.deadlines.get(m);
        return !withList.has(m) && deadline !== undefined && deadline <= input.asOf;
      }).length
    : 0;
  const count = (pick: (f: ListFigures) => boolean) => figures.filter(pick).length;
  const sum = (pick: (f: ListFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);
  const people = new Set(branch.people);
  const f: Figures = {
    listsExpected: count((x) => x.expected) + dueWithoutList,
    submitted: count((x) => x.submitted),
    onTime: count((x) => x.onTime),
    late: count((x) => x.submitted && !x.onTime),
    missing: count((x) => x.expected && !x.submitted) + dueWithoutList,
    approved: count((x) => x.approved),
    firstPass: count((x) => x.approved && x.revisionsBefore === 0),
    revisionsBeforeApproval: sum((x) => x.revisionsBefore),
    itemsPlanned: sum((x) => x.planned),
    itemsDone: sum((x) => x.done),
    lectureTurns: turns.filter((t) => people.has(t.userId)).length,
  };
  return {
    key: branch.key,
    name: branch.name,
    active: branch.active,
    ...f,
    onTimeRate: ratio(f.onTime, f.listsExpected),
    completionRate: ratio(f.itemsDone, f.itemsPlanned),
  };
}

function sumFigures(list: readonly Figures[]): Figures {
  const out: Figures = {
    listsExpected: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    approved: 0,
    firstPass: 0,
    revisionsBeforeApproval: 0,
    itemsPlanned: 0,
    itemsDone: 0,
    lectureTurns: 0,
  };
  for (const f of list) for (const k of FIGURES) out[k] += f[k];
  return out;
}

export const FIGURES: readonly (keyof Figures)[] = [
  "listsExpected",
  "submitted",
  "onTime",
  "late",
  "missing",
  "approved",
  "firstPass",
  "revisionsBeforeApproval",
  "itemsPlanned",
  "itemsDone",
  "lectureTurns",
];

/**
 * The report. Branches are the active ones plus any inactive one with a list in the period (its
 * history stays), in the order given.
 */
export function computeReport(input: ReportInput): Report {
  const months = new Set(input.period.months);
  const listed = new Set(input.lists.filter((l) => months.has(l.period)).map((l) => l.branchId));
  const turns = input.turns.filter((t) => countsAsTurn(t, input.period));
  const branches = input.branches
    .filter((b) => b.active || listed.has(b.id))
    .map((b) => branchReport(b, input, turns));
  const totals = sumFigures(branches);
  totals.lectureTurns = turns.length;
  return {
    period: input.period,
    asOf: input.asOf,
    branches,
    totals: {
      ...totals,
      onTimeRate: ratio(totals.onTime, totals.listsExpected),
      completionRate: ratio(totals.itemsDone, totals.itemsPlanned),
    },
  };
}
