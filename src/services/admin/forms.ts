/**
 * What the admin modals submit, as plain values, and how each form changes the org: the result
 * is an org file's content, validated by the same schema as the file (see save-change.ts).
 */
import type { Branch, Org } from "../../config/org-schema.ts";

export interface BranchForm {
  /** The key of the branch being edited (from the view), or null for a new branch. */
  editing: string | null;
  key: string;
  name: string;
  channel: string;
  secretaries: string[];
  members: string[];
  /** The branch's joint-construction community (empty: none). */
  community: string;
  /** Its services this year, one a line: "category | frequency | what | lead" (lead optional). */
  services: string;
  deactivate: boolean;
}

export interface CommitteeForm {
  channel: string;
  members: string[];
  admins: string[];
}

export interface LectureForm {
  channel: string;
  roster: string[];
  weekday: string;
  time: string;
  noticeDaysBefore: string;
  speakersPerSession: string;
}

export interface SchedulesForm {
  reminderDay: string;
  reminderTime: string;
  deadlineDay: string;
  deadlineTime: string;
  followUps: string;
  workingDays: string;
  approvalReminderHours: string;
}

export type AdminChange =
  | { form: "branch"; values: BranchForm }
  | { form: "committee"; values: CommitteeForm }
  | { form: "lecture"; values: LectureForm }
  | { form: "schedules"; values: SchedulesForm };

/** A number typed in a field; text that is not one stays text, so the schema names it. */
export function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/** "3 09:00, 4 15:00" → day/time pairs; null when a part is not "day time". */
export function parseFollowUps(text: string): { day: number | string; time: string }[] | null {
  const parts = text
    .split(/[,，;；\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const out: { day: number | string; time: string }[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2})\s+(\d{1,2}:\d{2})$/.exec(part);
    if (!match) return null;
    out.push({ day: Number(match[1]), time: match[2] ?? "" });
  }
  return out;
}

const clean = (text: string) => text.trim();

/** A branch's service as the form's line states it ("category | frequency | what | lead"). */
export type ServiceLine = Record<"branch" | "category" | "frequency" | "what" | "lead", string>;

/**
 * The form's service lines for `branch`, or null when a line has not 3 or 4 parts; a line
 * without a lead is led by the branch's first secretary. The org schema checks each part.
 */
export function parseServiceLines(text: string, branch: string, secretary: string) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const out: ServiceLine[] = [];
  for (const line of lines) {
    const parts = line.split(/[|｜]/).map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4 || parts.some((p, i) => p === "" && i < 3))
      return null;
    const [category = "", frequency = "", what = "", lead = ""] = parts;
    const id = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(lead)?.[1] ?? lead;
    out.push({ branch, category, frequency, what, lead: id || secretary });
  }
  return out;
}

/** The branch's services as the form shows them, one a line. */
export const serviceLinesOf = (org: Org, branch: string): string =>
  (org.services ?? [])
    .filter((s) => s.branch === branch)
    .map((s) => [s.category, s.frequency, s.what, s.lead].join(" | "))
    .join("\n");

function withBranch(org: Org, f: BranchForm): Branch[] {
  const others = org.branches.filter((b) => b.key !== f.editing);
  if (f.deactivate && f.editing !== null) return others;
  const current = org.branches.find((b) => b.key === f.editing);
  const { community: _was, ...rest } = current ?? {};
  const community = clean(f.community);
  const next: Branch = {
    ...rest,
    key: f.editing ?? clean(f.key),
    name: clean(f.name),
    channel: f.channel,
    secretaries: f.secretaries,
    members: f.members,
    ...(community ? { community } : {}),
  };
  if (current === undefined) return [...org.branches, next];
  return org.branches.map((b) => (b.key === f.editing ? next : b));
}

/** The org's services with the form's branch's replaced by its lines (none once deactivated). */
function withServices(org: Org, f: BranchForm): unknown[] | undefined {
  const key = f.editing ?? clean(f.key);
  const others = (org.services ?? []).filter((s) => s.branch !== key);
  const mine = f.deactivate
    ? []
    : (parseServiceLines(f.services, key, f.secretaries[0] ?? "") ?? []);
  const all = [...others, ...mine];
  return all.length > 0 || org.services ? all : undefined;
}

/**
 * The org with the form's change applied, as an org file would state it: not yet valid (the
 * org schema decides), so typed as plain data.
 */
export function changedOrg(org: Org, change: AdminChange): Record<string, unknown> {
  switch (change.form) {
    case "branch": {
      const services = withServices(org, change.values);
      return {
        ...org,
        branches: withBranch(org, change.values),
        ...(services ? { services } : {}),
      };
    }
    case "committee":
      return { ...org, committee: { ...change.values } };
    case "lecture": {
      const f = change.values;
      const base = org.lectureHall;
      return {
        ...org,
        lectureHall: {
          ...(base ?? { syncWithChannel: false, skipPublicHolidays: true }),
          channel: f.channel,
          roster: f.roster,
          weekday: f.weekday,
          time: f.time,
          noticeDaysBefore: numberOf(f.noticeDaysBefore),
          speakersPerSession: numberOf(f.speakersPerSession),
        },
      };
    }
    case "schedules": {
      const f = change.values;
      return {
        ...org,
        schedules: {
          ...org.schedules,
          monthlyReminder: { day: numberOf(f.reminderDay), time: f.reminderTime },
          deadline: { day: numberOf(f.deadlineDay), time: f.deadlineTime },
          followUps: parseFollowUps(f.followUps) ?? [],
          workingDays: f.workingDays,
          approvalReminderHours: numberOf(f.approvalReminderHours),
        },
      };
    }
  }
}
