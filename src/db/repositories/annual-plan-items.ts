/**
 * The items of the plans in force, as the months and the quarters see them: a branch's (or
 * every branch's) items of its approved plans, one item with where it belongs, marking an item
 * done and moving it (conditional updates: the row count says whether this caller won, each
 * with its event), and the quarter checks (PlanQuarterCheck) with the reasons given.
 */
import type { Prisma } from "../client.ts";
import {
  client,
  type PlanItemRecord,
  type Reader,
  type StoredPlanKind,
  type Tx,
} from "./annual-plan.ts";

export interface InForceItem extends Omit<PlanItemRecord, "doneBy"> {
  planId: number;
  branchId: number;
  kind: StoredPlanKind;
}

/** The items of the approved plans of `year` (of one branch, or of all), plan by plan. */
export async function itemsInForce(
  db: Reader,
  year: number,
  branchId?: number,
): Promise<InForceItem[]> {
  const plans = await client(db).annualPlan.findMany({
    where: { year, approvedRevision: { not: null }, ...(branchId ? { branchId } : {}) },
    select: { id: true, branchId: true, kind: true, approvedRevision: true },
    orderBy: [{ branchId: "asc" }, { kind: "asc" }],
  });
  if (plans.length === 0) return [];
  const rows = await client(db).annualPlanItem.findMany({
    where: {
      OR: plans.map((p) => ({ revision: { planId: p.id, number: p.approvedRevision ?? -1 } })),
    },
    include: { revision: { select: { planId: true } } },
    orderBy: [{ revisionId: "asc" }, { position: "asc" }],
  });
  const byPlan = new Map(plans.map((p) => [p.id, p]));
  const order = new Map(plans.map((p, i) => [p.id, i]));
  return rows
    .map(({ revision, revisionId: _r, doneBy: _d, ...item }) => {
      const plan = byPlan.get(revision.planId);
      return {
        ...item,
        planId: revision.planId,
        branchId: plan?.branchId ?? 0,
        kind: plan?.kind ?? "ARRANGEMENT",
      };
    })
    .sort(
      (a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0) || a.position - b.position,
    );
}

export interface PlanItemPlace extends InForceItem {
  year: number;
  branchKey: string;
  /** The item belongs to the revision in force. */
  inForce: boolean;
}

/** One plan item with its plan's year, branch and whether it is of the revision in force. */
export async function findPlanItem(db: Reader, itemId: number): Promise<PlanItemPlace | null> {
  const row = await client(db).annualPlanItem.findFirst({
    where: { id: itemId },
    include: {
      revision: {
        select: {
          number: true,
          plan: {
            select: {
              id: true,
              year: true,
              kind: true,
              approvedRevision: true,
              branchId: true,
              branch: { select: { key: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { revision, revisionId: _r, doneBy: _d, ...item } = row;
  const plan = revision.plan;
  return {
    ...item,
    planId: plan.id,
    branchId: plan.branchId,
    kind: plan.kind,
    year: plan.year,
    branchKey: plan.branch.key,
    inForce: plan.approvedRevision === revision.number,
  };
}

/**
 * The item of the plan in force that carries `itemId` on (an amendment copies the items into a
 * new revision: the same title in the same plan), or null.
 */
export async function itemInForceFor(db: Reader, itemId: number): Promise<PlanItemPlace | null> {
  const place = await findPlanItem(db, itemId);
  if (!place || place.inForce) return place;
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  const items = await itemsInForce(db, place.year, place.branchId);
  const same = items.find((i) => i.planId === place.planId && norm(i.title) === norm(place.title));
  return same ? { ...same, year: place.year, branchKey: place.branchKey, inForce: true } : null;
}

/** Marks an open item done; false when it was already done (another click won). */
export async function markPlanItemDone(
  tx: Tx,
  c: { itemId: number; by: string; at: Date; detail: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await tx.annualPlanItem.updateMany({
    where: { id: c.itemId, status: "OPEN" },
    data: { status: "DONE", doneAt: c.at, doneBy: c.by },
  });
  if (count !== 1) return false;
  await tx.annualPlanItemEvent.create({
    data: { itemId: c.itemId, kind: "done", detail: c.detail, by: c.by, at: c.at },
  });
  return true;
}

/** Moves an open item from `from` to `to`; false when it changed meanwhile. */
export async function movePlanItem(
  tx: Tx,
  c: {
    itemId: number;
    from: string;
    to: string;
    reason: string;
    by: string;
    at: Date;
    event: "rescheduled" | "quarter-reason";
    detail: Prisma.InputJsonObject;
  },
): Promise<boolean> {
  const { count } = await tx.annualPlanItem.updateMany({
    where: { id: c.itemId, status: "OPEN", target: c.from },
    data: { target: c.to, movedFrom: c.from, moveReason: c.reason },
  });
  if (count !== 1) return false;
  await tx.annualPlanItemEvent.create({
    data: {
      itemId: c.itemId,
      kind: c.event,
      detail: { ...c.detail, from: c.from, to: c.to, reason: c.reason },
      by: c.by,
      at: c.at,
    },
  });
  return true;
}

// ── the quarter checks ──

export interface QuarterCheckRecord {
  id: number;
  branchId: number;
  year: number;
  quarter: number;
  channel: string | null;
  ts: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

/** Creates the branch's check of the quarter unless it exists; whether it was created. */
export async function createQuarterCheckIfMissing(
  tx: Tx,
  c: { branchId: number; year: number; quarter: number; at: Date },
): Promise<boolean> {
  const { count } = await tx.planQuarterCheck.createMany({
    data: [{ branchId: c.branchId, year: c.year, quarter: c.quarter, createdAt: c.at }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function quarterChecks(
  db: Reader,
  year: number,
  quarter: number,
): Promise<QuarterCheckRecord[]> {
  return client(db).planQuarterCheck.findMany({
    where: { year, quarter },
    orderBy: { branchId: "asc" },
  });
}

export async function findQuarterCheck(
  db: Reader,
  branchId: number,
  year: number,
  quarter: number,
): Promise<QuarterCheckRecord | null> {
  return client(db).planQuarterCheck.findUnique({
    where: { branchId_year_quarter: { branchId, year, quarter } },
  });
}

export async function storeQuarterCheckTs(
  tx: Tx,
  c: { branchId: number; year: number; quarter: number; channel: string; ts: string },
): Promise<void> {
  await tx.planQuarterCheck.updateMany({
    where: { branchId: c.branchId, year: c.year, quarter: c.quarter },
    data: { channel: c.channel, ts: c.ts },
  });
}

export async function markQuarterAnswered(tx: Tx, checkId: number, at: Date): Promise<void> {
  await tx.planQuarterCheck.updateMany({
    where: { id: checkId, answeredAt: null },
    data: { answeredAt: at },
  });
}

/** The answers given in the quarter's tracking "YYYY-Qn": item id → its reason and new date. */
export async function quarterAnswers(
  db: Reader,
  quarterKey: string,
  itemIds: readonly number[],
): Promise<Map<number, { reason: string; date: string }>> {
  if (itemIds.length === 0) return new Map();
  const rows = await client(db).annualPlanItemEvent.findMany({
    where: {
      kind: "quarter-reason",
      itemId: { in: [...itemIds] },
      detail: { path: ["quarter"], equals: quarterKey },
    },
    select: { itemId: true, detail: true },
    orderBy: { id: "asc" },
  });
  const out = new Map<number, { reason: string; date: string }>();
  for (const r of rows) {
    const d = (r.detail ?? {}) as { reason?: unknown; date?: unknown };
    out.set(r.itemId, { reason: String(d.reason ?? ""), date: String(d.date ?? "") });
  }
  return out;
}
