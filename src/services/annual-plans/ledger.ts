/**
 * The plans' ledger of a year: every plan of every branch (deactivated ones too) with the items
 * of its revision in force (or, before approval, of its latest), each item's standing, its
 * status history (AnnualPlanItemEvent) and the monthly items that carry it out
 * (TaskItem.planItemId); and the year's completion by quarter. A fixed number of queries.
 */
import type { Database } from "../../db/client.ts";
import type { PlanRecord } from "../../db/repositories/annual-plan.ts";
import { plansOfYear } from "../../db/repositories/annual-plan.ts";
import {
  itemEventsOfYear,
  type LinkedMonthlyItem,
  linkedMonthlyItems,
  type PlanItemEventRecord,
  personNames,
} from "../../db/repositories/annual-plan-ledger.ts";
import {
  dateOf,
  type ItemStanding,
  type PlanKind,
  type PlanTarget,
  parseTarget,
  standingOf,
  targetEndMonth,
  targetQuarter,
} from "../../domain/annual-plan.ts";
import type { LocalDate } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/period.ts";
import { latestRevision, revisionOf } from "../../domain/task-list.ts";
import { kindOf, type PlanItemRecord } from "../../ports/annual-plans.ts";

/** Where an item stands: its standing once its plan is in force, "proposed" before. */
export type LedgerStatus = ItemStanding | "proposed";

export interface LedgerItem {
  item: PlanItemRecord;
  target: PlanTarget | null;
  status: LedgerStatus;
  events: PlanItemEventRecord[];
  monthly: LinkedMonthlyItem[];
}

export interface LedgerPlan {
  plan: PlanRecord;
  kind: PlanKind;
  /** The revision the items are of (0: nothing submitted yet). */
  revision: number;
  inForce: boolean;
  items: LedgerItem[];
}

export interface QuarterCompletion {
  quarter: number;
  /** Items of plans in force targeted in the quarter. */
  planned: number;
  done: number;
  /** Done by the end of their target. */
  onTime: number;
}

export interface PlanLedger {
  year: number;
  plans: LedgerPlan[];
  quarters: QuarterCompletion[];
  /** Display names by Slack id (people without a name are shown by id). */
  names: Map<string, string>;
}

const group = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
};

/** The ledger of `year` as of `asOf` (the org's zone `tz` says which day it is). */
export async function loadPlanLedger(
  db: Database,
  year: number,
  asOf: Date,
  tz: string,
): Promise<PlanLedger> {
  const [plans, events, monthly, names] = await Promise.all([
    plansOfYear(db, year),
    itemEventsOfYear(db, year),
    linkedMonthlyItems(db, year),
    personNames(db),
  ]);
  const today = localDateOf(asOf, tz);
  const eventsOf = group(events, (e) => e.itemId);
  const monthlyOf = group(monthly, (m) => m.planItemId);
  const quarters: QuarterCompletion[] = [1, 2, 3, 4].map((quarter) => ({
    quarter,
    planned: 0,
    done: 0,
    onTime: 0,
  }));
  const ledgerPlans = plans.map((plan): LedgerPlan => {
    const inForce = plan.approvedRevision !== null;
    const rev = inForce ? revisionOf(plan, plan.approvedRevision) : latestRevision(plan);
    const items = (rev?.items ?? []).map((item): LedgerItem => {
      const target = parseTarget(item.target);
      const status: LedgerStatus =
        inForce && target ? standingOf({ status: item.status, target }, year, today) : "proposed";
      if (inForce && target) countIn(quarters, item, target, year, tz);
      return {
        item,
        target,
        status,
        events: eventsOf.get(item.id) ?? [],
        monthly: monthlyOf.get(item.id) ?? [],
      };
    });
    return { plan, kind: kindOf(plan.kind), revision: rev?.number ?? 0, inForce, items };
  });
  return { year, plans: ledgerPlans, quarters, names };
}

function countIn(
  quarters: QuarterCompletion[],
  item: PlanItemRecord,
  target: PlanTarget,
  year: number,
  tz: string,
): void {
  const q = quarters[targetQuarter(target) - 1];
  if (!q) return;
  q.planned += 1;
  if (item.status !== "DONE") return;
  q.done += 1;
  const end: LocalDate = dateOf(year, targetEndMonth(target), 31);
  if (item.doneAt && localDateOf(item.doneAt, tz) <= end) q.onTime += 1;
}
