/**
 * Writing the monthly task lists. State changes are conditional updates on the list's version:
 * the row count says whether this caller won (1) or someone else changed the list first (0).
 */
import type { ListSnapshot, RevisionChange } from "../../domain/task-list.ts";
import type { DraftItem } from "../../domain/task-list-input.ts";
import type { ItemStatus, TaskItemData } from "../../domain/task-list-items.ts";
import type { Prisma } from "../client.ts";
import type { Tx } from "./tasklist.ts";

/** Creates the branch's list for the month unless it exists; true when this call created it. */
export async function createListIfMissing(
  tx: Tx,
  data: { branchId: number; period: string; dueAt: Date },
): Promise<boolean> {
  const { count } = await tx.taskList.createMany({ data: [data], skipDuplicates: true });
  return count === 1;
}

export interface ListChange {
  listId: number;
  /** The version read; the update happens only if it is still the stored one. */
  version: number;
  next: ListSnapshot;
  now: Date;
  firstSubmission: boolean;
  approved: boolean;
  /** A new revision goes to the committee: forget the previous revision's committee message. */
  newRevision: boolean;
}

/** The conditional update: true when this caller's change was applied. */
export async function updateListIfUnchanged(tx: Tx, c: ListChange): Promise<boolean> {
  const { count } = await tx.taskList.updateMany({
    where: { id: c.listId, version: c.version },
    data: {
      state: c.next.state,
      currentRevision: c.next.revision,
      approvedRevision: c.next.approvedRevision,
      version: { increment: 1 },
      ...(c.firstSubmission ? { firstSubmittedAt: c.now } : {}),
      ...(c.approved ? { approvedAt: c.now } : {}),
      ...(c.newRevision ? { committeeChannel: null, committeeTs: null } : {}),
    },
  });
  return count === 1;
}

export interface NewItem extends TaskItemData {
  status?: ItemStatus;
  doneAt?: Date | null;
  doneBy?: string | null;
}

/** Creates or re-states the revisions a transition names; returns the created one's id. */
export async function writeRevisions(
  tx: Tx,
  listId: number,
  changes: readonly RevisionChange[],
  created: { submittedBy: string; submittedAt: Date; items: readonly NewItem[] },
): Promise<number | null> {
  let createdId: number | null = null;
  for (const change of changes) {
    if (!change.created) {
      await tx.taskListRevision.updateMany({
        where: { listId, number: change.number },
        data: { status: change.status },
      });
      continue;
    }
    const revision = await tx.taskListRevision.create({
      data: {
        listId,
        number: change.number,
        status: change.status,
        isAmendment: change.isAmendment ?? false,
        submittedBy: created.submittedBy,
        submittedAt: created.submittedAt,
        items: {
          create: created.items.map((item, position) => ({
            position,
            title: item.title,
            category: item.category,
            ownerUserId: item.ownerUserId,
            dueDate: item.dueDate,
            expectedResult: item.expectedResult,
            status: item.status ?? "OPEN",
            doneAt: item.doneAt ?? null,
            doneBy: item.doneBy ?? null,
          })),
        },
      },
    });
    createdId = revision.id;
  }
  return createdId;
}

export async function recordDecision(
  tx: Tx,
  d: {
    listId: number;
    revision: number;
    kind: "APPROVED" | "RETURNED";
    by: string;
    at: Date;
    comment?: string;
  },
): Promise<void> {
  const revision = await tx.taskListRevision.findUniqueOrThrow({
    where: { listId_number: { listId: d.listId, number: d.revision } },
    select: { id: true },
  });
  await tx.decision.create({
    data: {
      revisionId: revision.id,
      kind: d.kind,
      decidedBy: d.by,
      decidedAt: d.at,
      comment: d.comment ?? null,
    },
  });
}

/** Sets an item's status if it still has `from`; false when someone else changed it first. */
export async function setItemStatusIfUnchanged(
  tx: Tx,
  s: { itemId: number; from: ItemStatus; to: ItemStatus; by: string; at: Date },
): Promise<number | null> {
  const { count } = await tx.taskItem.updateMany({
    where: { id: s.itemId, status: s.from },
    data:
      s.to === "DONE"
        ? { status: "DONE", doneAt: s.at, doneBy: s.by }
        : { status: "OPEN", doneAt: null, doneBy: null },
  });
  if (count !== 1) return null;
  const event = await tx.taskItemEvent.create({
    data: { itemId: s.itemId, from: s.from, to: s.to, by: s.by, at: s.at },
  });
  return event.id;
}

/** Stores a thread reply once (by its ts); returns the new comment's id, null if known. */
export async function insertComment(
  tx: Tx,
  c: { listId: number; authorId: string; text: string; slackTs: string; at: Date },
): Promise<number | null> {
  const { count } = await tx.listComment.createMany({
    data: [
      { listId: c.listId, authorId: c.authorId, text: c.text, slackTs: c.slackTs, createdAt: c.at },
    ],
    skipDuplicates: true,
  });
  if (count !== 1) return null;
  const row = await tx.listComment.findUniqueOrThrow({
    where: { listId_slackTs: { listId: c.listId, slackTs: c.slackTs } },
    select: { id: true },
  });
  return row.id;
}

/** Keeps the user's draft for the branch's month (one per person, branch and month). */
export async function saveDraft(
  tx: Tx,
  d: { userId: string; branchId: number; period: string; items: readonly DraftItem[] },
): Promise<void> {
  const key = { userId: d.userId, branchId: d.branchId, period: d.period };
  const items = d.items.map((i) => ({
    title: i.title,
    category: i.category,
    ownerUserId: i.ownerUserId,
    dueDate: i.dueDate,
    expectedResult: i.expectedResult,
  }));
  const { count } = await tx.listDraft.updateMany({ where: key, data: { items } });
  if (count === 0) {
    await tx.listDraft.createMany({ data: [{ ...key, items }], skipDuplicates: true });
  }
}

export async function deleteDraft(
  tx: Tx,
  d: { userId: string; branchId: number; period: string },
): Promise<void> {
  await tx.listDraft.deleteMany({ where: d });
}

export async function markEscalated(tx: Tx, listIds: readonly number[], at: Date): Promise<void> {
  if (listIds.length === 0) return;
  await tx.taskList.updateMany({
    where: { id: { in: [...listIds] } },
    data: { lastEscalatedAt: at },
  });
}

/** Where a posted message went (the outbox's result handler calls these). */
export async function storeReminderTs(tx: Tx, listId: number, channel: string, ts: string) {
  await tx.taskList.updateMany({
    where: { id: listId },
    data: { reminderChannel: channel, reminderTs: ts },
  });
}

/** Only while `revision` is still the list's current one (a newer revision has its own). */
export async function storeCommitteeTs(
  tx: Tx,
  listId: number,
  revision: number,
  channel: string,
  ts: string,
) {
  await tx.taskList.updateMany({
    where: { id: listId, currentRevision: revision },
    data: { committeeChannel: channel, committeeTs: ts },
  });
}

export async function storePlanTs(tx: Tx, listId: number, ts: string) {
  await tx.taskList.updateMany({ where: { id: listId }, data: { branchPlanTs: ts } });
}

export interface AuditEntry {
  actor: string;
  action: string;
  entityId: number;
  data: Prisma.InputJsonValue;
  source: string;
  at: Date;
}

export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: "TaskList",
      entityId: String(e.entityId),
      data: e.data,
      source: e.source,
      at: e.at,
    },
  });
}
