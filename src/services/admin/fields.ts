/** Which field of an admin form a problem of the org (by its path in the org file) belongs to. */

import type { MessageKey } from "../../i18n/index.ts";
import {
  type AdminField,
  type AdminForm,
  SERVICE_PARTS,
  serviceField,
} from "../../slack/ids/admin.ts";

export interface FieldError {
  field: AdminField;
  key: MessageKey;
  params?: Record<string, string>;
}

type Path = readonly PropertyKey[];

const SCHEDULE_FIELDS: Record<string, AdminField<"schedules">> = {
  "monthlyReminder.time": "reminderTime",
  monthlyReminder: "reminderDay",
  "deadline.time": "deadlineTime",
  deadline: "deadlineDay",
  followUps: "followUps",
  workingDays: "workingDays",
  approvalReminderHours: "approvalReminderHours",
};

function scheduleField(rest: Path): AdminField<"schedules"> {
  const [first, second] = rest.map(String);
  return SCHEDULE_FIELDS[`${first}.${second}`] ?? SCHEDULE_FIELDS[first ?? ""] ?? "reminderDay";
}

function pick<F extends AdminField>(name: unknown, allowed: readonly F[], fallback: F): F {
  return allowed.find((f) => f === name) ?? fallback;
}

/**
 * The field at fault; `branchIndex` is where the edited branch sits in the changed org,
 * `serviceRows[i]` the modal's row its `services[i]` came from (-1: none).
 */
export function fieldFor(
  form: AdminForm,
  path: Path,
  branchIndex: number,
  serviceRows: readonly number[] = [],
): AdminField {
  const [top, second, third] = path;
  switch (form) {
    case "branch":
      if (top === "services") {
        const row = typeof second === "number" ? (serviceRows[second] ?? -1) : -1;
        const part = SERVICE_PARTS.find((p) => p === third) ?? "what";
        return row >= 0 ? serviceField(row, part) : "name";
      }
      return top === "branches" && second === branchIndex
        ? pick(
            third,
            ["key", "name", "channel", "secretaries", "members", "community"] as const,
            "name",
          )
        : "name";
    case "committee":
      return top === "committee"
        ? pick(second, ["channel", "members", "admins"] as const, "members")
        : "members";
    case "lecture":
      return top === "lectureHall"
        ? pick(
            second,
            [
              "channel",
              "roster",
              "weekday",
              "time",
              "noticeDaysBefore",
              "speakersPerSession",
            ] as const,
            "roster",
          )
        : "channel";
    case "schedules":
      return top === "schedules" ? scheduleField(path.slice(1)) : "reminderDay";
  }
}

/** The catalog message for a schema problem; the schema's own words when none fits better. */
export function messageFor(
  message: string,
  input: unknown,
  field: AdminField,
): Omit<FieldError, "field"> {
  if (message.startsWith("duplicate branch key")) {
    const quoted = /"([^"]*)"/.exec(message)?.[1] ?? String(input ?? "");
    return { key: "admin.error.duplicateKey", params: { value: quoted } };
  }
  if (message.startsWith("duplicate branch channel"))
    return { key: "admin.error.duplicateChannel" };
  if (field === "key" && message.startsWith("expected")) return { key: "admin.error.badKey" };
  if (message.startsWith("missing") || message.startsWith("must not be empty")) {
    return { key: "admin.error.required" };
  }
  return { key: "admin.error.schema", params: { message } };
}
