/**
 * Changing the lecture hall's records. State changes are conditional updates ("where still
 * assigned", "where the version is still n") whose row count says who won; every change is
 * written with its AuditLog row by the caller's transaction.
 */
import type { Prisma } from "../client.ts";
import type { SessionStatusDb, TurnStateDb, Tx } from "./lecture.ts";

const json = (value: unknown): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * Stores the rotation state: creates the row when `expectedVersion` is null, else updates it
 * only while its version is still `expectedVersion`. False: someone else changed it first.
 */
export async function saveRotation(
  tx: Tx,
  series: string,
  state: unknown,
  expectedVersion: number | null,
): Promise<boolean> {
  if (expectedVersion === null) {
    const { count } = await tx.rotationState.createMany({
      data: [{ series, state: json(state), version: 1 }],
      skipDuplicates: true,
    });
    return count === 1;
  }
  const { count } = await tx.rotationState.updateMany({
    where: { series, version: expectedVersion },
    data: { state: json(state), version: { increment: 1 } },
  });
  return count === 1;
}

/** Records the roster read from the channel (the rotation row is created if missing). */
export async function saveSyncedRoster(
  tx: Tx,
  series: string,
  roster: readonly string[],
  initialState: unknown,
): Promise<void> {
  await tx.rotationState.createMany({
    data: [{ series, state: json(initialState), roster: json(roster), version: 1 }],
    skipDuplicates: true,
  });
  await tx.rotationState.updateMany({ where: { series }, data: { roster: json(roster) } });
}

export interface NewSession {
  series: string;
  seq: number;
  date: string;
  startsAt: Date;
}

export async function createSession(tx: Tx, s: NewSession): Promise<number> {
  return (await tx.lectureSession.create({ data: s, select: { id: true } })).id;
}

export async function createTurn(
  tx: Tx,
  t: { sessionId: number; slot: number; userId: string },
): Promise<number> {
  return (await tx.lectureTurn.create({ data: t, select: { id: true } })).id;
}

/** Moves a turn on when it is still in one of `from`; false when it no longer is. */
export async function setTurnState(
  tx: Tx,
  turnId: number,
  from: readonly TurnStateDb[],
  to: TurnStateDb,
  at: Date,
): Promise<boolean> {
  const { count } = await tx.lectureTurn.updateMany({
    where: { id: turnId, state: { in: [...from] } },
    data: { state: to, ...(to === "CONFIRMED" ? { confirmedAt: at } : {}) },
  });
  return count === 1;
}

export async function setTurnTopic(tx: Tx, turnId: number, topic: string): Promise<void> {
  await tx.lectureTurn.update({ where: { id: turnId }, data: { topic } });
}

export async function setTurnDm(tx: Tx, turnId: number, dmKey: string, moment: string) {
  await tx.lectureTurn.update({ where: { id: turnId }, data: { dmKey, dmMoment: moment } });
}

/** Bumps the session's version (and sets its status when given); returns the new version. */
export async function touchSession(
  tx: Tx,
  sessionId: number,
  status?: SessionStatusDb,
): Promise<number> {
  const row = await tx.lectureSession.update({
    where: { id: sessionId },
    data: { version: { increment: 1 }, ...(status ? { status } : {}) },
    select: { version: true },
  });
  return row.version;
}

/** Records the status when it is still one of `from`. */
export async function setSessionStatus(
  tx: Tx,
  sessionId: number,
  from: readonly SessionStatusDb[],
  to: SessionStatusDb,
): Promise<boolean> {
  const { count } = await tx.lectureSession.updateMany({
    where: { id: sessionId, status: { in: [...from] } },
    data: { status: to, version: { increment: 1 } },
  });
  return count === 1;
}

export async function setNoticeChannel(tx: Tx, sessionId: number, channel: string): Promise<void> {
  await tx.lectureSession.update({ where: { id: sessionId }, data: { noticeChannel: channel } });
}

export async function storeNoticeTs(tx: Tx, sessionId: number, channel: string, ts: string) {
  await tx.lectureSession.updateMany({
    where: { id: sessionId },
    data: { noticeChannel: channel, noticeTs: ts },
  });
}

export async function createSwap(
  tx: Tx,
  s: { turnId: number; fromUser: string; toUser: string; toTurnId: number | null; expiresAt: Date },
): Promise<number> {
  return (await tx.swapRequest.create({ data: s, select: { id: true } })).id;
}

/** Answers a pending request; false when it was no longer pending. */
export async function closeSwap(
  tx: Tx,
  id: number,
  to: "ACCEPTED" | "DECLINED" | "EXPIRED",
  at: Date,
): Promise<boolean> {
  const { count } = await tx.swapRequest.updateMany({
    where: { id, state: "PENDING" },
    data: { state: to, decidedAt: at },
  });
  return count === 1;
}

export async function createAbsence(
  tx: Tx,
  a: { userId: string; fromDate: string; toDate: string },
): Promise<number> {
  return (await tx.absence.create({ data: a, select: { id: true } })).id;
}

export async function createToken(
  tx: Tx,
  tokenHash: string,
  userId: string,
  scope: "person" | "schedule",
): Promise<void> {
  await tx.calendarToken.create({ data: { tokenHash, userId, scope } });
}

/** Revokes every token in force for the person (both scopes); returns how many. */
export async function revokeTokens(tx: Tx, userId: string, at: Date): Promise<number> {
  const { count } = await tx.calendarToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: at },
  });
  return count;
}

/** Revokes every whole-schedule token in force (the old shared one included); returns how many. */
export async function revokeScheduleTokens(tx: Tx, at: Date): Promise<number> {
  const { count } = await tx.calendarToken.updateMany({
    where: { scope: "schedule", revokedAt: null },
    data: { revokedAt: at },
  });
  return count;
}

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  data?: unknown;
  source: string;
  at: Date;
}

/** One audited change; the row's id is unique, so it also keys the messages the change sends. */
export async function audit(tx: Tx, e: AuditEntry): Promise<number> {
  const row = await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: String(e.entityId),
      ...(e.data === undefined ? {} : { data: json(e.data) }),
      source: e.source,
      at: e.at,
    },
    select: { id: true },
  });
  return row.id;
}
