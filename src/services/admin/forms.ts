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

function withBranch(org: Org, f: BranchForm): Branch[] {
  const others = org.branches.filter((b) => b.key !== f.editing);
  if (f.deactivate && f.editing !== null) return others;
  const current = org.branches.find((b) => b.key === f.editing);
  const next: Branch = {
    ...(current ?? {}),
    key: f.editing ?? clean(f.key),
    name: clean(f.name),
    channel: f.channel,
    secretaries: f.secretaries,
    members: f.members,
  };
  if (current === undefined) return [...org.branches, next];
  return org.branches.map((b) => (b.key === f.editing ? next : b));
}

/**
 * The org with the form's change applied, as an org file would state it: not yet valid (the
 * org schema decides), so typed as plain data.
 */
export function changedOrg(org: Org, change: AdminChange): Record<string, unknown> {
  switch (change.form) {
    case "branch":
      return { ...org, branches: withBranch(org, change.values) };
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
