/**
 * What the plans' ledger and desk read beside the plans themselves: every item event of a year's
 * plans, the monthly items linked to plan items (TaskItem.planItemId) and, for the Home's year
 * grid, each plan's state with its items counted. Each is one query whatever the number of
 * branches (joins, never a list of ids as parameters).
 */
import { Prisma } from "../../generated/prisma/client.ts";
import { client, type Reader, type StoredPlanKind } from "./annual-plan.ts";

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

export interface PlanGridRow {
  planId: number;
  branchId: number;
  branchKey: string;
  branchName: string;
  kind: StoredPlanKind;
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
  approvedRevision: number | null;
  dueAt: Date | null;
  /** Items of the revision in force (or the latest before approval). */
  total: number;
  done: number;
  /** Open items of the plan in force whose target ended before `openMonth`. */
  overdue: number;
}

/**
 * The Home's year grid: every plan of `year` of the active branches (of `branchIds` only when
 * given) with its items counted, in one statement. An open item counts as overdue when its
 * target's last month ("m3" → 3, "q2" → 6) is before `openMonth` (this month, or 13 for a past
 * year).
 */
export async function planGridOfYear(
  db: Reader,
  q: { year: number; openMonth: number; branchIds?: readonly number[] },
): Promise<PlanGridRow[]> {
  const only = q.branchIds ? q.branchIds.map(Number).filter(Number.isSafeInteger) : null;
  const branchFilter =
    only === null
      ? Prisma.empty
      : only.length === 0
        ? Prisma.sql`AND false`
        : Prisma.sql`AND p."branchId" IN (${Prisma.join(only)})`;
  return client(db).$queryRaw<PlanGridRow[]>`
    SELECT p."id" AS "planId", p."branchId" AS "branchId", b."key" AS "branchKey",
      b."name" AS "branchName", p."kind"::text AS "kind", p."state"::text AS "state",
      p."approvedRevision" AS "approvedRevision", p."dueAt" AS "dueAt",
      count(i."id")::int AS "total",
      (count(i."id") FILTER (WHERE i."status" = 'DONE'))::int AS "done",
      (count(i."id") FILTER (
        WHERE i."status" = 'OPEN' AND p."approvedRevision" IS NOT NULL
          AND (CASE WHEN left(i."target", 1) = 'm' THEN substring(i."target" from 2)::int
                    ELSE substring(i."target" from 2)::int * 3 END) < ${q.openMonth}
      ))::int AS "overdue"
    FROM "AnnualPlan" p
    JOIN "Branch" b ON b."id" = p."branchId" AND b."active"
    LEFT JOIN "AnnualPlanRevision" r
      ON r."planId" = p."id" AND r."number" = COALESCE(p."approvedRevision", p."currentRevision")
    LEFT JOIN "AnnualPlanItem" i ON i."revisionId" = r."id"
    WHERE p."year" = ${q.year} ${branchFilter}
    GROUP BY p."id", b."id"
    ORDER BY b."id", p."kind"`;
}

export interface DueItemRow {
  branchId: number;
  kind: StoredPlanKind;
  position: number;
  title: string;
  target: string;
  status: "OPEN" | "DONE";
}

/** The items of the plans in force of `year` of the given branches (a secretary's), in order. */
export async function itemsInForceOf(
  db: Reader,
  year: number,
  branchIds: readonly number[],
): Promise<DueItemRow[]> {
  if (branchIds.length === 0) return [];
  const rows = await client(db).annualPlanItem.findMany({
    where: { revision: { plan: { year, branchId: { in: [...branchIds] } } } },
    select: {
      position: true,
      title: true,
      target: true,
      status: true,
      revision: {
        select: {
          number: true,
          plan: { select: { branchId: true, kind: true, approvedRevision: true } },
        },
      },
    },
    orderBy: [{ revisionId: "asc" }, { position: "asc" }],
  });
  return rows
    .filter((r) => r.revision.number === r.revision.plan.approvedRevision)
    .map((r) => ({
      branchId: r.revision.plan.branchId,
      kind: r.revision.plan.kind,
      position: r.position,
      title: r.title,
      target: r.target,
      status: r.status,
    }));
}
