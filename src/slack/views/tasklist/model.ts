/** The view models the task-list builders render. Services fill them from the store. */

import type { Period } from "../../../domain/period.ts";
import type { RevisionStatus } from "../../../domain/task-list.ts";
import type { DraftItem } from "../../../domain/task-list-input.ts";
import type {
  Completion,
  ItemStatus,
  RevisionDiff,
  TaskCategory,
} from "../../../domain/task-list-items.ts";
import type { PlanOfferItem } from "./plan-offer.ts";

export interface BranchView {
  key: string;
  name: string;
  channelId: string;
  secretaries: readonly string[];
}

export interface ItemView {
  /** The stored item's id; needed for the done toggles. */
  id?: number;
  title: string;
  category: TaskCategory;
  ownerUserId: string | null;
  dueDate: string | null;
  expectedResult: string | null;
  status?: ItemStatus;
  doneBy?: string | null;
}

export interface DecisionView {
  kind: "APPROVED" | "RETURNED";
  by: string;
  at: Date;
  comment?: string | null;
}

export interface CommentView {
  authorId: string;
  text: string;
}

/** Common to every surface of one month's list. `tz` formats times as the org's wall clock. */
export interface ListContext {
  listId: number;
  branch: BranchView;
  period: Period;
  tz: string;
}

export type ReminderState = "waiting" | "submitted" | "returned" | "approved";

export interface ReminderView extends ListContext {
  state: ReminderState;
  deadlineAt: Date;
  /** The latest revision and who submitted it (submitted / returned / approved). */
  revision?: number;
  submittedBy?: string;
  submittedAt?: Date;
  decision?: DecisionView;
  /** An amendment of the approved plan: waiting for the committee, or returned. */
  amendment?: "under-review" | "returned" | null;
  /** A revision was withdrawn and nothing is waiting now. */
  withdrawnRevision?: number;
  commentCount: number;
  /** Unfinished items of last month that the modal will offer. */
  carriedOverCount?: number;
  /** The year's plan items due this month. */
  planDue?: readonly PlanOfferItem[];
}

/** A row of the task-list modal: its stable number and what to pre-fill. */
export interface ModalRow {
  row: number;
  item?: Partial<DraftItem>;
}

export interface ListModalView {
  listId?: number;
  branch: Pick<BranchView, "key" | "name">;
  period: Period;
  kind: "submit" | "resubmit" | "amend";
  /** The revision being revised, 0 for a first submission. */
  revision: number;
  rows: ModalRow[];
  nextRow: number;
  /** Where the pre-filled items came from, to say so at the top. */
  prefill?: "draft" | "returned" | "withdrawn" | "carried-over" | "in-force";
  /** The committee's comment on the returned revision. */
  returnComment?: string | null;
  deadlineAt?: Date;
  tz: string;
  /** Whom the owner picker offers: the branch's people first, the others after, apart. */
  owners?: OwnerChoices;
  /** The year's plan items due this month, offered as rows to tick (not yet in the rows). */
  planOffer?: readonly PlanOfferItem[];
}

export interface OwnerChoices {
  branch: readonly { id: string; name: string }[];
  others: readonly { id: string; name: string }[];
}

export type CommitteeState = "pending" | "approved" | "returned" | "withdrawn" | "superseded";

export const committeeStateOf = (status: RevisionStatus): CommitteeState =>
  (
    ({
      SUBMITTED: "pending",
      APPROVED: "approved",
      RETURNED: "returned",
      WITHDRAWN: "withdrawn",
      SUPERSEDED: "superseded",
    }) as const
  )[status];

export interface CommitteeView extends ListContext {
  state: CommitteeState;
  revision: number;
  isAmendment: boolean;
  submittedBy: string;
  submittedAt: Date;
  /** First submission after the deadline. */
  late?: boolean;
  items: ItemView[];
  /** Changes since the previous revision, for a resubmission or an amendment. */
  changes?: { since: number; diff: RevisionDiff<ItemView> };
  comments: { count: number; latest: CommentView[] };
  decision?: DecisionView;
  withdrawnAt?: Date;
}

export interface RevisionView extends ListContext {
  revision: number;
  submittedBy: string;
}

export interface FullListView extends ListContext {
  revision: number;
  state: CommitteeState;
  items: ItemView[];
}

export interface PlanView extends ListContext {
  revision: number;
  approvedBy: string;
  approvedAt: Date;
  items: ItemView[];
  amendmentUnderReview?: boolean;
  /** The month is over: no more toggles. */
  closed?: boolean;
}

export interface ReturnedNoticeView extends ListContext {
  revision: number;
  isAmendment: boolean;
  decision: DecisionView;
  /** Set once a new revision was submitted: the Revise button goes. */
  resubmittedAs?: number;
}

export interface SecretaryDmView extends ListContext {
  revision: number;
  isAmendment: boolean;
  decision: DecisionView;
}

export interface FollowUpView extends ListContext {
  deadlineAt: Date;
  state: "not-submitted" | "returned";
}

export interface OverdueView {
  period: Period;
  tz: string;
  deadlineAt: Date;
  branches: { branch: BranchView; state: "DRAFT" | "RETURNED" }[];
}

export interface ApprovalWaitingView {
  thresholdHours: number;
  lists: {
    listId: number;
    branch: BranchView;
    period: Period;
    revision: number;
    waitingHours: number;
    link?: string;
  }[];
}

export interface MonthSummaryView {
  period: Period;
  rows: {
    branch: BranchView;
    state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
    /** null: never submitted. */
    onTime: boolean | null;
    completion: Completion | null;
  }[];
}

export type { SlackMessage } from "../../../ports/tasklist.ts";
