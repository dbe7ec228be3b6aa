/**
 * Reading a branch's annual plans: one plan with its revisions and items (the aggregate every
 * surface is rendered from), the four plans of a branch's year, the branch's people, drafts.
 */
import type { ListState } from "../../domain/task-list.ts";
import type { Database, Prisma } from "../client.ts";
import {
  type BranchRecord,
  branchInclude,
  type DecisionRecord,
  type RevisionRecordOf,
  toBranch,
} from "./approval-docs.ts";

export type Tx = Prisma.TransactionClient;
export type Reader = Database | Tx;
export const client = (db: Reader): Tx => ("prisma" in db ? db.prisma : db);

export type StoredPlanKind = "ARRANGEMENT" | "CONDUCT" | "THEORY" | "THEME_DAY";

export interface PlanItemRecord {
  id: number;
  position: number;
  title: string;
  /** "m3" / "q2" (domain/annual-plan.ts `parseTarget`). */
  target: string;
  ownerUserId: string | null;
  expectedResult: string | null;
  status: "OPEN" | "DONE";
  doneAt: Date | null;
  doneBy: string | null;
  movedFrom: string | null;
  moveReason: string | null;
}

export type PlanDecisionRecord = DecisionRecord;
export type PlanRevisionRecord = RevisionRecordOf<PlanItemRecord>;

export interface PlanRecord {
  id: number;
  year: number;
  kind: StoredPlanKind;
  state: ListState;
  version: number;
  currentRevision: number;
  approvedRevision: number | null;
  firstMonth: number;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  approvedAt: Date | null;
  reminderChannel: string | null;
  reminderTs: string | null;
  committeeChannel: string | null;
  committeeTs: string | null;
  branch: BranchRecord;
  /** Every revision, oldest first. */
  revisions: PlanRevisionRecord[];
}

const planInclude = {
  branch: { include: branchInclude },
  revisions: { orderBy: { number: "asc" }, include: { items: { orderBy: { position: "asc" } } } },
} as const satisfies Prisma.AnnualPlanInclude;

type PlanRow = Prisma.AnnualPlanGetPayload<{ include: typeof planInclude }>;

function toPlan(row: PlanRow): PlanRecord {
  const { branch, revisions, branchId: _b, createdAt: _c, updatedAt: _u, ...plan } = row;
  return {
    ...plan,
    branch: toBranch(branch),
    revisions: revisions.map(
      ({ items, planId: _p, decision, decidedBy, decidedAt, comment, ...r }) => ({
        ...r,
        items: items.map(({ revisionId: _r, ...i }) => i),
        decision:
          decision && decidedBy && decidedAt
            ? { kind: decision, decidedBy, decidedAt, comment }
            : null,
      }),
    ),
  };
}

/** The plan with everything its surfaces show, or null. */
export async function loadPlanRecord(db: Reader, planId: number): Promise<PlanRecord | null> {
  const row = await client(db).annualPlan.findFirst({
    where: { id: planId },
    include: planInclude,
  });
  return row ? toPlan(row) : null;
}

/** The four plans (those that exist) of a branch's year, in the kinds' order. */
export async function plansOfBranchYear(
  db: Reader,
  branchId: number,
  year: number,
): Promise<PlanRecord[]> {
  const rows = await client(db).annualPlan.findMany({
    where: { branchId, year },
    include: planInclude,
    orderBy: { kind: "asc" },
  });
  return rows.map(toPlan);
}

/** Every plan of `year` with its revisions and items, branch by branch (one query). */
export async function plansOfYear(db: Reader, year: number): Promise<PlanRecord[]> {
  const rows = await client(db).annualPlan.findMany({
    where: { year },
    include: planInclude,
    orderBy: [{ branchId: "asc" }, { kind: "asc" }],
  });
  return rows.map(toPlan);
}

export async function branchWithCreation(db: Reader, branchId: number) {
  const row = await client(db).branch.findFirst({
    where: { id: branchId },
    include: branchInclude,
  });
  return row ? { branch: toBranch(row), createdAt: row.createdAt } : null;
}

/** The active branches with their creation time (a branch created mid-year plans from then). */
export async function activeBranchesWithCreation(db: Reader) {
  const rows = await client(db).branch.findMany({
    where: { active: true },
    include: branchInclude,
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ branch: toBranch(row), createdAt: row.createdAt }));
}

/** The active branches without any plan of `year`: those added after its annual reminder. */
export async function activeBranchesWithoutPlans(db: Reader, year: number) {
  const rows = await client(db).branch.findMany({
    where: { active: true, annualPlans: { none: { year } } },
    include: branchInclude,
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ branch: toBranch(row), createdAt: row.createdAt }));
}

/** Slack ids of the branch's people (secretaries and members): its possible responsible persons. */
export async function branchPeople(db: Reader, branchId: number): Promise<Set<string>> {
  const rows = await client(db).branchRole.findMany({
    where: { branchId, person: { active: true } },
    select: { person: { select: { slackUserId: true } } },
  });
  return new Set(rows.map((r) => r.person.slackUserId));
}

/** The rows a person saved for a plan (closed modal, a page turned), if any. */
export async function findPlanDraft(db: Reader, userId: string, planId: number) {
  const row = await client(db).annualPlanDraft.findUnique({
    where: { userId_planId: { userId, planId } },
    select: { items: true },
  });
  return row?.items ?? null;
}
