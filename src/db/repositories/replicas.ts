/**
 * Live bot processes and the scheduler's per-fire claims (CronTick). A `pbb` command delivers
 * the outbox itself only when no replica has sent a heartbeat recently.
 */
import os from "node:os";
import type { Database } from "../client.ts";
import { isUniqueViolation } from "../errors.ts";

export function newReplicaId(): string {
  return `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

export async function heartbeat(db: Database, id: string, now: Date): Promise<void> {
  await db.prisma.replica.upsert({
    where: { id },
    create: { id, host: os.hostname(), pid: process.pid, startedAt: now, heartbeatAt: now },
    update: { heartbeatAt: now },
  });
}

export async function removeReplica(db: Database, id: string): Promise<void> {
  await db.prisma.replica.deleteMany({ where: { id } });
}

export async function liveReplicas(
  db: Database,
  now: Date,
  staleMs: number,
): Promise<{ id: string; heartbeatAt: Date }[]> {
  return db.prisma.replica.findMany({
    where: { heartbeatAt: { gte: new Date(now.getTime() - staleMs) } },
    select: { id: true, heartbeatAt: true },
    orderBy: { heartbeatAt: "desc" },
  });
}

/** Claims one scheduler fire across replicas: true for exactly one caller per key. */
export async function claimCronTick(
  db: Database,
  key: string,
  replicaId: string,
): Promise<boolean> {
  try {
    await db.prisma.cronTick.create({ data: { key, claimedBy: replicaId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function pruneCronTicks(db: Database, before: Date): Promise<number> {
  const { count } = await db.prisma.cronTick.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
