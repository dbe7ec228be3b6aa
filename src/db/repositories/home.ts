/**
 * Everything one person's App Home shows, in a fixed number of queries whatever the number of
 * branches: the person's roles first, then (in parallel) only what their roles need. Prisma
 * runs one SQL query per relation level, so each read below is a known, constant cost.
 */
import type { Prisma } from "../client.ts";

/** The task-list columns every Home query reads. */
const LIST_FIELDS = {
  id: true,
  branchId: true,
  period: true,
  state: true,
  currentRevision: true,
  approvedRevision: true,
  dueAt: true,
  firstSubmittedAt: true,
} as const;

/** What the Home reads: the bot's client, a transaction, or a client wrapped for counting. */
export type HomeReader = Pick<
  Prisma.TransactionClient,
  "organization" | "person" | "branch" | "taskList" | "taskItem" | "lectureSession" | "lectureTurn"
>;

export interface HomeOrgRow {
  timezone: string;
  locale: string;
  settings: unknown;
}

export async function loadHomeOrg(db: HomeReader): Promise<HomeOrgRow | null> {
  return db.organization.findUnique({
    where: { id: 1 },
    select: { timezone: true, locale: true, settings: true },
  });
}

const LECTURE_SERIES = "lecture";
const ACTIVE: ("ASSIGNED" | "CONFIRMED")[] = ["ASSIGNED", "CONFIRMED"];

export interface BranchRef {
  id: number;
  key: string;
  name: string;
}

export interface ViewerRow {
  /** May approve or return lists (committee MEMBER role). */
  committeeMember: boolean;
  committeeAdmin: boolean;
  secretaryOf: BranchRef[];
  memberOf: BranchRef[];
}

export async function loadViewer(db: HomeReader, userId: string): Promise<ViewerRow> {
  const person = { slackUserId: userId, active: true };
  const [committee, branches] = await Promise.all([
    db.person.findFirst({
      where: person,
      select: { committeeRoles: { select: { role: true } } },
    }),
    db.branch.findMany({
      where: { active: true, roles: { some: { person } } },
      select: {
        id: true,
        key: true,
        name: true,
        roles: { where: { person }, select: { role: true } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  const roles = committee?.committeeRoles ?? [];
  const of = (role: "SECRETARY" | "MEMBER") =>
    branches
      .filter((b) => b.roles.some((r) => r.role === role))
      .map(({ id, key, name }) => ({ id, key, name }));
  return {
    committeeMember: roles.some((r) => r.role === "MEMBER"),
    committeeAdmin: roles.some((r) => r.role === "ADMIN"),
    secretaryOf: of("SECRETARY"),
    memberOf: of("MEMBER"),
  };
}

// ---------- committee ----------

export interface CurrentListRow {
  id: number;
  branchId: number;
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
  currentRevision: number;
  approvedRevision: number | null;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  /** The revision waiting for a decision, if any (at most one is SUBMITTED). */
  underReview: {
    number: number;
    isAmendment: boolean;
    submittedBy: string;
    submittedAt: Date;
  } | null;
}

export interface YearListRow {
  branchId: number;
  period: string;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  approvedRevision: number | null;
}

export interface CommitteeRows {
  branches: BranchRef[];
  lists: CurrentListRow[];
  year: { lists: YearListRow[]; itemsPlanned: number; itemsDone: number; sessionsHeld: number };
}

export interface CommitteeQuery {
  period: string;
  /** The months of the year so far, current one included. */
  yearMonths: string[];
  yearFirst: string;
  today: string;
  now: Date;
}

export async function loadCommitteeRows(db: HomeReader, q: CommitteeQuery): Promise<CommitteeRows> {
  const [branches, yearLists, items, sessionsHeld] = await Promise.all([
    db.branch.findMany({
      where: { active: true },
      select: { id: true, key: true, name: true },
      orderBy: { id: "asc" },
    }),
    // The year's lists, this month's among them, with the revision waiting for a decision.
    db.taskList.findMany({
      where: { period: { in: q.yearMonths } },
      select: {
        ...LIST_FIELDS,
        revisions: {
          where: { status: "SUBMITTED" },
          select: { number: true, isAmendment: true, submittedBy: true, submittedAt: true },
        },
      },
      orderBy: { branchId: "asc" },
    }),
    // The revision in force is the one APPROVED (an approved amendment supersedes the older).
    db.taskItem.groupBy({
      by: ["status"],
      where: { revision: { status: "APPROVED", list: { period: { in: q.yearMonths } } } },
      _count: { _all: true },
    }),
    db.lectureSession.count({
      where: {
        series: LECTURE_SERIES,
        date: { gte: q.yearFirst, lte: q.today },
        startsAt: { lte: q.now },
        status: { notIn: ["NOT_HELD", "SKIPPED"] },
        turns: { some: { state: { in: ACTIVE } } },
      },
    }),
  ]);
  const count = (status: "OPEN" | "DONE") =>
    items.find((i) => i.status === status)?._count._all ?? 0;
  const active = new Set(branches.map((b) => b.id));
  const current = yearLists.filter((l) => l.period === q.period && active.has(l.branchId));
  return {
    branches,
    lists: current.map(({ revisions, period: _p, ...l }) => ({
      ...l,
      underReview: revisions[0] ?? null,
    })),
    year: {
      lists: yearLists.map(({ branchId, period, dueAt, firstSubmittedAt, approvedRevision }) => ({
        branchId,
        period,
        dueAt,
        firstSubmittedAt,
        approvedRevision,
      })),
      itemsPlanned: count("OPEN") + count("DONE"),
      itemsDone: count("DONE"),
      sessionsHeld,
    },
  };
}

// ---------- the person's own branches (secretary or member) ----------

export interface BranchItemRow {
  id: number;
  title: string;
  status: "OPEN" | "DONE";
  ownerUserId: string | null;
  dueDate: string | null;
}

export interface BranchRevisionRow {
  number: number;
  status: "SUBMITTED" | "WITHDRAWN" | "RETURNED" | "APPROVED" | "SUPERSEDED";
  isAmendment: boolean;
  decision: { kind: "APPROVED" | "RETURNED"; comment: string | null; decidedBy: string } | null;
  items: BranchItemRow[];
}

export interface BranchListRow {
  id: number;
  branchId: number;
  period: string;
  state: CurrentListRow["state"];
  currentRevision: number;
  approvedRevision: number | null;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  revisions: BranchRevisionRow[];
}

/** The lists of `periods` of every active branch the person belongs to, with their items. */
export async function loadOwnBranchLists(
  db: HomeReader,
  userId: string,
  periods: string[],
): Promise<BranchListRow[]> {
  const rows = await db.taskList.findMany({
    where: {
      period: { in: periods },
      branch: { active: true, roles: { some: { person: { slackUserId: userId } } } },
    },
    select: {
      ...LIST_FIELDS,
      revisions: {
        orderBy: { number: "asc" },
        select: {
          number: true,
          status: true,
          isAmendment: true,
          decisions: { select: { kind: true, comment: true, decidedBy: true } },
          items: {
            orderBy: { position: "asc" },
            select: { id: true, title: true, status: true, ownerUserId: true, dueDate: true },
          },
        },
      },
    },
    orderBy: [{ branchId: "asc" }, { period: "desc" }],
  });
  return rows.map((l) => ({
    ...l,
    revisions: l.revisions.map(({ decisions, ...r }) => ({ ...r, decision: decisions[0] ?? null })),
  }));
}

// ---------- lecture hall ----------

export interface SessionRow {
  date: string;
  seq: number;
  startsAt: Date;
  speakers: string[];
}

export interface TurnRow {
  turnId: number;
  state: "ASSIGNED" | "CONFIRMED";
  topic: string | null;
  date: string;
  startsAt: Date;
  swapPendingWith: string | null;
}

export interface LectureRows {
  sessions: SessionRow[];
  nextTurn: TurnRow | null;
}

/** The stored sessions of `dates` with their speakers, and the person's next turn. */
export async function loadLectureRows(
  db: HomeReader,
  userId: string,
  dates: string[],
  now: Date,
): Promise<LectureRows> {
  const [sessions, turn] = await Promise.all([
    db.lectureSession.findMany({
      where: { series: LECTURE_SERIES, date: { in: dates } },
      select: {
        date: true,
        seq: true,
        startsAt: true,
        turns: {
          where: { state: { in: ACTIVE } },
          select: { userId: true },
          orderBy: [{ slot: "asc" }, { id: "asc" }],
        },
      },
      orderBy: { date: "asc" },
    }),
    db.lectureTurn.findFirst({
      where: {
        userId,
        state: { in: ACTIVE },
        session: {
          series: LECTURE_SERIES,
          startsAt: { gt: now },
          status: { in: ["SCHEDULED", "HELD"] },
        },
      },
      orderBy: { session: { startsAt: "asc" } },
      select: {
        id: true,
        state: true,
        topic: true,
        session: { select: { date: true, startsAt: true } },
        swaps: { where: { state: "PENDING" }, select: { toUser: true }, take: 1 },
      },
    }),
  ]);
  return {
    sessions: sessions.map(({ turns, ...s }) => ({ ...s, speakers: turns.map((t) => t.userId) })),
    nextTurn: turn
      ? {
          turnId: turn.id,
          state: turn.state === "CONFIRMED" ? "CONFIRMED" : "ASSIGNED",
          topic: turn.topic,
          date: turn.session.date,
          startsAt: turn.session.startsAt,
          swapPendingWith: turn.swaps[0]?.toUser ?? null,
        }
      : null,
  };
}

// ---------- whose Home a change concerns ----------

export interface AudienceScope {
  /** Lists that changed: their branches' people. */
  listIds: number[];
  /** People named by the change. */
  users: string[];
}

/** The committee, the people of the changed lists' branches, and the people named. */
export async function homeAudience(db: HomeReader, scope: AudienceScope): Promise<string[]> {
  const rows = await db.person.findMany({
    where: {
      active: true,
      OR: [
        { committeeRoles: { some: {} } },
        { slackUserId: { in: scope.users } },
        {
          branchRoles: {
            some: { branch: { active: true, taskLists: { some: { id: { in: scope.listIds } } } } },
          },
        },
      ],
    },
    select: { slackUserId: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.slackUserId);
}
