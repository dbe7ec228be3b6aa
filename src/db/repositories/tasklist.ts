/**
 * The monthly task lists: one branch's list for one month with its revisions, items, decisions
 * and comments (the aggregate every surface is rendered from), a person's roles, and the writes.
 * State changes are conditional updates on the list's version: the row count says whether this
 * caller won (1) or someone else changed the list first (0).
 */
import type { Actor, ListState, RevisionChange } from "../../domain/task-list.ts";
import type { DraftItem } from "../../domain/task-list-input.ts";
import type { ItemStatus, TaskCategory, TaskItemData } from "../../domain/task-list-items.ts";
import type { Database, Prisma } from "../client.ts";
import {
  type AuditEntry,
  auditDoc,
  type BranchRecord,
  branchInclude,
  type DecisionEntry,
  type DecisionRecord,
  type DocChange,
  docChangeUpdate,
  type ItemProgress,
  progressOf,
  type RevisionRecordOf,
  toBranch,
  writeRevisionChanges,
} from "./approval-docs.ts";

export type Tx = Prisma.TransactionClient;
type Reader = Database | Tx;
const client = (db: Reader): Tx => ("prisma" in db ? db.prisma : db);

export type { BranchRecord, DecisionRecord };

export interface ItemRecord {
  id: number;
  position: number;
  title: string;
  category: TaskCategory;
  ownerUserId: string | null;
  dueDate: string | null;
  expectedResult: string | null;
  status: ItemStatus;
  doneAt: Date | null;
  doneBy: string | null;
  planItemId: number | null;
}

export type RevisionRecord = RevisionRecordOf<ItemRecord>;

export interface ListRecord {
  id: number;
  period: string;
  state: ListState;
  version: number;
  currentRevision: number;
  approvedRevision: number | null;
  dueAt: Date | null;
  firstSubmittedAt: Date | null;
  reminderChannel: string | null;
  reminderTs: string | null;
  committeeChannel: string | null;
  committeeTs: string | null;
  branchPlanTs: string | null;
  lastEscalatedAt: Date | null;
  branch: BranchRecord;
  /** Every revision, oldest first. */
  revisions: RevisionRecord[];
  comments: { count: number; latest: { authorId: string; text: string }[] };
}

/*
 * The reads every click makes (the list, the clicker, the item; the org in org.ts) use
 * findFirst on their unique key, not findUnique. Why: Prisma batches findUnique calls made in
 * the same tick, and to find batch-mates it builds a key from the whole query — every selected
 * field of every included relation, sorted, as a string — on every call, batched or not. For
 * the list with its revisions and items that key was a tenth of all the memory a click
 * allocates, and the garbage collector's pauses land in the acks' tail (BENCHMARKS.md §1).
 * The SQL is the same (LIMIT 1 on a unique key).
 */

/** The list with everything its surfaces show, or null. `comments: false` skips counting them. */
export async function loadListRecord(
  db: Reader,
  listId: number,
  opts: { comments?: boolean } = {},
): Promise<ListRecord | null> {
  const tx = client(db);
  const row = await tx.taskList.findFirst({
    where: { id: listId },
    include: {
      branch: { include: branchInclude },
      revisions: {
        orderBy: { number: "asc" },
        include: { items: { orderBy: { position: "asc" } }, decisions: true },
      },
    },
  });
  if (!row) return null;
  // One after the other: inside a transaction the queries share one connection.
  const withComments = opts.comments ?? true;
  const count = withComments ? await tx.listComment.count({ where: { listId } }) : 0;
  const latest = withComments
    ? await tx.listComment.findMany({
        where: { listId },
        // the thread's order: replies written close together are stored in either order
        orderBy: { slackTs: "desc" },
        take: 3,
        select: { authorId: true, text: true },
      })
    : [];
  const { branch, revisions, ...list } = row;
  return {
    ...list,
    branch: toBranch(branch),
    revisions: revisions.map(({ items, decisions, listId: _l, ...r }) => ({
      ...r,
      items: items.map(({ revisionId: _r, ...i }) => i),
      decision: decisions[0] ?? null,
    })),
    comments: { count, latest: latest.reverse() },
  };
}

export async function findListId(db: Reader, branchId: number, period: string) {
  const row = await client(db).taskList.findUnique({
    where: { branchId_period: { branchId, period } },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The list whose reminder is the message `channel`/`ts` (a thread's parent), if any. */
export async function findListByReminder(db: Reader, channel: string, ts: string) {
  return client(db).taskList.findFirst({
    where: { reminderChannel: channel, reminderTs: ts },
    select: { id: true },
  });
}

export async function activeBranches(db: Reader): Promise<BranchRecord[]> {
  const rows = await client(db).branch.findMany({
    where: { active: true },
    include: branchInclude,
    orderBy: { id: "asc" },
  });
  return rows.map(toBranch);
}

export async function listsOfPeriod(db: Reader, period: string) {
  return client(db).taskList.findMany({ where: { period }, select: { id: true, branchId: true } });
}

/** Ids of lists that may be waiting for a decision (a revision under review). */
export async function listsUnderReview(db: Reader): Promise<number[]> {
  const rows = await client(db).taskList.findMany({
    where: {
      state: { in: ["SUBMITTED", "APPROVED"] },
      revisions: { some: { status: "SUBMITTED" } },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/** A person's roles as the org's configuration states them (unknown people have none). */
export async function loadActor(db: Reader, userId: string): Promise<Actor> {
  const person = await client(db).person.findFirst({
    where: { slackUserId: userId },
    include: {
      committeeRoles: { where: { role: "MEMBER" } },
      branchRoles: {
        where: { role: "SECRETARY", branch: { active: true } },
        include: { branch: { select: { key: true } } },
      },
    },
  });
  return {
    userId,
    committeeMember: (person?.active ?? false) && (person?.committeeRoles.length ?? 0) > 0,
    secretaryOf: person?.active ? person.branchRoles.map((r) => r.branch.key) : [],
  };
}

/** The items of the plan in force of `branchId`'s list for `period`, if it has one. */
export async function approvedItemsOf(
  db: Reader,
  branchId: number,
  period: string,
): Promise<ItemRecord[]> {
  const list = await client(db).taskList.findUnique({
    where: { branchId_period: { branchId, period } },
    select: { id: true, approvedRevision: true },
  });
  if (!list || list.approvedRevision === null) return [];
  const items = await client(db).taskItem.findMany({
    where: { revision: { listId: list.id, number: list.approvedRevision } },
    orderBy: { position: "asc" },
  });
  return items.map(({ revisionId: _r, ...i }) => i);
}

export async function findDraft(db: Reader, userId: string, branchId: number, period: string) {
  const row = await client(db).listDraft.findUnique({
    where: { userId_branchId_period: { userId, branchId, period } },
    select: { items: true },
  });
  return row?.items ?? null;
}

/** The item with its list's id, branch key and the number of the revision it belongs to. */
export async function findItem(db: Reader, itemId: number) {
  return client(db).taskItem.findFirst({
    where: { id: itemId },
    include: { revision: { select: { number: true, listId: true } } },
  });
}

/**
 * Whom an item of `branchId`'s list may be given to: the branch's people (secretaries first),
 * then the rest of the organisation's active people, each in the order they were added.
 */
export async function ownerCandidates(
  db: Reader,
  branchId: number,
): Promise<{ branch: PersonName[]; others: PersonName[] }> {
  const people = await client(db).person.findMany({
    where: { active: true },
    select: {
      slackUserId: true,
      name: true,
      branchRoles: { select: { branchId: true, role: true } },
    },
    orderBy: { id: "asc" },
  });
  const rank = (p: (typeof people)[number]) => {
    const roles = p.branchRoles.filter((r) => r.branchId === branchId).map((r) => r.role);
    return roles.includes("SECRETARY") ? 0 : roles.length > 0 ? 1 : 2;
  };
  const named = (p: (typeof people)[number]): PersonName => ({
    id: p.slackUserId,
    name: p.name ?? p.slackUserId,
  });
  const ofBranch = people.filter((p) => rank(p) < 2);
  return {
    branch: [...ofBranch].sort((a, b) => rank(a) - rank(b)).map(named),
    others: people.filter((p) => rank(p) === 2).map(named),
  };
}

export interface PersonName {
  id: string;
  name: string;
}

// ── Writes ─────────────────────────────────────────────────────────────────────────────────

/** Creates the branch's list for the month unless it exists; true when this call created it. */
export async function createListIfMissing(
  tx: Tx,
  data: { branchId: number; period: string; dueAt: Date },
): Promise<boolean> {
  const { count } = await tx.taskList.createMany({ data: [data], skipDuplicates: true });
  return count === 1;
}

/** The conditional update: true when this caller's change was applied. */
export async function updateListIfUnchanged(tx: Tx, c: DocChange): Promise<boolean> {
  const { count } = await tx.taskList.updateMany(docChangeUpdate(c));
  return count === 1;
}

export interface NewItem extends TaskItemData, ItemProgress {}

/** Creates or re-states the revisions a transition names; returns the created one's id. */
export async function writeRevisions(
  tx: Tx,
  listId: number,
  changes: readonly RevisionChange[],
  created: { submittedBy: string; submittedAt: Date; items: readonly NewItem[] },
): Promise<number | null> {
  return writeRevisionChanges(changes, created, {
    restate: (number, status) =>
      tx.taskListRevision.updateMany({ where: { listId, number }, data: { status } }),
    create: (head) =>
      tx.taskListRevision.create({
        data: {
          listId,
          ...head,
          items: {
            create: created.items.map((item, position) => ({
              position,
              title: item.title,
              category: item.category,
              ownerUserId: item.ownerUserId,
              dueDate: item.dueDate,
              expectedResult: item.expectedResult,
              ...progressOf(item),
              planItemId: item.planItemId ?? null,
            })),
          },
        },
      }),
  });
}

export async function recordDecision(tx: Tx, d: DecisionEntry): Promise<void> {
  const revision = await tx.taskListRevision.findUniqueOrThrow({
    where: { listId_number: { listId: d.id, number: d.revision } },
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
    ...(i.planItemId ? { planItemId: i.planItemId } : {}),
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

export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await auditDoc(tx, "TaskList", e);
}
