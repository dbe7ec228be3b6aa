/**
 * The task-list modal's items: the block ids of each row's inputs (shared by the builder and
 * the validator), validation on submit with errors keyed by the block at fault, and lenient
 * reading of a half-filled modal into a draft.
 */
import { z } from "zod";
import type { LocalDate } from "./calendar.ts";
import { addMonths, type Period, periodEnd, periodStart } from "./period.ts";
import { TASK_CATEGORIES, type TaskCategory, type TaskItemData } from "./task-list-items.ts";

/** At most this many items, so the modal stays within Slack's 100 blocks (6 blocks a row). */
export const MAX_ITEMS = 15;
export const MAX_TITLE = 150;
export const MAX_EXPECTED = 500;
/** A due date may be up to this many months after the period's month. */
export const DUE_MONTHS_AFTER = 3;

export const ITEM_INPUTS = ["title", "category", "owner", "due", "expected"] as const;
export type ItemInput = (typeof ITEM_INPUTS)[number];

/** The block id of a row's input. Rows are numbered stably (not by position), so removing a
 * row keeps the others' block ids, and Slack keeps what was typed in them. */
export function itemBlockId(row: number, input: ItemInput): string {
  return `tl_item_${row}_${input}`;
}

/** What one row of the modal holds, as read from the view state (anything may be missing). */
export interface RawItemRow {
  row: number;
  title?: string | null;
  category?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  expectedResult?: string | null;
  /** The plan item the row was taken from (kept in the modal's metadata, not typed). */
  planItemId?: number | null;
}

export type InputErrorKey =
  | "tasklist.input.titleRequired"
  | "tasklist.input.titleTooLong"
  | "tasklist.input.categoryRequired"
  | "tasklist.input.ownerInvalid"
  | "tasklist.input.dueInvalid"
  | "tasklist.input.dueTooEarly"
  | "tasklist.input.dueTooLate"
  | "tasklist.input.expectedTooLong"
  | "tasklist.input.tooMany"
  | "tasklist.input.noItems";

export interface InputError {
  key: InputErrorKey;
  params?: Record<string, string | number>;
}

export type ParsedItems =
  | { ok: true; items: TaskItemData[] }
  | { ok: false; errors: Record<string, InputError> };

export function dueDateRange(period: Period): { min: LocalDate; max: LocalDate } {
  return { min: periodStart(period), max: periodEnd(addMonths(period, DUE_MONTHS_AFTER)) };
}

const blank = (v: string | null | undefined): string | null => {
  const s = v?.trim() ?? "";
  return s === "" ? null : s;
};

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const rowSchema = z.object({
  title: z.preprocess(
    blank,
    z
      .string({ error: "tasklist.input.titleRequired" })
      .max(MAX_TITLE, { error: "tasklist.input.titleTooLong" }),
  ),
  category: z.enum(TASK_CATEGORIES, { error: "tasklist.input.categoryRequired" }),
  owner: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[UW][A-Z0-9]{2,20}$/, { error: "tasklist.input.ownerInvalid" })
      .nullable(),
  ),
  dueDate: z.preprocess(
    blank,
    z
      .string()
      .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), {
        error: "tasklist.input.dueInvalid",
      })
      .nullable(),
  ),
  expectedResult: z.preprocess(
    blank,
    z.string().max(MAX_EXPECTED, { error: "tasklist.input.expectedTooLong" }).nullable(),
  ),
});

const FIELD_INPUT: Record<keyof z.infer<typeof rowSchema>, ItemInput> = {
  title: "title",
  category: "category",
  owner: "owner",
  dueDate: "due",
  expectedResult: "expected",
};

/** Validate the modal's rows for `period`: the items, or errors keyed by block id. */
export function parseItemRows(rows: readonly RawItemRow[], period: Period): ParsedItems {
  const errors: Record<string, InputError> = {};
  const first = rows[0];
  if (!first)
    return { ok: false, errors: { [itemBlockId(0, "title")]: { key: "tasklist.input.noItems" } } };
  const extra = rows[MAX_ITEMS];
  if (extra) {
    errors[itemBlockId(extra.row, "title")] = {
      key: "tasklist.input.tooMany",
      params: { max: MAX_ITEMS },
    };
  }
  const range = dueDateRange(period);
  const items: TaskItemData[] = [];
  for (const raw of rows.slice(0, MAX_ITEMS)) {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof typeof FIELD_INPUT;
        const id = itemBlockId(raw.row, FIELD_INPUT[field]);
        errors[id] ??= { key: issue.message as InputErrorKey };
      }
      continue;
    }
    const { title, category, owner, dueDate, expectedResult } = parsed.data;
    if (dueDate !== null && (dueDate < range.min || dueDate > range.max)) {
      errors[itemBlockId(raw.row, "due")] = {
        key: dueDate < range.min ? "tasklist.input.dueTooEarly" : "tasklist.input.dueTooLate",
        params: range,
      };
    }
    const planItemId = raw.planItemId ?? null;
    items.push({
      title,
      category,
      ownerUserId: owner,
      dueDate,
      expectedResult,
      ...(planItemId ? { planItemId } : {}),
    });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, items };
}

/** A half-filled item, as kept in a draft: only what was typed, nothing required. */
export interface DraftItem {
  title: string;
  category: TaskCategory | null;
  ownerUserId: string | null;
  dueDate: LocalDate | null;
  expectedResult: string | null;
  planItemId?: number | null;
}

const draftItemSchema = z.object({
  title: z
    .string()
    .max(MAX_TITLE * 2)
    .catch(""),
  category: z.enum(TASK_CATEGORIES).nullable().catch(null),
  ownerUserId: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,20}$/)
    .nullable()
    .catch(null),
  dueDate: z.string().refine(isRealDate).nullable().catch(null),
  expectedResult: z
    .string()
    .max(MAX_EXPECTED * 2)
    .nullable()
    .catch(null),
  planItemId: z.number().int().positive().nullish().catch(null),
});
const draftSchema = z.array(draftItemSchema).max(MAX_ITEMS);

/** The rows of a modal closed half-filled; rows with nothing typed are left out. */
export function draftFromRows(rows: readonly RawItemRow[]): DraftItem[] {
  const items = rows.slice(0, MAX_ITEMS).map((r) =>
    draftItemSchema.parse({
      title: blank(r.title) ?? "",
      category: r.category ?? null,
      ownerUserId: blank(r.owner),
      dueDate: blank(r.dueDate),
      expectedResult: blank(r.expectedResult),
      planItemId: r.planItemId ?? null,
    }),
  );
  return items.filter((i) => i.title !== "" || i.ownerUserId || i.dueDate || i.expectedResult);
}

/** A row with nothing typed (dropped when plan items were ticked instead). */
export const isBlankRow = (r: RawItemRow): boolean =>
  !blank(r.title) &&
  !r.category &&
  !blank(r.owner) &&
  !blank(r.dueDate) &&
  !blank(r.expectedResult);

/** A stored draft (JSON), read defensively: bad fields dropped, an unreadable draft is empty. */
export function parseDraft(json: unknown): DraftItem[] {
  const parsed = draftSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}
