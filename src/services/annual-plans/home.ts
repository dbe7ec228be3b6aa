/**
 * The annual plans on the App Home, in at most two queries whatever the number of branches (the
 * year's grid counted in one statement; a secretary's items in force): a secretary sees their
 * branches' four plans and what is due this quarter; the committee the year by branch,
 * summarised (counts, then the branches needing attention first; the rest is in
 * `/pbb report plans`). Null when the year has no plans (nothing requested yet).
 */
import type { Reader } from "../../db/repositories/annual-plan.ts";
import {
  itemsInForceOf,
  type PlanGridRow,
  planGridOfYear,
} from "../../db/repositories/annual-plan-ledger.ts";
import {
  PLAN_KINDS,
  parseTarget,
  quarterOfMonth,
  standingOf,
  targetQuarter,
} from "../../domain/annual-plan.ts";
import { localDateOf } from "../../domain/period.ts";
import {
  type BranchPlansRow,
  kindOf,
  type PlanHomeCell,
  type PlanHomeState,
  type PlansHomeView,
} from "../../ports/annual-plans.ts";

/** Branches the committee sees by name; with more, those needing attention up to this many. */
export const GRID_ROWS = 8;
/** This quarter's items a secretary sees by title, and branches shown. */
export const DUE_SHOWN = 6;
export const SECRETARY_BRANCHES = 2;

export interface PlansHomeViewer {
  committee: boolean;
  secretaryOf: { id: number; name: string }[];
}

const homeState = (row: PlanGridRow | undefined): PlanHomeState =>
  !row || row.state === "DRAFT"
    ? "not-submitted"
    : row.state === "SUBMITTED"
      ? "waiting"
      : row.state === "RETURNED"
        ? "returned"
        : "approved";

function branchRows(rows: readonly PlanGridRow[]): (BranchPlansRow & { branchId: number })[] {
  const byBranch = new Map<number, PlanGridRow[]>();
  for (const r of rows) byBranch.set(r.branchId, [...(byBranch.get(r.branchId) ?? []), r]);
  return [...byBranch.values()].map((plans) => ({
    branchId: plans[0]?.branchId ?? 0,
    name: plans[0]?.branchName ?? "",
    plans: PLAN_KINDS.map((kind): PlanHomeCell => {
      const row = plans.find((p) => kindOf(p.kind) === kind);
      return {
        kind,
        state: homeState(row),
        total: row?.total ?? 0,
        done: row?.done ?? 0,
        overdue: row?.overdue ?? 0,
      };
    }),
  }));
}

const count = (row: BranchPlansRow, state: PlanHomeState) =>
  row.plans.filter((p) => p.state === state).length;
const overdueOf = (row: BranchPlansRow) => row.plans.reduce((n, p) => n + p.overdue, 0);

/** Waiting for the committee first, then returned, not submitted, most overdue; then by name. */
function attentionOrder(a: BranchPlansRow, b: BranchPlansRow): number {
  for (const state of ["waiting", "returned", "not-submitted"] as const) {
    const d = count(b, state) - count(a, state);
    if (d !== 0) return d;
  }
  return overdueOf(b) - overdueOf(a) || a.name.localeCompare(b.name);
}

const needsAttention = (row: BranchPlansRow) =>
  row.plans.some((p) => p.state !== "approved" || p.overdue > 0);

export async function loadPlansHome(
  db: Reader,
  viewer: PlansHomeViewer,
  now: Date,
  timezone: string,
): Promise<PlansHomeView | null> {
  if (!viewer.committee && viewer.secretaryOf.length === 0) return null;
  const today = localDateOf(now, timezone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = quarterOfMonth(month);
  const ownIds = viewer.secretaryOf.slice(0, SECRETARY_BRANCHES).map((b) => b.id);
  const [grid, items] = await Promise.all([
    planGridOfYear(db, {
      year,
      openMonth: month,
      ...(viewer.committee ? {} : { branchIds: ownIds }),
    }),
    itemsInForceOf(db, year, ownIds),
  ]);
  if (grid.length === 0) return null;
  const rows = branchRows(grid);
  const states: Record<PlanHomeState, number> = {
    "not-submitted": 0,
    waiting: 0,
    returned: 0,
    approved: 0,
  };
  const totals = { total: 0, done: 0, overdue: 0 };
  for (const row of rows)
    for (const p of row.plans) {
      states[p.state] += 1;
      if (p.state !== "approved") continue;
      totals.total += p.total;
      totals.done += p.done;
      totals.overdue += p.overdue;
    }
  const shown =
    rows.length <= GRID_ROWS
      ? rows
      : rows.filter(needsAttention).sort(attentionOrder).slice(0, GRID_ROWS);
  const strip = ({ branchId: _b, ...row }: BranchPlansRow & { branchId: number }) => row;
  const branches = viewer.secretaryOf.slice(0, SECRETARY_BRANCHES).map((b) => {
    const row = rows.find((r) => r.branchId === b.id);
    const due = items
      .filter((i) => i.branchId === b.id)
      .flatMap((i) => {
        const target = parseTarget(i.target);
        if (!target || targetQuarter(target) !== quarter) return [];
        return [
          {
            kind: kindOf(i.kind),
            title: i.title,
            target: i.target,
            standing: standingOf({ status: i.status, target }, year, today),
          },
        ];
      });
    return {
      name: b.name,
      plans: row ? row.plans : [],
      due: due.slice(0, DUE_SHOWN),
      dueMore: Math.max(0, due.length - DUE_SHOWN),
    };
  });
  return {
    year,
    quarter,
    committee: viewer.committee
      ? {
          branches: rows.length,
          states,
          items: totals,
          rows: shown.map(strip),
          more: rows.length - shown.length,
        }
      : null,
    branches: branches.filter((b) => b.plans.length > 0),
  };
}
