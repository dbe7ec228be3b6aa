/**
 * The service list: "double registration, double reporting" and the year's practical projects.
 * Pure rules: what a service report may say, who is nudged in a quarter, the branch figures, a
 * project's progress, its milestone reminders, and who may confirm its completion (four eyes,
 * the round trip's `deciderRefusal`). Dates are local dates "YYYY-MM-DD" in the org's zone.
 */

import { addDays, type CalendarSettings, isWorkingDay, type LocalDate } from "./calendar.ts";
import {
  type EvidenceFile,
  type EvidenceFileError,
  evidenceFilesProblem,
  REPORT_MAX_FILES,
} from "./evidence-files.ts";
import { percentOf } from "./percent.ts";
import { quarterOf } from "./report-period.ts";
import { type Actor, deciderRefusal } from "./task-list.ts";

export const SERVICE_CATEGORIES = [
  "policy-consultation",
  "defence-education",
  "civilization",
  "volunteering",
  "other",
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_FREQUENCIES = ["weekly", "monthly", "quarterly", "yearly", "once"] as const;
export type ServiceFrequency = (typeof SERVICE_FREQUENCIES)[number];

export const isServiceCategory = (value: string): value is ServiceCategory =>
  (SERVICE_CATEGORIES as readonly string[]).includes(value);

/** Most hours one member may report for one day (all their reports of that day together). */
export const MAX_HOURS_A_DAY = 24;

/** The quarter a local date falls in: "2026-11-03" → "2026-Q4". */
export const quarterOfDate = (date: LocalDate): string => quarterOf(date.slice(0, 7));

export type ServiceReportError =
  | "bad-date"
  | "future-date"
  | "before-year"
  | "bad-hours"
  | "over-day"
  | "unknown-community"
  | "bad-category"
  | "what-required"
  | "bad-link"
  | EvidenceFileError;

export interface ServiceReportDraft {
  date: string;
  community: string;
  category: string;
  /** As typed: "1.5". */
  hours: string;
  what: string;
  link?: string | undefined;
  /** Files uploaded in the modal (evidence). */
  files?: readonly EvidenceFile[] | undefined;
}

export interface ServiceReportContext {
  today: LocalDate;
  /** Communities a report may name: the member's own and the branches' joint-construction ones. */
  communities: readonly string[];
  /** Hours the member already reported for the draft's date. */
  hoursThatDay: number;
}

export interface ServiceReportProblem {
  field: "date" | "community" | "category" | "hours" | "what" | "link" | "file";
  error: ServiceReportError;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOURS = /^\d{1,2}(\.\d{1,2})?$/;
const LINK = /^https?:\/\/[^\s<>|]+$/;

/** Hours as typed, or null when it is not a plain number ("1.5", "2"). */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  return HOURS.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Every problem of a draft report, by field (the modal shows each inline; nothing is stored
 * while there is one). A date in the future or before the current year, hours ≤ 0 or over a
 * day's 24 together with what the member already reported that day, an unknown community, a
 * file too large or of a type refused (evidence-files.ts).
 */
export function serviceReportProblems(
  draft: ServiceReportDraft,
  ctx: ServiceReportContext,
): ServiceReportProblem[] {
  const problems: ServiceReportProblem[] = [];
  const date = draft.date.trim();
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    problems.push({ field: "date", error: "bad-date" });
  } else if (date > ctx.today) {
    problems.push({ field: "date", error: "future-date" });
  } else if (date.slice(0, 4) < ctx.today.slice(0, 4)) {
    problems.push({ field: "date", error: "before-year" });
  }
  if (!ctx.communities.includes(draft.community.trim())) {
    problems.push({ field: "community", error: "unknown-community" });
  }
  if (!isServiceCategory(draft.category))
    problems.push({ field: "category", error: "bad-category" });
  const hours = parseHours(draft.hours);
  if (hours === null || hours <= 0 || hours > MAX_HOURS_A_DAY) {
    problems.push({ field: "hours", error: "bad-hours" });
  } else if (hours + ctx.hoursThatDay > MAX_HOURS_A_DAY) {
    problems.push({ field: "hours", error: "over-day" });
  }
  if (draft.what.trim().length === 0) problems.push({ field: "what", error: "what-required" });
  const link = draft.link?.trim() ?? "";
  if (link !== "" && !LINK.test(link)) problems.push({ field: "link", error: "bad-link" });
  const file = evidenceFilesProblem(draft.files ?? [], REPORT_MAX_FILES);
  if (file) problems.push({ field: "file", error: file });
  return problems;
}

/**
 * Whom the quarter's nudge goes to: the members with no report in the quarter and no nudge
 * yet for it (never more than one a quarter), in the order given.
 */
export function nudgeTargets(
  members: readonly string[],
  reportedInQuarter: ReadonlySet<string>,
  nudgedInQuarter: ReadonlySet<string>,
): string[] {
  return [...new Set(members)].filter((m) => !reportedInQuarter.has(m) && !nudgedInQuarter.has(m));
}

export interface ServiceFigures {
  members: number;
  registered: number;
  /** Whole percent registered, null with no members. */
  registrationRate: number | null;
  /** Members with at least one report. */
  active: number;
  hours: number;
  /** Hours per member (one decimal), null with no members. */
  hoursPerMember: number | null;
  reports: number;
}

/** A branch's (or the org's) figures for a span: registration rate, members active, hours. */
export function serviceFigures(
  members: readonly string[],
  registered: ReadonlySet<string>,
  reports: readonly { userId: string; hours: number }[],
): ServiceFigures {
  const people = new Set(members);
  const mine = reports.filter((r) => people.has(r.userId));
  const hours = Math.round(mine.reduce((sum, r) => sum + r.hours, 0) * 100) / 100;
  const count = people.size;
  return {
    members: count,
    registered: [...people].filter((m) => registered.has(m)).length,
    registrationRate: percentOf([...people].filter((m) => registered.has(m)).length, count),
    active: new Set(mine.map((r) => r.userId)).size,
    hours,
    hoursPerMember: count === 0 ? null : Math.round((hours / count) * 10) / 10,
    reports: mine.length,
  };
}

/** Whether `viewer` may read `owner`'s reports: themselves, their branch's secretaries, the committee. */
export function maySeeReports(
  viewer: Actor,
  owner: { userId: string; branchKeys: readonly string[] },
): boolean {
  if (viewer.userId === owner.userId || viewer.committeeMember) return true;
  return owner.branchKeys.some((k) => viewer.secretaryOf.includes(k));
}

// ---------- practical projects ----------

export type ProjectStatus = "ACTIVE" | "COMPLETION_REQUESTED" | "DONE";

export interface MilestoneSnapshot {
  position: number;
  title: string;
  due: LocalDate;
  done: boolean;
}

export interface ProjectSnapshot {
  status: ProjectStatus;
  branchKey: string;
  /** null: the lead left the organisation; the committee is asked to name a new one. */
  leadUserId: string | null;
  milestones: readonly MilestoneSnapshot[];
}

/** Whole percent of milestones done (a done project is 100), 0 with none. */
export function projectPercent(project: Pick<ProjectSnapshot, "status" | "milestones">): number {
  if (project.status === "DONE") return 100;
  return percentOf(project.milestones.filter((m) => m.done).length, project.milestones.length) ?? 0;
}

/** The earliest milestone not done, or null. */
export function nextMilestone(milestones: readonly MilestoneSnapshot[]): MilestoneSnapshot | null {
  const open = milestones.filter((m) => !m.done);
  open.sort((a, b) => a.due.localeCompare(b.due) || a.position - b.position);
  return open[0] ?? null;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysUntil(settings: CalendarSettings, from: LocalDate, to: LocalDate) {
  let count = 0;
  for (let day = addDays(from, 1); day <= to && count < 400; day = addDays(day, 1)) {
    if (isWorkingDay(settings, day)) count++;
  }
  return count;
}

/** Milestones due within this many working days remind the lead. */
export const REMIND_WORKING_DAYS = 3;

export type MilestoneAlert = { kind: "remind" | "escalate"; milestone: MilestoneSnapshot };

/**
 * What a project's open milestones call for today: due within 3 working days (today included)
 * → remind the lead; past due → escalate to the committee (the job keys it by week, so once a
 * week). Nothing for a project done.
 */
export function milestoneAlerts(
  project: Pick<ProjectSnapshot, "status" | "milestones">,
  today: LocalDate,
  settings: CalendarSettings,
): MilestoneAlert[] {
  if (project.status === "DONE") return [];
  const alerts: MilestoneAlert[] = [];
  for (const m of project.milestones) {
    if (m.done) continue;
    if (m.due < today) alerts.push({ kind: "escalate", milestone: m });
    else if (workingDaysUntil(settings, today, m.due) <= REMIND_WORKING_DAYS)
      alerts.push({ kind: "remind", milestone: m });
  }
  return alerts;
}

/** The ISO week a local date belongs to: "2026-W49" (escalations are keyed by it). */
export function isoWeek(date: LocalDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export type ProjectError =
  | "not-lead"
  | "not-committee"
  | "own-branch"
  | "own-submission"
  | "already-done"
  | "not-requested"
  | "already-requested"
  | "comment-required"
  | "no-lead"
  | "lead-named"
  | "committee-names-lead";

/** Whether `actor` may post progress, evidence or ask for completion: the lead or the committee. */
export function progressRefusal(project: ProjectSnapshot, actor: Actor): ProjectError | null {
  if (project.status === "DONE") return "already-done";
  if (actor.userId === project.leadUserId || actor.committeeMember) return null;
  return "not-lead";
}

/** Whether the lead may ask for completion now. */
export function requestRefusal(project: ProjectSnapshot, actor: Actor): ProjectError | null {
  const refusal = progressRefusal(project, actor);
  if (refusal) return refusal;
  if (project.status === "COMPLETION_REQUESTED") return "already-requested";
  return null;
}

/**
 * Whether `actor` may confirm the project done or send it back: a committee member other than
 * the lead and not a secretary of the lead branch (four eyes, `deciderRefusal`), only while
 * completion is asked for; a second click finds it done.
 */
export function confirmRefusal(project: ProjectSnapshot, actor: Actor): ProjectError | null {
  if (project.status === "DONE") return "already-done";
  const people = deciderRefusal(
    { branchKey: project.branchKey, submittedBy: project.leadUserId },
    actor,
  );
  if (people) return people;
  if (project.status !== "COMPLETION_REQUESTED") return "not-requested";
  return null;
}

/**
 * Whether `actor` may name a new lead: a committee member, while the project is open and has no
 * lead (a second naming finds one named).
 */
export function nameLeadRefusal(
  project: Pick<ProjectSnapshot, "status" | "leadUserId">,
  actor: Actor,
): ProjectError | null {
  if (project.status === "DONE") return "already-done";
  if (!actor.committeeMember) return "committee-names-lead";
  if (project.leadUserId !== null) return "lead-named";
  return null;
}

// ---------- a new practical project (`/pbb project new`) ----------

export interface ProjectDraft {
  title: string;
  serves: string;
  branch: string;
  lead: string;
  goal: string;
  /** As typed: "120". */
  beneficiaries: string;
  /** One milestone a line: "2027-03-31 Survey the residents". */
  milestones: string;
}

export type ProjectDraftError =
  | "title-required"
  | "serves-required"
  | "unknown-branch"
  | "lead-required"
  | "unknown-lead"
  | "goal-required"
  | "bad-beneficiaries"
  | "milestones-required"
  | "bad-milestone"
  | "milestone-before-year"
  | "too-many-milestones";

export interface ProjectDraftProblem {
  field: "title" | "serves" | "branch" | "lead" | "goal" | "beneficiaries" | "milestones";
  error: ProjectDraftError;
  /** The line at fault, from 1 (milestones). */
  line?: number;
}

export const MAX_MILESTONES = 20;
const MILESTONE_LINE = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

/** The milestones as typed, one a line, or the first line at fault. */
export function parseMilestones(
  text: string,
  today: LocalDate,
): { milestones: { title: string; due: LocalDate }[] } | { problem: ProjectDraftProblem } {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return { problem: { field: "milestones", error: "milestones-required" } };
  if (lines.length > MAX_MILESTONES)
    return { problem: { field: "milestones", error: "too-many-milestones" } };
  const milestones: { title: string; due: LocalDate }[] = [];
  for (const [i, line] of lines.entries()) {
    const m = MILESTONE_LINE.exec(line);
    const due = m?.[1] ?? "";
    if (!m || Number.isNaN(Date.parse(`${due}T00:00:00Z`)) || addDays(due, 0) !== due)
      return { problem: { field: "milestones", error: "bad-milestone", line: i + 1 } };
    if (due.slice(0, 4) < today.slice(0, 4))
      return { problem: { field: "milestones", error: "milestone-before-year", line: i + 1 } };
    milestones.push({ title: (m[2] ?? "").trim().slice(0, 200), due });
  }
  milestones.sort((a, b) => a.due.localeCompare(b.due));
  return { milestones };
}

/** Every problem of a new project, by field (the modal shows each inline; nothing is stored). */
export function projectDraftProblems(
  draft: ProjectDraft,
  ctx: { today: LocalDate; branchKeys: readonly string[] },
): ProjectDraftProblem[] {
  const problems: ProjectDraftProblem[] = [];
  if (draft.title.trim() === "") problems.push({ field: "title", error: "title-required" });
  if (draft.serves.trim() === "") problems.push({ field: "serves", error: "serves-required" });
  if (!ctx.branchKeys.includes(draft.branch))
    problems.push({ field: "branch", error: "unknown-branch" });
  if (draft.lead.trim() === "") problems.push({ field: "lead", error: "lead-required" });
  if (draft.goal.trim() === "") problems.push({ field: "goal", error: "goal-required" });
  if (!/^\d{1,8}$/.test(draft.beneficiaries.trim()))
    problems.push({ field: "beneficiaries", error: "bad-beneficiaries" });
  const parsed = parseMilestones(draft.milestones, ctx.today);
  if ("problem" in parsed) problems.push(parsed.problem);
  return problems;
}
