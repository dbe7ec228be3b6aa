/** Small renderers shared by the task-list surfaces. */

import { type Period, periodParts } from "../../../domain/period.ts";
import type { TaskCategory } from "../../../domain/task-list-items.ts";
import { formatDateTime, formatDay } from "../../../i18n/dates.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import { mention } from "../../blocks.ts";
import { escapeMrkdwn } from "../../mrkdwn.ts";
import type { ItemView } from "./model.ts";

export function periodLabel(period: Period, t: Translator): string {
  return t("tasklist.period", periodParts(period));
}

/** "2026年10月8日9:00" / "2026-10-08 09:00", the org's wall clock (src/i18n/dates.ts). */
export const dateTime = (at: Date, tz: string, t: Translator): string => formatDateTime(at, tz, t);

const CATEGORY_KEY: Record<TaskCategory, MessageKey> = {
  WORK_ARRANGEMENT: "tasklist.category.WORK_ARRANGEMENT",
  CONDUCT_INTEGRITY: "tasklist.category.CONDUCT_INTEGRITY",
  THEORY_STUDY: "tasklist.category.THEORY_STUDY",
  THEME_PARTY_DAY: "tasklist.category.THEME_PARTY_DAY",
  ORGANIZATIONAL_LIFE: "tasklist.category.ORGANIZATIONAL_LIFE",
  SERVICE_PROJECT: "tasklist.category.SERVICE_PROJECT",
  OTHER: "tasklist.category.OTHER",
};

export const categoryLabel = (category: TaskCategory, t: Translator): string =>
  t(CATEGORY_KEY[category]);

export const mentions = (users: readonly string[]): string => users.map(mention).join(" ");

/** Escape what Slack's mrkdwn would read as markup in user-typed text (the kit's). */
export const esc = escapeMrkdwn;

/** One item on one line: title, owner, due date (and ✓ when done). */
export function itemLine(item: ItemView, t: Translator, opts: { status?: boolean } = {}): string {
  const parts = [esc(item.title)];
  if (item.ownerUserId) parts.push(t("tasklist.item.owner", { owner: mention(item.ownerUserId) }));
  if (item.dueDate) parts.push(t("tasklist.item.due", { date: formatDay(item.dueDate, t) }));
  const mark = opts.status ? (item.status === "DONE" ? "✅ " : "⬜ ") : "• ";
  return `${mark}${parts.join(" · ")}`;
}

/** A plain-text (no markup) line for notification fallbacks. */
export function itemPlain(item: ItemView): string {
  return item.dueDate ? `${item.title} (${item.dueDate})` : item.title;
}

/** Join lines, keeping the result within `max` characters (Slack's section limit). */
export function lines(list: readonly string[], max = 2900): string {
  let out = "";
  for (const [i, line] of list.entries()) {
    const next = out === "" ? line : `${out}\n${line}`;
    if (next.length > max) return `${out}\n… (+${list.length - i})`;
    out = next;
  }
  return out;
}
