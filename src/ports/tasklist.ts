/**
 * What the round trip's presenter (src/slack/views/tasklist/present.ts) is given: the list as
 * stored, the org's settings, and what a use case decided. A use case that writes a message in
 * the transaction of its change (the outbox) calls the presenter it was given
 * (`TasklistDeps.presenters.tasklist`); one that answers a click returns what it found and the
 * listener has it presented.
 */
import type { KnownBlock } from "@slack/types";
import type {
  BranchRecord,
  ListRecord,
  PersonName,
  RevisionRecord,
} from "../db/repositories/tasklist.ts";
import type { ListState } from "../domain/task-list.ts";
import type { DraftItem, RawItemRow } from "../domain/task-list-input.ts";
import type { Completion } from "../domain/task-list-items.ts";
import type { Deps } from "../services/kit/result.ts";
import type { TasklistOrg } from "../services/tasklist/org.ts";
import type { DuePlanItem } from "./annual-plans.ts";

export type {
  BranchRecord,
  DecisionRecord,
  ItemRecord,
  ListRecord,
  RevisionRecord,
} from "../db/repositories/tasklist.ts";
export type { TasklistOrg } from "../services/tasklist/org.ts";

/** A message: blocks and the plain-text fallback notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The branches late at the deadline, for the committee. */
export interface OverdueInput {
  period: string;
  deadlineAt: Date;
  branches: { branch: BranchRecord; state: "DRAFT" | "RETURNED" }[];
}

/** The lists waiting for a decision longer than the threshold. */
export interface ApprovalWaitingInput {
  thresholdHours: number;
  lists: { rec: ListRecord; waitingHours: number }[];
}

/** Each branch's month at its end. */
export interface MonthSummaryInput {
  period: string;
  rows: {
    branch: BranchRecord;
    state: ListState;
    /** null: never submitted. */
    onTime: boolean | null;
    completion: Completion | null;
  }[];
}

/** The task-list modal as a use case found it: the list, the kind of submission, its rows. */
export interface ListForm {
  rec: ListRecord;
  kind: "submit" | "resubmit" | "amend";
  /** Items to pre-fill (opening), or the rows as typed with one added or removed. */
  rows:
    | { items: Partial<DraftItem>[]; from?: ListFormSource }
    | { raw: RawItemRow[]; nextRow: number; change: { add: true } | { remove: number } };
  /** Whom the owner picker offers: the branch's people, then the others. */
  owners?: { branch: PersonName[]; others: PersonName[] };
  /** The year's plan items due this month that no row carries yet. */
  planOffer?: readonly DuePlanItem[];
}

export type ListFormSource = "draft" | "returned" | "withdrawn" | "carried-over" | "in-force";

/** What the task-list modal's private_metadata tells a use case about the list it was for. */
export interface ListModalTarget {
  listId?: number;
  branchKey: string;
  period: string;
  nextRow: number;
}

/** What the reminder says besides the list: last month's unfinished items, the plan items due. */
export interface ReminderExtras {
  carriedOver: number;
  planDue: readonly DuePlanItem[];
}

/** The round trip's messages, rendered from the list as it is now. */
export interface TasklistPresenter {
  reminder(rec: ListRecord, org: TasklistOrg, extras?: ReminderExtras): SlackMessage;
  /** A follow-up for a branch that has not submitted (or whose list was returned). */
  followUp(rec: ListRecord, org: TasklistOrg): SlackMessage;
  committee(
    rec: ListRecord,
    rev: RevisionRecord,
    org: TasklistOrg,
    withdrawnAt?: Date,
  ): SlackMessage;
  /** The plan in force in the branch's channel; null before one was approved. */
  plan(rec: ListRecord, org: TasklistOrg): SlackMessage | null;
  /** The returned notice in the branch's channel; null for an undecided revision. */
  returned(rec: ListRecord, rev: RevisionRecord, org: TasklistOrg): SlackMessage | null;
  secretaryDm(rec: ListRecord, rev: RevisionRecord, org: TasklistOrg): SlackMessage | null;
  overdue(input: OverdueInput, org: TasklistOrg): SlackMessage;
  approvalWaiting(input: ApprovalWaitingInput, org: TasklistOrg): SlackMessage;
  monthSummary(input: MonthSummaryInput, org: TasklistOrg): SlackMessage;
}

/** What a round-trip use case that writes messages is given. */
export interface TasklistDeps extends Deps {
  presenters: { tasklist: TasklistPresenter };
}
