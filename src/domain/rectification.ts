/**
 * Rectification of an inspection's findings: each finding becomes an item for the inspected
 * branch with an owner and a due date (by severity, in working days); the owner reports it done
 * with evidence; the inspector or a committee member who is not the owner verifies it (accept,
 * or reopen with a comment). Four eyes reuse the round trip's rule (`deciderRefusal`).
 */
import { addDays, type CalendarSettings, isWorkingDay, type LocalDate } from "./calendar.ts";
import { type Actor, deciderRefusal } from "./task-list.ts";

export const SEVERITIES = ["serious", "general", "minor"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Working days to rectify, by severity. */
export const DUE_WORKING_DAYS: Record<Severity, number> = { serious: 5, general: 10, minor: 20 };

/** CANCELLED: its finding was removed when the checklist was amended (the reason kept). */
export type RectificationState = "OPEN" | "REPORTED" | "VERIFIED" | "CANCELLED";

/** The states still waiting for someone: reminded, overdue, on the Home. */
export const PENDING_STATES: readonly RectificationState[] = ["OPEN", "REPORTED"];

export interface RectificationSnapshot {
  branchKey: string;
  state: RectificationState;
  ownerId: string;
  /** Who inspected (a user id for supervision; for mutual, the inspecting branch's secretaries). */
  inspectors: readonly string[];
  dueOn: LocalDate;
}

/** `days` working days from `from` in the direction of `step` (the day itself not counted). */
function stepWorkingDays(
  calendar: CalendarSettings,
  from: LocalDate,
  days: number,
  step: 1 | -1,
): LocalDate {
  let day = from;
  let left = days;
  for (let guard = 0; left > 0 && guard < 400; guard += 1) {
    day = addDays(day, step);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}

/** `days` working days after `from` (the day itself not counted). */
export const addWorkingDays = (calendar: CalendarSettings, from: LocalDate, days: number) =>
  stepWorkingDays(calendar, from, days, 1);

/** `days` working days before `to` (for the reminder 3 working days before the due date). */
export const subtractWorkingDays = (calendar: CalendarSettings, to: LocalDate, days: number) =>
  stepWorkingDays(calendar, to, days, -1);

export const dueDateFor = (
  calendar: CalendarSettings,
  submittedOn: LocalDate,
  severity: Severity,
) => addWorkingDays(calendar, submittedOn, DUE_WORKING_DAYS[severity]);

export type ReminderKind = "before" | "due";

/**
 * The reminder in effect for an open item on `today`: "before" from 3 working days before its
 * due date until the day before it, "due" on the due date, none otherwise. The job sends each
 * once per owner (its key names the owner), so the owner hears of it the first morning it is in
 * effect, and someone who takes the item over later in that span still gets it.
 */
export function reminderOn(
  calendar: CalendarSettings,
  item: Pick<RectificationSnapshot, "state" | "dueOn">,
  today: LocalDate,
): ReminderKind | null {
  if (item.state !== "OPEN") return null;
  if (today === item.dueOn) return "due";
  if (today < item.dueOn && today >= subtractWorkingDays(calendar, item.dueOn, 3)) return "before";
  return null;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysUntil(calendar: CalendarSettings, from: LocalDate, to: LocalDate) {
  let days = 0;
  for (let day = addDays(from, 1), guard = 0; day <= to && guard < 400; guard += 1) {
    if (isWorkingDay(calendar, day)) days += 1;
    day = addDays(day, 1);
  }
  return days;
}

export const isOverdueOn = (
  item: Pick<RectificationSnapshot, "state" | "dueOn">,
  today: LocalDate,
) => PENDING_STATES.includes(item.state) && today > item.dueOn;

export type RectificationError =
  | "not-owner"
  | "not-open"
  | "not-reported"
  | "evidence-required"
  | "comment-required"
  | "not-verifier"
  | "own-item"
  | "own-branch"
  | "not-reassigner"
  | "same-owner"
  | "owner-not-in-branch"
  | "owner-is-inspector";

/** Who may report the item done: its owner (or a secretary of the branch), while it is open. */
export function reportRefusal(
  item: RectificationSnapshot,
  actor: Actor,
  evidence: string,
): RectificationError | null {
  if (item.ownerId !== actor.userId && !actor.secretaryOf.includes(item.branchKey))
    return "not-owner";
  if (item.state !== "OPEN") return "not-open";
  if (evidence.trim() === "") return "evidence-required";
  return null;
}

/**
 * Who may hand an open item to another owner: a secretary of the inspected branch or a committee
 * member. The new owner is one of the branch's people and never one of its inspectors, who
 * verify it: four eyes still hold after the change (`verifierRefusal` reads the owner).
 * Without `newOwner`, only whether `actor` may open the change.
 */
export function reassignRefusal(
  item: RectificationSnapshot & { branchPeople: readonly string[] },
  actor: Actor,
  newOwner?: string,
): RectificationError | null {
  if (!actor.committeeMember && !actor.secretaryOf.includes(item.branchKey))
    return "not-reassigner";
  if (item.state !== "OPEN") return "not-open";
  if (newOwner === undefined) return null;
  if (newOwner === item.ownerId) return "same-owner";
  if (item.inspectors.includes(newOwner)) return "owner-is-inspector";
  if (!item.branchPeople.includes(newOwner)) return "owner-not-in-branch";
  return null;
}

/**
 * Why `actor` may not verify (accept or reopen) the item, or null. The inspector or a committee
 * member may; never its owner, nor a secretary of the inspected branch: the round trip's four
 * eyes (`deciderRefusal`), with the owner standing where the submitter stands there.
 */
export function verifierRefusal(
  item: RectificationSnapshot,
  actor: Actor,
): "not-verifier" | "own-item" | "own-branch" | null {
  const inspector = item.inspectors.includes(actor.userId);
  const refusal = deciderRefusal(
    { branchKey: item.branchKey, submittedBy: item.ownerId },
    { ...actor, committeeMember: actor.committeeMember || inspector },
  );
  if (refusal === "not-committee") return "not-verifier";
  if (refusal === "own-submission") return "own-item";
  return refusal;
}

export type VerifyEvent = { type: "accept" } | { type: "reopen"; comment: string };

export function verifyTransition(
  item: RectificationSnapshot,
  actor: Actor,
  event: VerifyEvent,
): { ok: true; next: RectificationState } | { ok: false; error: RectificationError } {
  const refusal = verifierRefusal(item, actor);
  if (refusal) return { ok: false, error: refusal };
  if (item.state !== "REPORTED") return { ok: false, error: "not-reported" };
  if (event.type === "reopen") {
    if (event.comment.trim() === "") return { ok: false, error: "comment-required" };
    return { ok: true, next: "OPEN" };
  }
  return { ok: true, next: "VERIFIED" };
}

/** Closure figures for a set of items on `today`. */
export function closure(
  items: readonly (Pick<RectificationSnapshot, "state" | "dueOn"> & {
    verifiedOn?: LocalDate | null;
  })[],
  today: LocalDate,
) {
  const total = items.filter((i) => i.state !== "CANCELLED").length;
  const closed = items.filter((i) => i.state === "VERIFIED").length;
  const onTime = items.filter(
    (i) => i.state === "VERIFIED" && i.verifiedOn != null && i.verifiedOn <= i.dueOn,
  ).length;
  const overdue = items.filter((i) => isOverdueOn(i, today)).length;
  return { total, closed, onTime, overdue };
}

/** The Monday of `date`'s week: the weekly escalation's key (one message per week). */
export function weekOf(date: LocalDate): LocalDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
