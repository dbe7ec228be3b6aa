/** Inspection rounds, their assignments and rectification items (issue 21). */
import type { Database, Prisma } from "../client.ts";

type Tx = Prisma.TransactionClient;

export interface InspectableBranch {
  id: number;
  key: string;
  name: string;
  channelId: string;
  /** Its secretaries and members (user ids). */
  people: string[];
  secretaries: string[];
}

/** The active branches with their people, by key. */
export async function inspectableBranches(db: Database | Tx): Promise<InspectableBranch[]> {
  const client = "prisma" in db ? db.prisma : db;
  const rows = await client.branch.findMany({
    where: { active: true },
    include: { roles: { include: { person: true } } },
    orderBy: { key: "asc" },
  });
  return rows.map((b) => ({
    id: b.id,
    key: b.key,
    name: b.name,
    channelId: b.channelId,
    people: [...new Set(b.roles.map((r) => r.person.slackUserId))],
    secretaries: b.roles.filter((r) => r.role === "SECRETARY").map((r) => r.person.slackUserId),
  }));
}

/** The committee members (user ids) who may inspect. */
export async function committeeMembers(db: Database | Tx): Promise<string[]> {
  const client = "prisma" in db ? db.prisma : db;
  const rows = await client.committeeRole.findMany({
    where: { role: "MEMBER" },
    include: { person: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.person.slackUserId);
}

/** The latest round of `kind` before `period`: inspector → target (by branch key). */
export async function previousAssignments(
  tx: Tx,
  kind: string,
  period: string,
): Promise<{ inspector: string; target: string }[]> {
  const round = await tx.inspectionRound.findFirst({
    where: { kind, period: { lt: period }, skippedReason: null },
    orderBy: { period: "desc" },
    include: { assignments: { include: { branch: true } } },
  });
  if (!round) return [];
  const keys = new Map(
    (await tx.branch.findMany({ select: { id: true, key: true } })).map((b) => [b.id, b.key]),
  );
  return round.assignments.flatMap((a) => {
    const inspector =
      a.inspectorUserId ??
      (a.inspectorBranchId == null ? undefined : keys.get(a.inspectorBranchId));
    return inspector ? [{ inspector, target: a.branch.key }] : [];
  });
}

export interface NewRound {
  key: string;
  kind: string;
  period: string;
  opensOn: string;
  closesOn: string;
  checklist: unknown;
  conflicts: unknown;
  skippedReason: string | null;
}

/** Creates the round unless it exists; null when it already did (the same round opened twice). */
export async function createRoundIfMissing(tx: Tx, round: NewRound): Promise<number | null> {
  const existing = await tx.inspectionRound.findUnique({ where: { key: round.key } });
  if (existing) return null;
  const row = await tx.inspectionRound.create({
    data: {
      ...round,
      checklist: round.checklist as Prisma.InputJsonValue,
      conflicts: round.conflicts as Prisma.InputJsonValue,
    },
  });
  return row.id;
}

export async function createAssignments(
  tx: Tx,
  rows: {
    roundId: number;
    branchId: number;
    inspectorBranchId?: number;
    inspectorUserId?: string;
  }[],
): Promise<void> {
  if (rows.length > 0) await tx.inspectionAssignment.createMany({ data: rows });
}

/** The roles the four-eyes rules need, as data (the domain's Actor). */
export async function actorOf(tx: Tx, userId: string) {
  const person = await tx.person.findUnique({
    where: { slackUserId: userId },
    include: { committeeRoles: true, branchRoles: { include: { branch: true } } },
  });
  return {
    userId,
    committeeMember: person?.committeeRoles.some((r) => r.role === "MEMBER") ?? false,
    secretaryOf:
      person?.branchRoles.filter((r) => r.role === "SECRETARY").map((r) => r.branch.key) ?? [],
  };
}

/** An assignment with its round and inspected branch (and the branch's roles). */
export function assignmentById(db: Database | Tx, id: number) {
  const client = "prisma" in db ? db.prisma : db;
  return client.inspectionAssignment.findUnique({
    where: { id },
    include: { round: true, branch: { include: { roles: { include: { person: true } } } } },
  });
}

/** Who inspects an assignment: its user (supervision) or its branch's secretaries (mutual). */
export async function inspectorsOf(
  db: Database | Tx,
  a: { inspectorUserId: string | null; inspectorBranchId: number | null },
): Promise<string[]> {
  const client = "prisma" in db ? db.prisma : db;
  if (a.inspectorUserId) return [a.inspectorUserId];
  if (a.inspectorBranchId == null) return [];
  const roles = await client.branchRole.findMany({
    where: { branchId: a.inspectorBranchId, role: "SECRETARY" },
    include: { person: true },
    orderBy: { id: "asc" },
  });
  return roles.map((r) => r.person.slackUserId);
}

/** A rectification item with its assignment, round and branch. */
export function rectificationById(db: Database | Tx, id: number) {
  const client = "prisma" in db ? db.prisma : db;
  return client.rectification.findUnique({
    where: { id },
    include: { assignment: { include: { round: true, branch: true } } },
  });
}

export type RectificationRow = NonNullable<Awaited<ReturnType<typeof rectificationById>>>;

/** Items not yet verified, with their rounds and branches (the reminders and the Home). */
export function unverifiedRectifications(db: Database | Tx, where: { ownerId?: string } = {}) {
  const client = "prisma" in db ? db.prisma : db;
  return client.rectification.findMany({
    where: { state: { in: ["OPEN", "REPORTED"] }, ...where },
    include: { assignment: { include: { round: true, branch: true } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
}

/** Saves the checklist modal's unsent input (offered again next time). */
export async function saveDraft(db: Database | Tx, id: number, draft: unknown): Promise<void> {
  const client = "prisma" in db ? db.prisma : db;
  await client.inspectionAssignment.updateMany({
    where: { id, state: { not: "SUBMITTED" } },
    data: { draft: draft as Prisma.InputJsonValue, state: "DRAFT" },
  });
}

/** Rounds up to `lastPeriod` (earlier ones give the "change against the previous round"). */
export function roundsUpTo(db: Database | Tx, lastPeriod: string) {
  const client = "prisma" in db ? db.prisma : db;
  return client.inspectionRound.findMany({
    where: { period: { lte: lastPeriod } },
    include: {
      assignments: {
        include: { branch: true, rectifications: { orderBy: { position: "asc" } } },
        orderBy: { id: "asc" },
      },
    },
    orderBy: [{ period: "asc" }, { kind: "asc" }],
  });
}

/** Branch id → name (an inspecting branch of a mutual round). */
export async function branchNames(db: Database | Tx): Promise<Map<number, string>> {
  const client = "prisma" in db ? db.prisma : db;
  const rows = await client.branch.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((b) => [b.id, b.name]));
}

// ---------- the Home ----------

/** Who is looking at the Home: their user id, committee role, the branches they are secretary of. */
export interface InspectionsHomeViewer {
  userId: string;
  committeeMember: boolean;
  committee: boolean;
  secretaryOf: { id: number }[];
}

const HOME_ITEM = {
  id: true,
  problem: true,
  severity: true,
  suggestion: true,
  dueOn: true,
  state: true,
  doneText: true,
  evidence: true,
  ownerId: true,
  lastComment: true,
  reopenCount: true,
  verifiedBy: true,
  assignment: {
    select: { branch: { select: { name: true } }, round: { select: { kind: true, period: true } } },
  },
} as const;

const SHOWN = 3;

/**
 * What the Home shows of inspections to one person, in a fixed number of queries: the items
 * they own (not verified), the reported items they may verify (not their own, not their
 * branch's; the committee or the inspecting branch's secretary), their pending assignments in
 * open rounds; for the committee, the open rounds' assignments and items, the overdue items
 * per branch, and the open item overdue longest (to reassign), read with the worst branches'
 * names.
 */
export async function inspectionsHomeRows(
  db: Database | Tx,
  viewer: InspectionsHomeViewer,
  today: string,
) {
  const client = "prisma" in db ? db.prisma : db;
  const me = viewer.userId;
  const mine = viewer.secretaryOf.map((b) => b.id);
  const verifiable = {
    state: "REPORTED",
    ownerId: { not: me },
    branchId: { notIn: mine },
    ...(viewer.committeeMember
      ? {}
      : {
          assignment: {
            OR: [{ inspectorUserId: me }, { inspectorBranchId: { in: mine } }],
          },
        }),
  };
  const openRound = {
    closedAt: null,
    skippedReason: null,
    opensOn: { lte: today },
    closesOn: { gte: today },
  };
  const [owned, toVerify, toVerifyCount, assignments, rounds, overdue] = await Promise.all([
    client.rectification.findMany({
      where: { ownerId: me, state: { in: ["OPEN", "REPORTED"] } },
      select: HOME_ITEM,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    }),
    viewer.committeeMember || mine.length > 0
      ? client.rectification.findMany({
          where: verifiable,
          select: HOME_ITEM,
          orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
          take: SHOWN,
        })
      : [],
    viewer.committeeMember || mine.length > 0
      ? client.rectification.count({ where: verifiable })
      : 0,
    client.inspectionAssignment.findMany({
      where: {
        state: { not: "SUBMITTED" },
        round: openRound,
        OR: [{ inspectorUserId: me }, { inspectorBranchId: { in: mine } }],
      },
      select: {
        id: true,
        branch: { select: { name: true } },
        round: { select: { kind: true, period: true, closesOn: true } },
      },
      orderBy: { id: "asc" },
      take: SHOWN * 10,
    }),
    viewer.committee
      ? client.inspectionRound.findMany({
          where: { closedAt: null, skippedReason: null, opensOn: { lte: today } },
          select: {
            kind: true,
            period: true,
            closesOn: true,
            assignments: {
              select: { state: true, rectifications: { select: { state: true, dueOn: true } } },
            },
          },
          orderBy: { key: "asc" },
        })
      : [],
    viewer.committee
      ? client.rectification.groupBy({
          by: ["branchId", "state"],
          where: { state: { in: ["OPEN", "REPORTED"] }, dueOn: { lt: today } },
          _count: { _all: true },
          _min: { dueOn: true },
        })
      : [],
  ]);
  const perBranch = new Map<number, number>();
  for (const o of overdue)
    perBranch.set(o.branchId, (perBranch.get(o.branchId) ?? 0) + o._count._all);
  const worst = [...perBranch]
    .sort(([a, m], [b, n]) => n - m || a - b)
    .slice(0, SHOWN)
    .map(([branchId, count]) => ({ branchId, count }));
  // The branch of the open item overdue longest (one reported done waits for its verifier).
  const [oldest] = overdue
    .filter((o) => o.state === "OPEN")
    .sort(
      (a, b) => (a._min.dueOn ?? "").localeCompare(b._min.dueOn ?? "") || a.branchId - b.branchId,
    );
  const named = [
    ...new Set([...worst.map((w) => w.branchId), ...(oldest ? [oldest.branchId] : [])]),
  ];
  const overdueOpen = { state: "OPEN", dueOn: { lt: today } };
  const branches =
    named.length > 0
      ? await client.branch.findMany({
          where: { id: { in: named } },
          select: {
            id: true,
            name: true,
            inspectionAssignments: {
              where: { rectifications: { some: overdueOpen } },
              select: {
                rectifications: {
                  where: overdueOpen,
                  select: HOME_ITEM,
                  orderBy: [{ dueOn: "asc" }, { id: "asc" }],
                  take: 1,
                },
              },
            },
          },
        })
      : [];
  const nameOf = new Map(branches.map((b) => [b.id, b.name]));
  const [overdueItem = null] = branches
    .flatMap((b) => b.inspectionAssignments.flatMap((a) => a.rectifications))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  return {
    owned,
    toVerify,
    toVerifyCount,
    assignments,
    rounds,
    overdueTotal: overdue.reduce((s, o) => s + o._count._all, 0),
    overdueByBranch: worst.map((w) => ({
      branch: nameOf.get(w.branchId) ?? "?",
      overdue: w.count,
    })),
    overdueItem,
  };
}

export type InspectionsHomeRows = Awaited<ReturnType<typeof inspectionsHomeRows>>;
