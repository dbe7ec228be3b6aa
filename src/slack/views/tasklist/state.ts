/**
 * Reading what the user typed in a task-list modal (view.state.values) into plain rows, for
 * validation on submit, for a draft on close, and to rebuild the modal on add / remove row.
 */
import { z } from "zod";
import type { RawItemRow } from "../../../domain/task-list-input.ts";
import {
  ITEM_INPUT_ACTION,
  type ItemInput,
  itemBlockId,
  TASKLIST_ACTION,
  TASKLIST_BLOCK,
} from "../../ids/tasklist.ts";

const elementState = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_user: z.string().nullish(),
    selected_date: z.string().nullish(),
  })
  .loose();
const stateValues = z.record(z.string(), z.record(z.string(), elementState));
type StateValues = z.infer<typeof stateValues>;

function read(values: StateValues, row: number, input: ItemInput) {
  return values[itemBlockId(row, input)]?.[ITEM_INPUT_ACTION[input]];
}

/** The rows on screen (from private_metadata), in order, with what each holds and the plan
 * item each was taken from (`links`, also from private_metadata). */
export function readItemRows(
  values: unknown,
  rows: readonly number[],
  links: Readonly<Record<number, number>> = {},
): RawItemRow[] {
  const parsed = stateValues.safeParse(values);
  const v: StateValues = parsed.success ? parsed.data : {};
  return rows.map((row) => ({
    row,
    title: read(v, row, "title")?.value ?? null,
    category: read(v, row, "category")?.selected_option?.value ?? null,
    owner:
      read(v, row, "owner")?.selected_user ?? read(v, row, "owner")?.selected_option?.value ?? null,
    dueDate: read(v, row, "due")?.selected_date ?? null,
    expectedResult: read(v, row, "expected")?.value ?? null,
    ...(links[row] ? { planItemId: links[row] } : {}),
  }));
}

/** The return modal's comment, trimmed ("" when missing). */
export function readReturnComment(values: unknown): string {
  const parsed = stateValues.safeParse(values);
  if (!parsed.success) return "";
  return (
    parsed.data[TASKLIST_BLOCK.returnComment]?.[TASKLIST_ACTION.returnComment]?.value?.trim() ?? ""
  );
}
