/**
 * What the task-list surfaces carry back to us: button values and modal private_metadata. Only
 * ids (list, revision, item, branch key, period, row numbers); never who the user is or what they
 * may do — the listener looks that up again. Parsers reject anything malformed or forged.
 */
import { z } from "zod";
import { PERIOD_PATTERN, type Period } from "../../../domain/period.ts";
import { MAX_ITEMS } from "../../../domain/task-list-input.ts";

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const revision = z.number().int().min(0).max(10_000);
const branchKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const period = z.string().regex(PERIOD_PATTERN);
const row = z.number().int().min(0).max(9_999);

// ---------- button values ----------

export interface ListRef {
  listId: number;
  revision?: number;
}
export interface ItemRef {
  listId: number;
  itemId: number;
}

export const listValue = (ref: ListRef): string =>
  ref.revision === undefined ? `${ref.listId}` : `${ref.listId}:${ref.revision}`;
export const itemValue = (ref: ItemRef): string => `${ref.listId}:${ref.itemId}`;
export const rowValue = (n: number): string => `${n}`;

const ints = (value: string, count: 1 | 2): number[] | null => {
  const parts = value.split(":");
  if (parts.length < 1 || parts.length > count || parts.some((p) => !/^\d{1,10}$/.test(p)))
    return null;
  return parts.map(Number);
};

export function parseListValue(value: unknown): ListRef | null {
  if (typeof value !== "string") return null;
  const [listId, rev] = ints(value, 2) ?? [];
  if (!id.safeParse(listId).success || listId === undefined) return null;
  if (rev === undefined) return { listId };
  return revision.safeParse(rev).success ? { listId, revision: rev } : null;
}

export function parseItemValue(value: unknown): ItemRef | null {
  if (typeof value !== "string") return null;
  const [listId, itemId] = ints(value, 2) ?? [];
  if (!id.safeParse(listId).success || !id.safeParse(itemId).success) return null;
  return listId === undefined || itemId === undefined ? null : { listId, itemId };
}

export function parseRowValue(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,4}$/.test(value)) return null;
  return Number(value);
}

// ---------- private_metadata ----------

/** The task-list modal: which list, the revision it revises (if any) and its item rows. */
export interface ListModalMeta {
  /** Absent before the month's list exists (e.g. a draft opened from a command). */
  listId?: number;
  branchKey: string;
  period: Period;
  /** The revision this one revises (resubmission or amendment), 0 for a first submission. */
  revision: number;
  /** The stable numbers of the rows on screen, in order, and the next unused one. */
  rows: number[];
  nextRow: number;
  /** Rows taken from a plan item: row number → the plan item's id. */
  links?: Record<number, number>;
  /** The modal offers plan items to tick (then it may have no typed row). */
  offer?: boolean;
}

/** The return modal and the full-list modal: which revision of which list. */
export interface RevisionMeta {
  listId: number;
  branchKey: string;
  period: Period;
  revision: number;
}

const listModalSchema = z
  .object({
    l: id.optional(),
    b: branchKey,
    p: period,
    r: revision,
    rows: z.array(row).max(MAX_ITEMS),
    n: row,
    k: z
      .array(z.tuple([row, id]))
      .max(MAX_ITEMS)
      .optional(),
    o: z.literal(1).optional(),
  })
  .strict()
  .refine((m) => m.rows.length > 0 || m.o === 1)
  .refine((m) => new Set(m.rows).size === m.rows.length && m.rows.every((r) => r < m.n))
  .refine((m) => (m.k ?? []).every(([r]) => m.rows.includes(r)));

const revisionSchema = z.object({ l: id, b: branchKey, p: period, r: revision }).strict();

export function listModalMetadata(m: ListModalMeta): string {
  const { listId, branchKey: b, period: p, revision: r, rows, nextRow: n } = m;
  const k = Object.entries(m.links ?? {})
    .filter(([row]) => rows.includes(Number(row)))
    .map(([row, planItemId]) => [Number(row), planItemId]);
  const links = { ...(k.length > 0 ? { k } : {}), ...(m.offer ? { o: 1 } : {}) };
  return JSON.stringify(
    listId === undefined
      ? { b, p, r, rows, n, ...links }
      : { l: listId, b, p, r, rows, n, ...links },
  );
}

export function revisionMetadata(m: RevisionMeta): string {
  return JSON.stringify({ l: m.listId, b: m.branchKey, p: m.period, r: m.revision });
}

function json(raw: unknown): unknown {
  if (typeof raw !== "string" || raw.length > 3000) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function parseListModalMetadata(raw: unknown): ListModalMeta | null {
  const parsed = listModalSchema.safeParse(json(raw));
  if (!parsed.success) return null;
  const { l, b, p, r, rows, n, k, o } = parsed.data;
  const meta: ListModalMeta = { branchKey: b, period: p, revision: r, rows, nextRow: n };
  if (l !== undefined) meta.listId = l;
  if (k && k.length > 0) meta.links = Object.fromEntries(k);
  if (o === 1) meta.offer = true;
  return meta;
}

export function parseRevisionMetadata(raw: unknown): RevisionMeta | null {
  const parsed = revisionSchema.safeParse(json(raw));
  if (!parsed.success) return null;
  const { l, b, p, r } = parsed.data;
  return { listId: l, branchKey: b, period: p, revision: r };
}

/** Parse a task-list surface's private_metadata by the view's kind; null when forged. */
export function parsePrivateMetadata(kind: "list", raw: unknown): ListModalMeta | null;
export function parsePrivateMetadata(kind: "revision", raw: unknown): RevisionMeta | null;
export function parsePrivateMetadata(
  kind: "list" | "revision",
  raw: unknown,
): ListModalMeta | RevisionMeta | null {
  return kind === "list" ? parseListModalMetadata(raw) : parseRevisionMetadata(raw);
}
