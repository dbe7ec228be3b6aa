/**
 * What the responsibility lists' presenter (src/slack/views/responsibilities/) is given: each
 * item as it stands today, the mark form, the admin's editor, the chair's overview.
 */
import type { ItemStanding, RawPlanRow } from "../domain/annual-plan.ts";
import type { Locale, Translator } from "../i18n/index.ts";

export interface DutyView {
  id: number;
  /** "committee" or a committee member's user id. */
  owner: string;
  duty: string;
  /** "m3" / "q2". */
  target: string;
  result: string | null;
  standing: ItemStanding;
  progress: string | null;
  movedFrom: string | null;
}

/** Items on one mark modal at most (two or three inputs each: within Slack's 100 blocks). */
export const MAX_MARK_ITEMS = 30;
/** Rows of the admin's list editor (three inputs each). */
export const MAX_EDIT_ROWS = 30;

export interface DutyMarkForm {
  year: number;
  /** The items the person may mark, overdue first (at most MAX_MARK_ITEMS). */
  items: DutyView[];
  /** Items left off the modal. */
  more: number;
  /** The month a moved item may target at the earliest (this month). */
  firstMonth: number;
}

export interface DutyEditForm {
  year: number;
  owner: string;
  rows: RawPlanRow[];
}

export interface DutyOwnerCounts {
  owner: string;
  done: number;
  inProgress: number;
  overdue: number;
}

/** The chair's view: counts per list, overdue items first. */
export interface DutyOverview {
  year: number;
  owners: DutyOwnerCounts[];
  overdue: DutyView[];
}

export interface DutyEnv {
  locale: Locale;
  t: Translator;
  timezone: string;
  today: string;
  year: number;
}

/** One item's answer as read from the modal. */
export interface DutyMarkInput {
  id: number;
  done: boolean;
  note: string | null;
  /** A new target for an overdue item ("m9" / "q4"), the note being the reason. */
  movedTo: string | null;
}

export type DutyMarkProblem = {
  id: number;
  field: "note" | "move";
  error: "reasonRequired" | "targetOutsideYear" | "resultTooLong";
};

/** The responsibility lists on the Home: a committee member's counts, the chair's overview. */
export interface DutyHomeView {
  year: number;
  /** The person's items and the committee's (null: not on the committee, or no items). */
  mine: { done: number; inProgress: number; overdue: number } | null;
  /** Everyone's, for a system admin. */
  overview: DutyOverview | null;
}

/** A committee member's quarter check: their items and the committee's targeted in the quarter. */
export interface DutyCheckMessage {
  year: number;
  quarter: number;
  items: DutyView[];
  done: number;
  inProgress: number;
  overdue: number;
}

/** What the quarter check is given to render its DM (src/slack/views/responsibilities/check.ts). */
export interface DutyCheckPresenter {
  checkDm(m: DutyCheckMessage, t: Translator): { text: string; blocks: readonly unknown[] };
}
