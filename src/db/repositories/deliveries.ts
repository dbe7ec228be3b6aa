/**
 * The outbox table. Rows are enqueued in the caller's transaction (idempotent on dedupeKey),
 * claimed by workers with FOR UPDATE SKIP LOCKED and a lease, and finished by conditional updates
 * that only the current claimant can make.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Database } from "../client.ts";

export type Tx = Prisma.TransactionClient;

export interface NewDelivery {
  dedupeKey: string;
  method: string;
  payload: Prisma.InputJsonObject;
  resultRef?: string;
  afterKey?: string;
  notBefore?: Date;
}

/** Inserts the row unless its dedupeKey exists (ON CONFLICT DO NOTHING: the transaction goes on). */
export async function insertDelivery(tx: Tx, row: NewDelivery): Promise<boolean> {
  return (await insertDeliveries(tx, [row])) === 1;
}

/** Many new deliveries in one statement (those already enqueued are skipped); how many were new. */
export async function insertDeliveries(tx: Tx, rows: readonly NewDelivery[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.delivery.createMany({
    data: rows.map((row) => ({
      dedupeKey: row.dedupeKey,
      method: row.method,
      payload: row.payload,
      resultRef: row.resultRef ?? null,
      afterKey: row.afterKey ?? null,
      ...(row.notBefore ? { notBefore: row.notBefore } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Marks SUPERSEDED the pending chat.updates of the same message as `newer` (the same `afterKey`,
 * or the same channel and ts), enqueued before it: an update carries the whole message, so an
 * older one still waiting (e.g. for a retry after a 5xx) must not land after the newer one and
 * show stale content. One a later delivery depends on is left alone.
 */
export async function supersedeOlderUpdates(
  tx: Tx,
  newer: { dedupeKey: string; afterKey: string | null; channel: string | null; ts: string | null },
): Promise<number> {
  if (newer.afterKey === null && (newer.channel === null || newer.ts === null)) return 0;
  return tx.$executeRaw`
    UPDATE "Delivery" d SET "status" = 'SUPERSEDED', "claimedBy" = NULL, "claimedUntil" = NULL,
      "lastError" = ${`superseded by ${newer.dedupeKey}`}
    WHERE d."method" = 'chat.update' AND d."status" = 'PENDING'
      AND d."id" < (SELECT n."id" FROM "Delivery" n WHERE n."dedupeKey" = ${newer.dedupeKey})
      AND (
        (${newer.afterKey}::text IS NOT NULL AND d."afterKey" = ${newer.afterKey}::text)
        OR (${newer.afterKey}::text IS NULL AND d."afterKey" IS NULL
          AND d."payload"->>'channel' = ${newer.channel}::text
          AND d."payload"->>'ts' = ${newer.ts}::text))
      AND NOT EXISTS (SELECT 1 FROM "Delivery" c WHERE c."afterKey" = d."dedupeKey")`;
}

export interface ClaimedDelivery {
  id: number;
  dedupeKey: string;
  method: string;
  payload: Prisma.JsonValue;
  attempts: number;
  resultRef: string | null;
  afterKey: string | null;
  createdAt: Date;
}

/**
 * Claims up to `limit` due rows for `claimant` until `leaseUntil`, counting the attempt. Rows
 * another worker holds are skipped, not waited for; a row waiting for an earlier delivery
 * (afterKey) is due once that one is no longer PENDING.
 */
export async function claimDeliveries(
  db: Database,
  opts: { claimant: string; now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedDelivery[]> {
  const rows = await db.prisma.$queryRaw<{ id: number }[]>`
    UPDATE "Delivery" SET "claimedBy" = ${opts.claimant}, "claimedUntil" = ${opts.leaseUntil},
      "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT d."id" FROM "Delivery" d
      WHERE d."status" = 'PENDING' AND d."notBefore" <= ${opts.now}
        AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${opts.now})
        AND (d."afterKey" IS NULL OR EXISTS (
          SELECT 1 FROM "Delivery" p WHERE p."dedupeKey" = d."afterKey" AND p."status" <> 'PENDING'))
      ORDER BY d."notBefore", d."id"
      LIMIT ${opts.limit}
      FOR UPDATE OF d SKIP LOCKED)
    RETURNING "id"`;
  if (rows.length === 0) return [];
  return db.prisma.delivery.findMany({
    where: { id: { in: rows.map((r) => r.id) }, claimedBy: opts.claimant },
    select: {
      id: true,
      dedupeKey: true,
      method: true,
      payload: true,
      attempts: true,
      resultRef: true,
      afterKey: true,
      createdAt: true,
    },
    orderBy: [{ notBefore: "asc" }, { id: "asc" }],
  });
}

export async function findDeliveryByKey(db: Database | Tx, dedupeKey: string) {
  const client = "prisma" in db ? db.prisma : db;
  return client.delivery.findUnique({ where: { dedupeKey } });
}

const held = (id: number, claimant: string) =>
  ({ id, claimedBy: claimant, status: "PENDING" }) as const;

/** Marks the claimed row SENT; false when this claimant no longer holds it. */
export async function markDeliverySent(
  tx: Tx,
  id: number,
  claimant: string,
  result: { channel: string | null; ts: string | null; at: Date },
): Promise<boolean> {
  const { count } = await tx.delivery.updateMany({
    where: held(id, claimant),
    data: {
      status: "SENT",
      sentAt: result.at,
      resultChannel: result.channel,
      resultTs: result.ts,
      claimedBy: null,
      claimedUntil: null,
      lastError: null,
    },
  });
  return count === 1;
}

/** Releases the claim until `notBefore`; `refund` takes back an attempt that never reached Slack. */
export async function rescheduleDelivery(
  db: Database,
  id: number,
  claimant: string,
  opts: { notBefore: Date; lastError: string | null; refund: boolean },
): Promise<boolean> {
  const { count } = await db.prisma.delivery.updateMany({
    where: held(id, claimant),
    data: {
      notBefore: opts.notBefore,
      lastError: opts.lastError,
      claimedBy: null,
      claimedUntil: null,
      ...(opts.refund ? { attempts: { decrement: 1 } } : {}),
    },
  });
  return count === 1;
}

/** Replaces the payload of a row this claimant holds (an upload's file ids); false when not held. */
export async function saveHeldDeliveryPayload(
  db: Database,
  id: number,
  claimant: string,
  payload: Prisma.InputJsonObject,
): Promise<boolean> {
  const { count } = await db.prisma.delivery.updateMany({
    where: held(id, claimant),
    data: { payload },
  });
  return count === 1;
}

export async function markDeliveryFailed(
  tx: Tx,
  id: number,
  claimant: string,
  opts: { lastError: string },
): Promise<boolean> {
  const { count } = await tx.delivery.updateMany({
    where: held(id, claimant),
    data: { status: "FAILED", lastError: opts.lastError, claimedBy: null, claimedUntil: null },
  });
  return count === 1;
}

/** Records that the committee admins were told about this failed delivery. */
export async function markDeliveryReported(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.delivery.update({ where: { id }, data: { reportedAt: at } });
}

/** Counts by status, for the queue-depth gauge. */
export async function deliveryQueueDepth(db: Database): Promise<Record<string, number>> {
  const groups = await db.prisma.delivery.groupBy({
    by: ["status"],
    where: { status: { in: ["PENDING", "FAILED"] } },
    _count: { _all: true },
  });
  const depth: Record<string, number> = { PENDING: 0, FAILED: 0 };
  for (const g of groups) depth[g.status] = g._count._all;
  return depth;
}

/** Slack user ids of the committee admins, and the org's locale, for failure reports. */
export async function committeeAdminsForReport(
  tx: Tx,
): Promise<{ userIds: string[]; locale: string | null }> {
  const admins = await tx.person.findMany({
    where: { active: true, committeeRoles: { some: { role: "ADMIN" } } },
    select: { slackUserId: true },
    orderBy: { id: "asc" },
  });
  const org = await tx.organization.findUnique({ where: { id: 1 }, select: { locale: true } });
  return { userIds: admins.map((a) => a.slackUserId), locale: org?.locale ?? null };
}

// ---------- operator views: `pbb deliveries` ----------

export interface DeliveryRow {
  id: number;
  dedupeKey: string;
  method: string;
  payload: Prisma.JsonValue;
  status: "PENDING" | "SENT" | "FAILED" | "SUPERSEDED";
  attempts: number;
  lastError: string | null;
  notBefore: Date;
  claimedBy: string | null;
  claimedUntil: Date | null;
  createdAt: Date;
  sentAt: Date | null;
}

const deliveryRowSelect = {
  id: true,
  dedupeKey: true,
  method: true,
  payload: true,
  status: true,
  attempts: true,
  lastError: true,
  notBefore: true,
  claimedBy: true,
  claimedUntil: true,
  createdAt: true,
  sentAt: true,
} as const;

/**
 * Stuck: still PENDING although it should have gone — due for longer than `dueForMs` with no
 * claim, or claimed under a lease that has run out (its worker died and none took it up).
 */
const stuckWhere = (now: Date, dueForMs: number): Prisma.DeliveryWhereInput => ({
  status: "PENDING",
  OR: [
    { claimedUntil: { lt: now } },
    { claimedUntil: null, notBefore: { lt: new Date(now.getTime() - dueForMs) } },
  ],
});

export async function listFailedDeliveries(db: Database, limit: number): Promise<DeliveryRow[]> {
  return db.prisma.delivery.findMany({
    where: { status: "FAILED" },
    select: deliveryRowSelect,
    orderBy: { id: "asc" },
    take: limit,
  });
}

export async function listStuckDeliveries(
  db: Database,
  opts: { now: Date; dueForMs: number; limit: number },
): Promise<DeliveryRow[]> {
  return db.prisma.delivery.findMany({
    where: stuckWhere(opts.now, opts.dueForMs),
    select: deliveryRowSelect,
    orderBy: { id: "asc" },
    take: opts.limit,
  });
}

export async function findDeliveriesById(db: Database, ids: number[]): Promise<DeliveryRow[]> {
  return db.prisma.delivery.findMany({
    where: { id: { in: ids } },
    select: deliveryRowSelect,
    orderBy: { id: "asc" },
  });
}

export interface RetryRequest {
  /** The deliveries to retry; every FAILED one when absent. */
  ids?: number[];
  /** Also put stuck PENDING ones (see `listStuckDeliveries`) back in the queue. */
  includeStuck: boolean;
  now: Date;
  dueForMs: number;
  actor: string;
}

/**
 * Puts FAILED (and, asked for, stuck) deliveries back to PENDING, due now, unclaimed, with the
 * attempts reset. A delivery that was tried before keeps one attempt on record, so the worker
 * first looks in Slack for a message an earlier attempt may have posted instead of posting twice.
 * Conditional on the row still being failed or stuck; returns the ids retried.
 */
export async function retryDeliveries(db: Database, request: RetryRequest): Promise<number[]> {
  const byId: Prisma.DeliveryWhereInput = request.ids ? { id: { in: request.ids } } : {};
  const eligible: Prisma.DeliveryWhereInput = request.includeStuck
    ? { OR: [{ status: "FAILED" }, stuckWhere(request.now, request.dueForMs)] }
    : { status: "FAILED" };
  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.delivery.findMany({
      where: { AND: [byId, eligible] },
      select: { id: true, status: true, attempts: true, lastError: true },
      orderBy: { id: "asc" },
    });
    const retried: number[] = [];
    for (const row of rows) {
      const { count } = await tx.delivery.updateMany({
        where: { AND: [{ id: row.id }, eligible] },
        data: {
          status: "PENDING",
          attempts: Math.min(row.attempts, 1),
          notBefore: request.now,
          claimedBy: null,
          claimedUntil: null,
          lastError: null,
        },
      });
      if (count === 0) continue;
      retried.push(row.id);
      await tx.auditLog.create({
        data: {
          actor: request.actor,
          action: "delivery.retry",
          entity: "delivery",
          entityId: String(row.id),
          data: { was: row.status, attempts: row.attempts, lastError: row.lastError },
          at: request.now,
        },
      });
    }
    return retried;
  });
}
