/**
 * Reading the lecture hall and class representatives: sessions with their turns, the rotation
 * bookkeeping, absences, swap requests, calendar tokens and who may do what.
 */
import type { Database, Prisma } from "../client.ts";

export type Tx = Prisma.TransactionClient;
export type Reader = Database | Tx;
export const client = (db: Reader): Tx => ("prisma" in db ? db.prisma : db);

export type TurnStateDb = "ASSIGNED" | "CONFIRMED" | "SWAPPED_OUT" | "DROPPED";
export type SessionStatusDb = "SCHEDULED" | "HELD" | "NOT_HELD" | "SKIPPED";
/** A turn someone still holds. */
export const ACTIVE_TURN: TurnStateDb[] = ["ASSIGNED", "CONFIRMED"];

export interface TurnRecord {
  id: number;
  sessionId: number;
  slot: number;
  userId: string;
  state: TurnStateDb;
  topic: string | null;
  dmKey: string | null;
  dmMoment: string | null;
}

export interface SessionRecord {
  id: number;
  series: string;
  seq: number;
  date: string;
  startsAt: Date;
  status: SessionStatusDb;
  noticeChannel: string | null;
  noticeTs: string | null;
  version: number;
  /** Every turn, in slot then creation order (replaced ones included). */
  turns: TurnRecord[];
}

const withTurns = {
  turns: { orderBy: [{ slot: "asc" }, { id: "asc" }] },
} satisfies Prisma.LectureSessionInclude;

export const activeTurns = (s: Pick<SessionRecord, "turns">): TurnRecord[] =>
  s.turns.filter((t) => ACTIVE_TURN.includes(t.state));

export async function sessionByDate(
  db: Reader,
  series: string,
  date: string,
): Promise<SessionRecord | null> {
  return client(db).lectureSession.findUnique({
    where: { series_date: { series, date } },
    include: withTurns,
  });
}

export async function sessionById(db: Reader, id: number): Promise<SessionRecord | null> {
  return client(db).lectureSession.findUnique({ where: { id }, include: withTurns });
}

/** Sessions of a series with `from <= date <= to`, in date order. */
export async function sessionsBetween(
  db: Reader,
  series: string,
  from: string,
  to: string,
): Promise<SessionRecord[]> {
  return client(db).lectureSession.findMany({
    where: { series, date: { gte: from, lte: to } },
    include: withTurns,
    orderBy: { date: "asc" },
  });
}

/** Every session of a series, in date order. */
export async function allSessions(db: Reader, series: string): Promise<SessionRecord[]> {
  return client(db).lectureSession.findMany({
    where: { series },
    include: withTurns,
    orderBy: { date: "asc" },
  });
}

/** The date of the series' latest session before `date`, if any. */
export async function lastSessionDateBefore(
  db: Reader,
  series: string,
  date: string,
): Promise<string | null> {
  const row = await client(db).lectureSession.findFirst({
    where: { series, date: { lt: date } },
    orderBy: { date: "desc" },
    select: { date: true },
  });
  return row?.date ?? null;
}

export async function maxSeq(db: Reader, series: string): Promise<number> {
  const row = await client(db).lectureSession.aggregate({ where: { series }, _max: { seq: true } });
  return row._max.seq ?? 0;
}

export interface TurnInSession {
  turn: TurnRecord;
  session: SessionRecord;
}

export async function turnWithSession(db: Reader, turnId: number): Promise<TurnInSession | null> {
  const turn = await client(db).lectureTurn.findUnique({
    where: { id: turnId },
    include: { session: { include: withTurns } },
  });
  if (!turn) return null;
  const { session, ...rest } = turn;
  return { turn: rest, session };
}

/** Turns still held in sessions of the series starting after `after`, earliest first. */
export async function upcomingTurns(
  db: Reader,
  series: string,
  after: Date,
): Promise<TurnInSession[]> {
  const sessions = await client(db).lectureSession.findMany({
    where: { series, startsAt: { gt: after }, status: { in: ["SCHEDULED", "HELD"] } },
    include: withTurns,
    orderBy: { date: "asc" },
  });
  return sessions.flatMap((session) => activeTurns(session).map((turn) => ({ turn, session })));
}

export interface RotationRow {
  state: unknown;
  version: number;
  /** The roster last read from the channel, when synced. */
  roster: string[] | null;
}

export async function rotationRow(db: Reader, series: string): Promise<RotationRow | null> {
  const row = await client(db).rotationState.findUnique({ where: { series } });
  if (!row) return null;
  const roster = Array.isArray(row.roster)
    ? row.roster.filter((u): u is string => typeof u === "string")
    : null;
  return { state: row.state, version: row.version, roster };
}

/** Who, of `userIds`, is away on `date`. */
export async function absentOn(
  db: Reader,
  userIds: readonly string[],
  date: string,
): Promise<Set<string>> {
  const rows = await client(db).absence.findMany({
    where: { userId: { in: [...userIds] }, fromDate: { lte: date }, toDate: { gte: date } },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

export interface SwapRecord {
  id: number;
  turnId: number;
  fromUser: string;
  toUser: string;
  toTurnId: number | null;
  state: "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED";
  expiresAt: Date;
}

export async function swapById(db: Reader, id: number): Promise<SwapRecord | null> {
  return client(db).swapRequest.findUnique({ where: { id } });
}

export async function pendingSwapOf(db: Reader, turnId: number): Promise<SwapRecord | null> {
  return client(db).swapRequest.findFirst({
    where: { turnId, state: "PENDING" },
    orderBy: { id: "desc" },
  });
}

/** Pending requests whose answer time is over at `at`. */
export async function overdueSwapIds(db: Reader, at: Date): Promise<number[]> {
  const rows = await client(db).swapRequest.findMany({
    where: { state: "PENDING", expiresAt: { lte: at } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

export async function isCommitteeAdmin(db: Reader, userId: string): Promise<boolean> {
  const row = await client(db).committeeRole.findFirst({
    where: { role: "ADMIN", person: { slackUserId: userId, active: true } },
    select: { id: true },
  });
  return row !== null;
}

/** Display names of people known to the bot (plain-text surfaces cannot render mentions). */
export async function personNames(
  db: Reader,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await client(db).person.findMany({
    where: { slackUserId: { in: [...userIds] } },
    select: { slackUserId: true, name: true },
  });
  return new Map(rows.flatMap((r) => (r.name ? [[r.slackUserId, r.name] as const] : [])));
}

export type TokenScope = "person" | "schedule";

export interface TokenRecord {
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  tokenHash: string;
  userId: string | null;
  scope: TokenScope;
}

const tokenSelect = { tokenHash: true, userId: true, scope: true } as const;
const asRecord = (r: { tokenHash: string; userId: string | null; scope: string } | null) =>
  r && { ...r, scope: r.scope === "schedule" ? ("schedule" as const) : ("person" as const) };

/** The token in force with this hash (unknown and revoked tokens give null). */
export async function liveToken(db: Reader, tokenHash: string): Promise<TokenRecord | null> {
  return asRecord(
    await client(db).calendarToken.findFirst({
      where: { tokenHash, revokedAt: null },
      select: tokenSelect,
    }),
  );
}

/** The person's token in force for one scope, if any. */
export async function liveTokenOf(
  db: Reader,
  userId: string,
  scope: TokenScope,
): Promise<TokenRecord | null> {
  return asRecord(
    await client(db).calendarToken.findFirst({
      where: { userId, scope, revokedAt: null },
      orderBy: { id: "desc" },
      select: tokenSelect,
    }),
  );
}

/** Whether the person may have calendar links: on the lecture roster's config, or on the committee. */
export async function isCommitteePerson(db: Reader, userId: string): Promise<boolean> {
  const row = await client(db).committeeRole.findFirst({
    where: { person: { slackUserId: userId, active: true } },
    select: { id: true },
  });
  return row !== null;
}

export interface ClassRepBranch {
  key: string;
  name: string;
  classReps: unknown;
}

/** Active branches that have a class-representative setting. */
export async function classRepBranches(db: Reader): Promise<ClassRepBranch[]> {
  const rows = await client(db).branch.findMany({
    where: { active: true },
    select: { key: true, name: true, classReps: true },
    orderBy: { id: "asc" },
  });
  return rows.filter((r) => r.classReps !== null);
}
