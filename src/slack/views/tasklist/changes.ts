/** "What changed since revision N" for a resubmission or an amendment. */
import type { ItemField } from "../../../domain/task-list-items.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import { esc, itemLine, lines } from "./format.ts";
import type { CommitteeView } from "./model.ts";

const FIELD_KEY: Record<ItemField, MessageKey> = {
  title: "tasklist.field.title",
  category: "tasklist.field.category",
  ownerUserId: "tasklist.field.owner",
  dueDate: "tasklist.field.due",
  expectedResult: "tasklist.field.expected",
};

export function changesText(changes: NonNullable<CommitteeView["changes"]>, t: Translator): string {
  const { diff, since } = changes;
  const head = `*${t("tasklist.changes.header", { since })}*`;
  if (diff.added.length + diff.removed.length + diff.changed.length === 0)
    return `${head}\n${t("tasklist.changes.none")}`;
  const out = [head];
  for (const item of diff.added)
    out.push(`➕ ${t("tasklist.changes.added", { item: itemLine(item, t).slice(2) })}`);
  for (const item of diff.removed)
    out.push(`➖ ${t("tasklist.changes.removed", { item: esc(item.title) })}`);
  for (const c of diff.changed) {
    const title = c.fields.includes("title")
      ? `${esc(c.before.title)} → ${esc(c.after.title)}`
      : esc(c.after.title);
    const what = c.fields.map((f) => t(FIELD_KEY[f])).join(t("tasklist.list.separator"));
    out.push(`✏️ ${t("tasklist.changes.changed", { item: title, fields: what })}`);
  }
  if (diff.unchanged > 0) out.push(t("tasklist.changes.unchanged", { count: diff.unchanged }));
  return lines(out);
}
