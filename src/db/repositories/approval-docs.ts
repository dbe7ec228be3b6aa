/**
 * The rows every submitted document shares (the monthly list, a branch's annual plans): the
 * branch it belongs to, the conditional update on its version, its revisions, decisions and
 * audit entries. Each document's repository names its own tables and calls these.
 */
import type { ListSnapshot, RevisionChange, RevisionStatus } from "../../domain/task-list.ts";
import type { Prisma } from "../client.ts";

export interface BranchRecord {
  id: number;
  key: string;
  name: string;
  channelId: string;
  active: boolean;
  secretaries: string[];
}

export interface DecisionRecord {
  kind: "APPROVED" | "RETURNED";
  decidedBy: string;
  comment: string | null;
  decidedAt: Date;
}

/** One revision of a document with its items of type `I`. */
export interface RevisionRecordOf<I> {
  id: number;
  number: number;
  status: RevisionStatus;
  isAmendment: boolean;
  submittedBy: string;
  submittedAt: Date;
  items: I[];
  decision: DecisionRecord | null;
}

/** A branch with its secretaries, as every document's surfaces show it. */
export const branchInclude = {
  roles: {
    where: { role: "SECRETARY" },
    include: { person: { select: { slackUserId: true } } },
    orderBy: { id: "asc" },
  },
} as const satisfies Prisma.BranchInclude;

type BranchRow = Prisma.BranchGetPayload<{ include: typeof branchInclude }>;

export function toBranch(b: BranchRow): BranchRecord {
  return {
    id: b.id,
    key: b.key,
    name: b.name,
    channelId: b.channelId,
    active: b.active,
    secretaries: b.roles.map((r) => r.person.slackUserId),
  };
}

export interface DocChange {
  id: number;
  /** The version read; the update happens only if it is still the stored one. */
  version: number;
  next: ListSnapshot;
  now: Date;
  firstSubmission: boolean;
  approved: boolean;
  /** A new revision goes to the committee: forget the previous revision's committee message. */
  newRevision: boolean;
}

/** The conditional update's `where` and `data` for a document table's `updateMany`. */
export function docChangeUpdate(c: DocChange) {
  return {
    where: { id: c.id, version: c.version },
    data: {
      state: c.next.state,
      currentRevision: c.next.revision,
      approvedRevision: c.next.approvedRevision,
      version: { increment: 1 },
      ...(c.firstSubmission ? { firstSubmittedAt: c.now } : {}),
      ...(c.approved ? { approvedAt: c.now } : {}),
      ...(c.newRevision ? { committeeChannel: null, committeeTs: null } : {}),
    },
  };
}

export interface DecisionEntry {
  id: number;
  revision: number;
  kind: "APPROVED" | "RETURNED";
  by: string;
  at: Date;
  comment?: string;
}

/** What every revision's row holds, whatever the document. */
export interface RevisionHead {
  number: number;
  status: RevisionChange["status"];
  isAmendment: boolean;
  submittedBy: string;
  submittedAt: Date;
}

/** What every item row holds of its progress. */
export interface ItemProgress {
  status?: "OPEN" | "DONE";
  doneAt?: Date | null;
  doneBy?: string | null;
}

export const progressOf = (item: ItemProgress) => ({
  status: item.status ?? "OPEN",
  doneAt: item.doneAt ?? null,
  doneBy: item.doneBy ?? null,
});

/**
 * Creates or re-states the revisions a transition names: `restate` sets a kept revision's
 * status, `create` writes a new one with its items; returns the last created one's id.
 */
export async function writeRevisionChanges(
  changes: readonly RevisionChange[],
  created: { submittedBy: string; submittedAt: Date },
  write: {
    restate(number: number, status: RevisionChange["status"]): Promise<unknown>;
    create(head: RevisionHead): Promise<{ id: number }>;
  },
): Promise<number | null> {
  let createdId: number | null = null;
  for (const change of changes) {
    if (!change.created) {
      await write.restate(change.number, change.status);
      continue;
    }
    const revision = await write.create({
      number: change.number,
      status: change.status,
      isAmendment: change.isAmendment ?? false,
      submittedBy: created.submittedBy,
      submittedAt: created.submittedAt,
    });
    createdId = revision.id;
  }
  return createdId;
}

export interface AuditEntry {
  actor: string;
  action: string;
  entityId: number;
  data: Prisma.InputJsonValue;
  source: string;
  at: Date;
}

/** One audit entry about the document `entity` ("TaskList", "AnnualPlan") `e.entityId`. */
export async function auditDoc(tx: Prisma.TransactionClient, entity: string, e: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity,
      entityId: String(e.entityId),
      data: e.data,
      source: e.source,
      at: e.at,
    },
  });
}
