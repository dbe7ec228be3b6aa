/**
 * How the year's plans feed the months and the quarters: which approved plan items are due in
 * a month, what monthly task category an item of each plan becomes, who may mark a plan item
 * done or move it, and what a new date for an item must be. Pure: time is an argument.
 */

import type { PlanKind, PlanTarget } from "./annual-plan.ts";
import { targetEndMonth, targetStartMonth } from "./annual-plan.ts";
import type { LocalDate } from "./calendar.ts";
import { type Actor, isSecretaryOf } from "./task-list.ts";
import type { TaskCategory } from "./task-list-items.ts";

/** Whether an item targeted at `t` falls in `month`: its month, or the quarter containing it. */
export const dueDuringMonth = (t: PlanTarget, month: number): boolean =>
  targetStartMonth(t) <= month && month <= targetEndMonth(t);

/** The open items due in `month`, in their order. */
export function itemsDueInMonth<T extends { status: "OPEN" | "DONE"; target: PlanTarget }>(
  items: readonly T[],
  month: number,
): T[] {
  return items.filter((i) => i.status === "OPEN" && dueDuringMonth(i.target, month));
}

/** The monthly category an item of each plan becomes when it is taken into a month's list. */
export const PLAN_CATEGORY: Record<PlanKind, TaskCategory> = {
  arrangement: "WORK_ARRANGEMENT",
  conduct: "CONDUCT_INTEGRITY",
  theory: "THEORY_STUDY",
  "theme-day": "THEME_PARTY_DAY",
};

export type PlanItemRefusal = "not-secretary" | "not-in-force" | "already-done";

/** A plan item of the plan in force may be marked done or moved by the branch's secretaries. */
export function planItemRefusal(
  item: { branchKey: string; inForce: boolean; status: "OPEN" | "DONE" },
  actor: Actor,
  change: "done" | "move",
): PlanItemRefusal | null {
  if (!isSecretaryOf(actor, item.branchKey)) return "not-secretary";
  if (!item.inForce) return "not-in-force";
  if (item.status === "DONE" && change === "move") return "already-done";
  return null;
}

export const MAX_REASON = 300;

export type NewDateError =
  | "reasonRequired"
  | "reasonTooLong"
  | "dateRequired"
  | "dateOutsideYear"
  | "dateNotAfterToday";

export type NewDateCheck =
  | { ok: true; date: LocalDate; target: PlanTarget; reason: string }
  | { ok: false; errors: { field: "reason" | "date"; error: NewDateError }[] };

/**
 * A new date for a plan item (a reschedule, or a quarter's answer for an overdue item): a
 * reason is required, and the date must be inside the plan's year and after `today`. The item's
 * new target is the date's month.
 */
export function checkNewDate(
  input: { date: string | null | undefined; reason: string | null | undefined },
  year: number,
  today: LocalDate,
): NewDateCheck {
  const errors: { field: "reason" | "date"; error: NewDateError }[] = [];
  const reason = input.reason?.trim() ?? "";
  if (reason === "") errors.push({ field: "reason", error: "reasonRequired" });
  else if (reason.length > MAX_REASON) errors.push({ field: "reason", error: "reasonTooLong" });
  const date = input.date ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.push({ field: "date", error: "dateRequired" });
  else if (Number(date.slice(0, 4)) !== year)
    errors.push({ field: "date", error: "dateOutsideYear" });
  else if (date <= today) errors.push({ field: "date", error: "dateNotAfterToday" });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, date, target: { month: Number(date.slice(5, 7)) }, reason };
}
