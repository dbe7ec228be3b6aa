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
    where: { state: { not: "VERIFIED" }, ...where },
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
