/**
 * What the plans' ledger and desk read beside the plans themselves: every item event of a year's
 * plans, the monthly items linked to plan items (TaskItem.planItemId) and, for the Home's year
 * grid, each plan's state with its items counted. Each is one query whatever the number of
 * branches (joins, never a list of ids as parameters).
 */
import { client, type Reader } from "./annual-plan.ts";

export interface PlanItemEventRecord {
  itemId: number;
  kind: string;
  detail: unknown;
  by: string;
  at: Date;
}

/** Every event of the items of `year`'s plans, oldest first. */
export async function itemEventsOfYear(db: Reader, year: number): Promise<PlanItemEventRecord[]> {
  return client(db).annualPlanItemEvent.findMany({
    where: { item: { revision: { plan: { year } } } },
    select: { itemId: true, kind: true, detail: true, by: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

export interface LinkedMonthlyItem {
  planItemId: number;
  period: string;
  title: string;
  status: "OPEN" | "DONE";
}

/**
 * The monthly items that carry out a plan item, from the revision in force of each month's list
 * (or its latest, before approval) of `year` and January of the next (a December target's
 * follow-up).
 */
export async function linkedMonthlyItems(db: Reader, year: number): Promise<LinkedMonthlyItem[]> {
  const rows = await client(db).taskItem.findMany({
    where: {
      planItemId: { not: null },
      revision: {
        list: { OR: [{ period: { startsWith: `${year}-` } }, { period: `${year + 1}-01` }] },
      },
    },
    select: {
      planItemId: true,
      title: true,
      status: true,
      position: true,
      revision: {
        select: {
          number: true,
          list: { select: { period: true, approvedRevision: true, currentRevision: true } },
        },
      },
    },
    orderBy: [{ revisionId: "asc" }, { position: "asc" }],
  });
  return rows
    .filter(
      (r) =>
        r.revision.number === (r.revision.list.approvedRevision ?? r.revision.list.currentRevision),
    )
    .map((r) => ({
      planItemId: r.planItemId ?? 0,
      period: r.revision.list.period,
      title: r.title,
      status: r.status,
    }));
}

/** Every person's display name by Slack id (a file names people; it cannot mention them). */
export async function personNames(db: Reader): Promise<Map<string, string>> {
  const rows = await client(db).person.findMany({
    where: { name: { not: null } },
    select: { slackUserId: true, name: true },
  });
  return new Map(rows.map((p) => [p.slackUserId, p.name ?? p.slackUserId]));
}
