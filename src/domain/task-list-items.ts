/**
 * Items of a month's list: categories, marking done, what changed between two revisions,
 * completion, and the unfinished items offered as next month's starting point.
 */
import type { LocalDate } from "./calendar.ts";
import { percentOf } from "./percent.ts";
import { type Actor, isSecretaryOf } from "./task-list.ts";

/**
 * The "four plans", organizational life (three meetings and one lesson: the commonest monthly
 * branch task), then service projects and anything else (Prisma enum TaskCategory).
 */
export const TASK_CATEGORIES = [
  "WORK_ARRANGEMENT",
  "CONDUCT_INTEGRITY",
  "THEORY_STUDY",
  "THEME_PARTY_DAY",
  "ORGANIZATIONAL_LIFE",
  "SERVICE_PROJECT",
  "OTHER",
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export type ItemStatus = "OPEN" | "DONE";

export interface TaskItemData {
  title: string;
  category: TaskCategory;
  ownerUserId: string | null;
  dueDate: LocalDate | null;
  expectedResult: string | null;
  /** The annual plan item this item carries out, if any. */
  planItemId?: number | null;
}

export interface TaskItemRecord extends TaskItemData {
  status: ItemStatus;
  doneAt?: Date | null;
  doneBy?: string | null;
}

export const ITEM_FIELDS = [
  "title",
  "category",
  "ownerUserId",
  "dueDate",
  "expectedResult",
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

// ---------- marking done ----------

export interface ToggleContext {
  branchKey: string;
  /** The revision in force, and the revision the item belongs to. */
  approvedRevision: number | null;
  itemRevision: number;
  item: { status: ItemStatus; ownerUserId: string | null };
}

export type ToggleError = "not-secretary-or-owner" | "not-in-force";
export type ToggleResult =
  | { ok: true; changed: boolean; from: ItemStatus; to: ItemStatus }
  | { ok: false; error: ToggleError };

/** The branch's secretaries and the item's owner may mark it done or undo that, on the plan in
 * force only. Setting the status it already has is allowed and changes nothing. */
export function toggleItem(ctx: ToggleContext, to: ItemStatus, actor: Actor): ToggleResult {
  const owner = ctx.item.ownerUserId !== null && ctx.item.ownerUserId === actor.userId;
  if (!isSecretaryOf(actor, ctx.branchKey) && !owner)
    return { ok: false, error: "not-secretary-or-owner" };
  if (ctx.approvedRevision === null || ctx.itemRevision !== ctx.approvedRevision)
    return { ok: false, error: "not-in-force" };
  return { ok: true, changed: ctx.item.status !== to, from: ctx.item.status, to };
}

// ---------- what changed ----------

export interface ItemChange<T extends TaskItemData> {
  before: T;
  after: T;
  fields: ItemField[];
}
export interface RevisionDiff<T extends TaskItemData> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
  unchanged: number;
}

const norm = (title: string): string => title.trim().replace(/\s+/g, " ").toLowerCase();

/** Pairs (next index → prev index): same title first, then what is left at the same place in
 * the same category (a reworded item). */
function matchItems(prev: readonly TaskItemData[], next: readonly TaskItemData[]) {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  next.forEach((item, j) => {
    const i = prev.findIndex((p, k) => !taken.has(k) && norm(p.title) === norm(item.title));
    if (i >= 0) {
      pairs.set(j, i);
      taken.add(i);
    }
  });
  next.forEach((_, j) => {
    if (!pairs.has(j) && !taken.has(j) && prev[j]?.category === next[j]?.category) {
      pairs.set(j, j);
      taken.add(j);
    }
  });
  return { pairs, taken };
}

function changedFields(a: TaskItemData, b: TaskItemData): ItemField[] {
  return ITEM_FIELDS.filter((f) =>
    f === "title" ? a.title.trim() !== b.title.trim() : (a[f] ?? null) !== (b[f] ?? null),
  );
}

export function diffRevisions<T extends TaskItemData>(
  prev: readonly T[],
  next: readonly T[],
): RevisionDiff<T> {
  const { pairs, taken } = matchItems(prev, next);
  const diff: RevisionDiff<T> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [j, after] of next.entries()) {
    const i = pairs.get(j);
    const before = i === undefined ? undefined : prev[i];
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const fields = changedFields(before, after);
    if (fields.length === 0) diff.unchanged++;
    else diff.changed.push({ before, after, fields });
  }
  prev.forEach((item, i) => {
    if (!taken.has(i)) diff.removed.push(item);
  });
  return diff;
}

export const hasChanges = (d: RevisionDiff<TaskItemData>): boolean =>
  d.added.length + d.removed.length + d.changed.length > 0;

/** For an amendment: the status each new item inherits from the same-titled item in force. */
export function carryOverStatuses(
  inForce: readonly TaskItemRecord[],
  next: readonly TaskItemData[],
): Pick<TaskItemRecord, "status" | "doneAt" | "doneBy">[] {
  const taken = new Set<number>();
  return next.map((item) => {
    const i = inForce.findIndex((p, k) => !taken.has(k) && norm(p.title) === norm(item.title));
    const match = i >= 0 ? inForce[i] : undefined;
    if (!match) return { status: "OPEN", doneAt: null, doneBy: null };
    taken.add(i);
    return { status: match.status, doneAt: match.doneAt ?? null, doneBy: match.doneBy ?? null };
  });
}

// ---------- completion and next month ----------

export interface Completion {
  done: number;
  total: number;
  /** Whole percent (src/domain/percent.ts), 0 when there are no items. */
  percent: number;
}

export function completion(items: readonly { status: ItemStatus }[]): Completion {
  const done = items.filter((i) => i.status === "DONE").length;
  const total = items.length;
  return { done, total, percent: percentOf(done, total) ?? 0 };
}

/** Items not done, as a starting point for next month's list (their old due dates dropped). */
export function unfinishedItems(items: readonly TaskItemRecord[]): TaskItemData[] {
  return items
    .filter((i) => i.status !== "DONE")
    .map(({ title, category, ownerUserId, expectedResult, planItemId }) => ({
      title,
      category,
      ownerUserId,
      dueDate: null,
      expectedResult,
      ...(planItemId ? { planItemId } : {}),
    }));
}

/** Items grouped by category in the categories' order, empty groups left out. */
export function groupByCategory<T extends { category: TaskCategory }>(
  items: readonly T[],
): { category: TaskCategory; items: T[] }[] {
  return TASK_CATEGORIES.map((category) => ({
    category,
    items: items.filter((i) => i.category === category),
  })).filter((g) => g.items.length > 0);
}
