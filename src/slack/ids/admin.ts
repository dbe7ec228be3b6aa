/**
 * Every callback_id, action_id and block_id of the admin modals. An input's block_id and
 * action_id are both `admin_<field>`, so a field error names its block directly.
 */

export const ADMIN_CALLBACK = {
  /** The admin menu opened by `/pbb admin` (root of the stack). */
  home: "admin_home",
  branch: "admin_branch",
  committee: "admin_committee",
  lecture: "admin_lecture",
  schedules: "admin_schedules",
  /** Read-only: "you are not an admin". */
  refused: "admin_refused",
} as const;

export const ADMIN_ACTION = {
  addBranch: "admin_open_add_branch",
  /** value: the branch key. */
  editBranch: "admin_open_edit_branch",
  editCommittee: "admin_open_committee",
  editLecture: "admin_open_lecture",
  editSchedules: "admin_open_schedules",
} as const;

export type AdminForm = "branch" | "committee" | "lecture" | "schedules";

export const ADMIN_FIELDS = {
  branch: ["key", "name", "channel", "secretaries", "members", "community", "deactivate"],
  committee: ["channel", "members", "admins"],
  lecture: ["channel", "roster", "weekday", "time", "noticeDaysBefore", "speakersPerSession"],
  schedules: [
    "reminderDay",
    "reminderTime",
    "deadlineDay",
    "deadlineTime",
    "followUps",
    "workingDays",
    "approvalReminderHours",
  ],
} as const satisfies Record<AdminForm, readonly string[]>;

/** The parts of one service row of the branch modal, in the order shown. */
export const SERVICE_PARTS = ["what", "category", "frequency", "lead"] as const;
export type ServicePart = (typeof SERVICE_PARTS)[number];

/** One part of the branch modal's service row `row` (from 0). */
export type ServiceField = `service${number}_${ServicePart}`;
export const serviceField = (row: number, part: ServicePart): ServiceField =>
  `service${row}_${part}`;

/** The row and part a service field names, or null for another field. */
export function serviceFieldOf(field: string): { row: number; part: ServicePart } | null {
  const m = /^service(\d+)_(\w+)$/.exec(field);
  const part = SERVICE_PARTS.find((p) => p === m?.[2]);
  return m && part ? { row: Number(m[1]), part } : null;
}

export type AdminField<F extends AdminForm = AdminForm> =
  | (typeof ADMIN_FIELDS)[F][number]
  | (F extends "branch" ? ServiceField : never);

/** The admin menu's section of one branch. */
export const branchBlockId = (key: string): string => `admin_branch_${key}`;

/** The block_id (and action_id) of a field's input. */
export const fieldId = (field: string): string => `admin_${field}`;
