/**
 * Normalized study: sessions with their expected people and draws, youth research projects.
 * Changes that race (a draw, an answer, attendance) are conditional on the session's version.
 */
import type { Material, StudyKind } from "../../domain/study.ts";
import type { Database, Prisma } from "../client.ts";

export type Tx = Prisma.TransactionClient;
export type Reader = Database | Tx;
const client = (db: Reader): Tx => ("prisma" in db ? db.prisma : db);

export interface AttendeeRecord {
  id: number;
  userId: string;
  response: string | null;
  reason: string | null;
  attendance: string | null;
  makeUpNote: string | null;
  madeUpAt: Date | null;
  makeUpRemindedAt: Date | null;
}

export interface DrawRecord {
  id: number;
  seq: number;
  userId: string;
  outcome: string;
  outOfTurn: boolean;
}

/** What a session is given when it is scheduled, stored as given. */
interface StudySessionFields {
  kind: StudyKind;
  branchId: number | null;
  topic: string;
  date: string;
  startsAt: Date;
  minutes: number;
  materials: Material[];
  chairUserId: string;
  createdBy: string;
  occurrence: string | null;
  channelId: string;
}

export interface StudySessionRecord extends StudySessionFields {
  id: number;
  attendanceAt: Date | null;
  makeUpDue: string | null;
  makeUpRemindOn: string | null;
  version: number;
  attendees: AttendeeRecord[];
  draws: DrawRecord[];
}

const include = {
  attendees: { orderBy: { id: "asc" } },
  draws: { orderBy: { seq: "asc" } },
} as const;

type Row = Prisma.StudySessionGetPayload<{ include: typeof include }>;

const record = (row: Row): StudySessionRecord => ({
  ...row,
  kind: row.kind as StudyKind,
  materials: row.materials as unknown as Material[],
});

export async function studySessionById(db: Reader, id: number): Promise<StudySessionRecord | null> {
  const row = await client(db).studySession.findFirst({ where: { id }, include });
  return row ? record(row) : null;
}

export async function studySessionByOccurrence(db: Reader, occurrence: string) {
  const row = await client(db).studySession.findFirst({ where: { occurrence }, include });
  return row ? record(row) : null;
}

/** A session of this kind in [first, last] not yet tied to an occurrence (one an admin made). */
export async function unclaimedSessionIn(
  db: Reader,
  kind: StudyKind,
  first: string,
  last: string,
): Promise<StudySessionRecord | null> {
  const row = await client(db).studySession.findFirst({
    where: { kind, occurrence: null, date: { gte: first, lte: last } },
    include,
    orderBy: { date: "asc" },
  });
  return row ? record(row) : null;
}

export async function studySessionsBetween(
  db: Reader,
  first: string,
  last: string,
  kind?: StudyKind,
): Promise<StudySessionRecord[]> {
  const rows = await client(db).studySession.findMany({
    where: { date: { gte: first, lte: last }, ...(kind ? { kind } : {}) },
    include,
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
  return rows.map(record);
}

export interface NewStudySession extends StudySessionFields {
  expected: readonly string[];
}

export async function createStudySession(tx: Tx, s: NewStudySession): Promise<number> {
  const { expected, materials, ...data } = s;
  const row = await tx.studySession.create({
    data: {
      ...data,
      materials: materials as unknown as Prisma.InputJsonValue,
      attendees: { create: [...new Set(expected)].map((userId) => ({ userId })) },
    },
  });
  return row.id;
}

export async function claimOccurrence(tx: Tx, sessionId: number, occurrence: string) {
  await tx.studySession.update({ where: { id: sessionId }, data: { occurrence } });
}

/** Bumps the version if it is still `version`; false when another change came first. */
export async function bumpStudySession(
  tx: Tx,
  id: number,
  version: number,
  data: Prisma.StudySessionUpdateManyMutationInput = {},
): Promise<boolean> {
  const { count } = await tx.studySession.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}

export async function updateAttendee(
  tx: Tx,
  id: number,
  data: Prisma.StudyAttendeeUpdateInput,
): Promise<void> {
  await tx.studyAttendee.update({ where: { id }, data });
}

export async function addDraw(
  tx: Tx,
  sessionId: number,
  seq: number,
  userId: string,
  at: Date,
  outOfTurn = false,
) {
  return tx.studyDraw.create({ data: { sessionId, seq, userId, drawnAt: at, outOfTurn } });
}

/** Decides a pending draw; false when it was decided already. */
export async function decideDraw(tx: Tx, drawId: number, outcome: string, at: Date) {
  const { count } = await tx.studyDraw.updateMany({
    where: { id: drawId, outcome: "pending" },
    data: { outcome, decidedAt: at },
  });
  return count === 1;
}

export async function drawById(db: Reader, id: number) {
  return client(db).studyDraw.findFirst({ where: { id } });
}

/** Times each person spoke at centre-group sessions dated in [first, last]. */
export async function spokenBetween(
  db: Reader,
  first: string,
  last: string,
): Promise<Map<string, number>> {
  const rows = await client(db).studyDraw.findMany({
    where: { outcome: "spoke", session: { kind: "centre-group", date: { gte: first, lte: last } } },
    select: { userId: true },
  });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.userId, (counts.get(r.userId) ?? 0) + 1);
  return counts;
}

/** Everyone recorded present at a centre-group session dated in [first, last], but one session. */
export async function presentBetween(
  db: Reader,
  first: string,
  last: string,
  exceptSessionId: number,
): Promise<string[]> {
  const rows = await client(db).studyAttendee.findMany({
    where: {
      attendance: "present",
      session: {
        kind: "centre-group",
        date: { gte: first, lte: last },
        id: { not: exceptSessionId },
      },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((r) => r.userId);
}

/** Make-ups still owed whose one reminder is due on `today` and was not sent. */
export async function makeUpsToRemind(db: Reader, today: string) {
  return client(db).studyAttendee.findMany({
    where: {
      attendance: { in: ["excused", "absent"] },
      madeUpAt: null,
      makeUpRemindedAt: null,
      session: { makeUpRemindOn: { lte: today }, makeUpDue: { gte: today } },
    },
    include: { session: true },
    orderBy: { id: "asc" },
  });
}

export async function branchById(db: Reader, id: number) {
  return client(db).branch.findFirst({
    where: { id },
    select: { id: true, key: true, name: true },
  });
}

/** The active branch by key, with its secretaries and members. */
export async function branchWithPeople(db: Reader, key: string) {
  const row = await client(db).branch.findFirst({
    where: { key, active: true },
    include: { roles: { include: { person: true }, orderBy: { id: "asc" } } },
  });
  if (!row) return null;
  const of = (role: "SECRETARY" | "MEMBER") =>
    row.roles.filter((r) => r.role === role).map((r) => r.person.slackUserId);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    channelId: row.channelId,
    secretaries: of("SECRETARY"),
    members: of("MEMBER"),
  };
}

/** The active branches whose secretary this person is. */
export async function branchesOfSecretary(db: Reader, userId: string) {
  const rows = await client(db).branch.findMany({
    where: {
      active: true,
      roles: { some: { role: "SECRETARY", person: { slackUserId: userId } } },
    },
    select: { key: true, name: true },
    orderBy: { id: "asc" },
  });
  return rows;
}

export async function activeBranchList(db: Reader) {
  return client(db).branch.findMany({
    where: { active: true },
    select: { id: true, key: true, name: true },
    orderBy: { id: "asc" },
  });
}

export async function studyAudit(
  tx: Tx,
  entry: { actor: string; action: string; entityId: string; data?: object; source: string },
) {
  await tx.auditLog.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      entity: "study",
      entityId: entry.entityId,
      data: (entry.data ?? {}) as Prisma.InputJsonValue,
      source: entry.source,
    },
  });
}

// ── youth research projects ──

/** What a project is given when it is proposed. */
interface ProjectProposal {
  year: number;
  name: string;
  leadUserId: string;
  members: string[];
  question: string;
  advisorUserId: string | null;
}

export interface ProjectRecord extends ProjectProposal {
  id: number;
  state: "active" | "submitted" | "returned" | "accepted";
  resultLink: string | null;
  resultSummary: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  version: number;
  milestones: {
    id: number;
    position: number;
    title: string;
    dueDate: string | null;
    doneAt: Date | null;
  }[];
}

const projectRecord = (
  row: Prisma.StudyProjectGetPayload<{ include: { milestones: true } }>,
): ProjectRecord => ({
  ...row,
  members: row.members as unknown as string[],
  state: row.state as ProjectRecord["state"],
  milestones: [...row.milestones].sort((a, b) => a.position - b.position),
});

export async function projectById(db: Reader, id: number): Promise<ProjectRecord | null> {
  const row = await client(db).studyProject.findFirst({
    where: { id },
    include: { milestones: true },
  });
  return row ? projectRecord(row) : null;
}

export async function projectsOfYear(db: Reader, year: number): Promise<ProjectRecord[]> {
  const rows = await client(db).studyProject.findMany({
    where: { year },
    include: { milestones: true },
    orderBy: { id: "asc" },
  });
  return rows.map(projectRecord);
}

export async function createProject(
  tx: Tx,
  p: ProjectProposal & {
    createdBy: string;
    milestones: { title: string; dueDate: string | null }[];
  },
): Promise<number> {
  const { milestones, members, ...data } = p;
  const row = await tx.studyProject.create({
    data: {
      ...data,
      members: members as unknown as Prisma.InputJsonValue,
      milestones: { create: milestones.map((m, i) => ({ ...m, position: i + 1 })) },
    },
  });
  return row.id;
}

export async function updateProjectIfUnchanged(
  tx: Tx,
  id: number,
  version: number,
  data: Prisma.StudyProjectUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await tx.studyProject.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}

/** Marks a milestone done; false when it was done already. */
export async function markMilestoneDone(tx: Tx, milestoneId: number, at: Date): Promise<boolean> {
  const { count } = await tx.studyMilestone.updateMany({
    where: { id: milestoneId, doneAt: null },
    data: { doneAt: at },
  });
  return count === 1;
}

/** Projects waiting for the committee's review, oldest first. */
export async function projectsSubmitted(db: Reader): Promise<ProjectRecord[]> {
  const rows = await client(db).studyProject.findMany({
    where: { state: "submitted" },
    include: { milestones: true },
    orderBy: { submittedAt: "asc" },
    take: 20,
  });
  return rows.map(projectRecord);
}
