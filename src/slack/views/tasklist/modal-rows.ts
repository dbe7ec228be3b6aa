/**
 * The item rows of the task-list modal: pre-filling from items, adding and removing rows. Rows
 * keep stable numbers so that Slack keeps what was typed in the rows that stay.
 */
import { type DraftItem, MAX_ITEMS, type RawItemRow } from "../../../domain/task-list-input.ts";
import { TASK_CATEGORIES } from "../../../domain/task-list-items.ts";
import type { ListModalView, ModalRow } from "./model.ts";
import type { ListModalMeta } from "./refs.ts";

/** Rows for `items` (at least one empty row, at most MAX_ITEMS). */
export function rowsFromItems(items: readonly Partial<DraftItem>[]): {
  rows: ModalRow[];
  nextRow: number;
} {
  const kept = items.slice(0, MAX_ITEMS);
  if (kept.length === 0) return { rows: [{ row: 0 }], nextRow: 1 };
  return { rows: kept.map((item, row) => ({ row, item })), nextRow: kept.length };
}

/** Rows as typed so far (from the view state), to rebuild the modal with the values kept. */
export function rowsFromRaw(raw: readonly RawItemRow[]): ModalRow[] {
  return raw.map((r) => ({
    row: r.row,
    item: {
      title: r.title ?? "",
      category: TASK_CATEGORIES.find((c) => c === r.category) ?? null,
      ownerUserId: r.owner ?? null,
      dueDate: r.dueDate ?? null,
      expectedResult: r.expectedResult ?? null,
      planItemId: r.planItemId ?? null,
    },
  }));
}

export function addRow(v: ListModalView): ListModalView {
  if (v.rows.length >= MAX_ITEMS) return v;
  return { ...v, rows: [...v.rows, { row: v.nextRow }], nextRow: v.nextRow + 1 };
}

/** Remove a row; the last remaining row stays. */
export function removeRow(v: ListModalView, row: number): ListModalView {
  if (v.rows.length <= 1) return v;
  return { ...v, rows: v.rows.filter((r) => r.row !== row) };
}

export function metaOf(v: ListModalView): ListModalMeta {
  const meta: ListModalMeta = {
    branchKey: v.branch.key,
    period: v.period,
    revision: v.revision,
    rows: v.rows.map((r) => r.row),
    nextRow: v.nextRow,
  };
  if (v.listId !== undefined) meta.listId = v.listId;
  const links = v.rows.flatMap((r) => (r.item?.planItemId ? [[r.row, r.item.planItemId]] : []));
  if (links.length > 0) meta.links = Object.fromEntries(links);
  if (v.planOffer?.length) meta.offer = true;
  return meta;
}
