/**
 * What the admin modals submit, as plain values, and how each form changes the org: the result
 * is an org file's content, validated by the same schema as the file (see save-change.ts).
 */
import type { Branch, Org } from "../../config/org-schema.ts";
import { SERVICE_CATEGORIES, SERVICE_FREQUENCIES } from "../../domain/service-list.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { type ServiceField, serviceField } from "../../slack/ids/admin.ts";

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
  /** Its services this year, one a row as picked (a row without a description states none). */
  services: ServiceRow[];
  /**
   * How many of the branch's services the modal showed (its first ones): those after them were
   * not shown and stay as they are.
   */
  servicesShown: number;
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

/** One service row of the branch modal as picked: empty strings where nothing is. */
export interface ServiceRow {
  what: string;
  category: string;
  frequency: string;
  /** A user id; empty: the branch's first secretary. */
  lead: string;
}

/**
 * The rows that state a service, with their place in the modal. A row without a description
 * states none: that is how a service is removed, since Slack offers no way to clear a select.
 */
export const filledRows = (rows: readonly ServiceRow[]) =>
  rows.flatMap((r, row) => (r.what.trim() === "" ? [] : [{ ...r, row }]));

/** The branch's services in the org, in the order of the file. */
export const servicesOf = (org: Org, branch: string) =>
  (org.services ?? []).filter((s) => s.branch === branch);

/** Everyone the org names as a member of the organisation: the committee and active branches. */
export const organisationPeople = (org: Org): Set<string> =>
  new Set([
    ...org.committee.members,
    ...org.committee.admins,
    ...org.branches.flatMap((b) => [...b.secretaries, ...b.members]),
  ]);

/** A filled row without a category or a frequency of the catalog, on the field at fault. */
export function serviceRowErrors(
  rows: readonly ServiceRow[],
): { field: ServiceField; key: MessageKey }[] {
  const known = (list: readonly string[], value: string) => list.includes(value);
  return filledRows(rows).flatMap((r) => [
    ...(known(SERVICE_CATEGORIES, r.category)
      ? []
      : [{ field: serviceField(r.row, "category"), key: "admin.error.serviceCategory" as const }]),
    ...(known(SERVICE_FREQUENCIES, r.frequency)
      ? []
      : [
          {
            field: serviceField(r.row, "frequency"),
            key: "admin.error.serviceFrequency" as const,
          },
        ]),
  ]);
}

/** Picked leads who are not in `next` (the org as the form would leave it), by their row. */
export function leadErrors(next: Org, f: BranchForm): { field: ServiceField; key: MessageKey }[] {
  if (f.deactivate) return [];
  const people = organisationPeople(next);
  return filledRows(f.services)
    .filter((r) => r.lead !== "" && !people.has(r.lead))
    .map((r) => ({ field: serviceField(r.row, "lead"), key: "admin.error.serviceLead" as const }));
}

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

/**
 * The org's services with the form's branch's replaced by its filled rows, then those of its
 * services the modal did not show (none once deactivated). Each row keeps its place: `rows[i]`
 * is where the changed org's `services[i]` came from (-1: not from a row).
 */
export function withServices(org: Org, f: BranchForm): { services?: unknown[]; rows: number[] } {
  const key = f.editing ?? clean(f.key);
  const others = (org.services ?? []).filter((s) => s.branch !== key);
  const filled = f.deactivate ? [] : filledRows(f.services);
  const kept = f.deactivate ? [] : servicesOf(org, key).slice(f.servicesShown);
  const mine = filled.map((r) => ({
    branch: key,
    category: r.category,
    frequency: r.frequency,
    what: clean(r.what),
    lead: r.lead || (f.secretaries[0] ?? ""),
  }));
  const all = [...others, ...mine, ...kept];
  const rows = [...others.map(() => -1), ...filled.map((r) => r.row), ...kept.map(() => -1)];
  return all.length > 0 || org.services ? { services: all, rows } : { rows };
}

/**
 * The org with the form's change applied, as an org file would state it: not yet valid (the
 * org schema decides), so typed as plain data.
 */
export function changedOrg(org: Org, change: AdminChange): Record<string, unknown> {
  switch (change.form) {
    case "branch": {
      const { services } = withServices(org, change.values);
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
