/** Reading an admin modal's state.values into the form its service takes. */
import type {
  BranchForm,
  CommitteeForm,
  LectureForm,
  SchedulesForm,
  ServiceRow,
} from "../../../ports/admin.ts";
import { fieldId, type ServicePart, serviceField, serviceFieldOf } from "../../ids/admin.ts";
import type { AdminMetadata } from "./metadata.ts";

/** Slack's state entry of one input, as far as the admin forms read it. */
export interface InputState {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_users?: string[] | null;
  selected_conversation?: string | null;
  selected_channel?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
}

export type StateValues = Record<string, Record<string, InputState>>;

const entry = (values: StateValues, name: string): InputState =>
  values[fieldId(name)]?.[fieldId(name)] ?? {};

const str = (values: StateValues, name: string): string => {
  const e = entry(values, name);
  return (
    e.value ??
    e.selected_time ??
    e.selected_option?.value ??
    e.selected_conversation ??
    e.selected_channel ??
    ""
  );
};
const list = (values: StateValues, name: string): string[] =>
  entry(values, name).selected_users ?? [];
const checked = (values: StateValues, name: string): boolean =>
  (entry(values, name).selected_options ?? []).length > 0;

/** The branch modal's service rows, in their order, whichever rows the view had. */
function serviceRowsOf(values: StateValues): ServiceRow[] {
  const rows = Object.keys(values).flatMap((block) => {
    const f = serviceFieldOf(block.replace(/^admin_/, ""));
    return f && block === fieldId(serviceField(f.row, f.part)) ? [f.row] : [];
  });
  const count = rows.length === 0 ? 0 : Math.max(...rows) + 1;
  const part = (row: number, p: ServicePart) => {
    const e = entry(values, serviceField(row, p));
    return (e.value ?? e.selected_option?.value ?? e.selected_user ?? "").trim();
  };
  return Array.from({ length: count }, (_, row) => ({
    what: part(row, "what"),
    category: part(row, "category"),
    frequency: part(row, "frequency"),
    lead: part(row, "lead"),
  }));
}

export function readBranchForm(
  values: StateValues,
  meta: Pick<AdminMetadata, "editing" | "servicesShown">,
): BranchForm {
  const { editing } = meta;
  return {
    editing,
    key: str(values, "key"),
    name: str(values, "name"),
    channel: str(values, "channel"),
    secretaries: list(values, "secretaries"),
    members: list(values, "members"),
    community: str(values, "community"),
    services: serviceRowsOf(values),
    servicesShown: meta.servicesShown,
    deactivate: checked(values, "deactivate"),
  };
}

export const readCommitteeForm = (values: StateValues): CommitteeForm => ({
  channel: str(values, "channel"),
  members: list(values, "members"),
  admins: list(values, "admins"),
});

export const readLectureForm = (values: StateValues): LectureForm => ({
  channel: str(values, "channel"),
  roster: list(values, "roster"),
  weekday: str(values, "weekday"),
  time: str(values, "time"),
  noticeDaysBefore: str(values, "noticeDaysBefore"),
  speakersPerSession: str(values, "speakersPerSession"),
});

export const readSchedulesForm = (values: StateValues): SchedulesForm => ({
  reminderDay: str(values, "reminderDay"),
  reminderTime: str(values, "reminderTime"),
  deadlineDay: str(values, "deadlineDay"),
  deadlineTime: str(values, "deadlineTime"),
  followUps: str(values, "followUps"),
  workingDays: str(values, "workingDays"),
  approvalReminderHours: str(values, "approvalReminderHours"),
});
