import type { AnyBlock, Button, KnownBlock } from "@slack/types";
import type { TaskCategory } from "../../../../src/domain/task-list-items.ts";
import { type Locale, translator } from "../../../../src/i18n/index.ts";
import type { ItemView } from "../../../../src/slack/views/tasklist/model.ts";

export const LOCALES: Locale[] = ["en", "zh-CN"];
export const MONTH: Record<Locale, string> = { en: "October 2026", "zh-CN": "2026年10月" };
export const tr = translator;

export const branch = {
  key: "resettlement",
  name: "Resettlement Office Branch",
  channelId: "C0RESETTLE",
  secretaries: ["U0SEC1", "U0SEC2"],
};
export const ctx = { listId: 12, branch, period: "2026-10", tz: "Asia/Shanghai" };

const CATS: TaskCategory[] = [
  "WORK_ARRANGEMENT",
  "CONDUCT_INTEGRITY",
  "THEORY_STUDY",
  "THEME_PARTY_DAY",
  "SERVICE_PROJECT",
  "OTHER",
];

/** `n` items with long titles and every field filled, ids 100…, the first done. */
export function items(n: number): ItemView[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 100 + i,
    title: `Task ${i + 1}: ${"organise the study of the documents ".repeat(3).trim()}`,
    category: CATS[i % CATS.length] ?? "OTHER",
    ownerUserId: `U0OWN${i}`,
    dueDate: `2026-10-${String(10 + i).padStart(2, "0")}`,
    expectedResult: "Every member takes part and writes notes.",
    status: i === 0 ? "DONE" : "OPEN",
    doneBy: i === 0 ? "U0SEC1" : null,
  }));
}

/** Every button in the blocks: actions elements and section accessories, in order. */
export function buttons(blocks: readonly (KnownBlock | AnyBlock)[]): Button[] {
  const out: Button[] = [];
  for (const b of blocks as KnownBlock[]) {
    if (b.type === "actions") for (const e of b.elements) if (e.type === "button") out.push(e);
    if (b.type === "section" && b.accessory?.type === "button") out.push(b.accessory);
  }
  return out;
}

export const json = (x: unknown): string => JSON.stringify(x);
export const at = (iso: string): Date => new Date(iso);
