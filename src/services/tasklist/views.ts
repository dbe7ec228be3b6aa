/**
 * From a stored list to the view models its surfaces render (pure). Every message about a list
 * is rendered from the list as it is after the change, so an update never drifts from the state.
 */
import type {
  BranchRecord,
  DecisionRecord,
  ItemRecord,
  ListRecord,
  RevisionRecord,
} from "../../db/repositories/tasklist.ts";
import { isLate, listDeadline, monthSchedule } from "../../domain/month-schedule.ts";
import { amendmentUnderReview, type ListSnapshot } from "../../domain/task-list.ts";
import { diffRevisions } from "../../domain/task-list-items.ts";
import {
  type BranchView,
  type CommitteeView,
  committeeStateOf,
  type DecisionView,
  type FullListView,
  type ItemView,
  type ListContext,
  type PlanView,
  type ReminderState,
  type ReminderView,
  type ReturnedNoticeView,
  type RevisionView,
  type SecretaryDmView,
} from "../../slack/views/tasklist/index.ts";
import type { TasklistOrg } from "./org.ts";

export const branchView = (b: BranchRecord): BranchView => ({
  key: b.key,
  name: b.name,
  channelId: b.channelId,
  secretaries: b.secretaries,
});

export const itemView = (i: ItemRecord): ItemView => ({
  id: i.id,
  title: i.title,
  category: i.category,
  ownerUserId: i.ownerUserId,
  dueDate: i.dueDate,
  expectedResult: i.expectedResult,
  status: i.status,
  doneBy: i.doneBy,
});

const decisionView = (d: DecisionRecord): DecisionView => ({
  kind: d.kind,
  by: d.decidedBy,
  at: d.decidedAt,
  comment: d.comment,
});

export const revisionOf = (rec: ListRecord, n: number | null): RevisionRecord | undefined =>
  n === null ? undefined : rec.revisions.find((r) => r.number === n);

export const latestRevision = (rec: ListRecord): RevisionRecord | undefined =>
  revisionOf(rec, rec.currentRevision);

export function snapshotOf(rec: ListRecord): ListSnapshot {
  return {
    branchKey: rec.branch.key,
    state: rec.state,
    revision: rec.currentRevision,
    revisionStatus: latestRevision(rec)?.status ?? null,
    approvedRevision: rec.approvedRevision,
    submittedBy: latestRevision(rec)?.submittedBy ?? null,
  };
}

const contextOf = (rec: ListRecord, org: TasklistOrg): ListContext => ({
  listId: rec.id,
  branch: branchView(rec.branch),
  period: rec.period,
  tz: org.tz,
});

export const deadlineOf = (rec: ListRecord, org: TasklistOrg): Date =>
  listDeadline(rec, (p) => monthSchedule(org.schedule, org.calendar, p).deadline.at);

const REMINDER_STATE: Record<ListRecord["state"], ReminderState> = {
  DRAFT: "waiting",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
};

export function reminderView(
  rec: ListRecord,
  org: TasklistOrg,
  carriedOverCount = 0,
): ReminderView {
  const state = REMINDER_STATE[rec.state];
  const latest = latestRevision(rec);
  const shown = state === "approved" ? revisionOf(rec, rec.approvedRevision) : latest;
  const view: ReminderView = {
    ...contextOf(rec, org),
    state,
    deadlineAt: deadlineOf(rec, org),
    commentCount: rec.comments.count,
    carriedOverCount,
  };
  if (shown && state !== "waiting") {
    view.revision = shown.number;
    view.submittedBy = shown.submittedBy;
    view.submittedAt = shown.submittedAt;
    if (shown.decision) view.decision = decisionView(shown.decision);
  }
  if (state === "approved" && latest && latest.number !== rec.approvedRevision) {
    view.amendment =
      latest.status === "SUBMITTED"
        ? "under-review"
        : latest.status === "RETURNED"
          ? "returned"
          : null;
  }
  if (latest?.status === "WITHDRAWN") view.withdrawnRevision = latest.number;
  return view;
}

/** The revision the one numbered `n` is compared with: the plan in force then, or the last one. */
function previousOf(rec: ListRecord, rev: RevisionRecord): RevisionRecord | undefined {
  if (!rev.isAmendment) return revisionOf(rec, rev.number - 1);
  return rec.revisions
    .filter((r) => r.number < rev.number && (r.status === "APPROVED" || r.status === "SUPERSEDED"))
    .at(-1);
}

export function committeeView(
  rec: ListRecord,
  rev: RevisionRecord,
  org: TasklistOrg,
  withdrawnAt?: Date,
): CommitteeView {
  const items = rev.items.map(itemView);
  const view: CommitteeView = {
    ...contextOf(rec, org),
    state: committeeStateOf(rev.status),
    revision: rev.number,
    isAmendment: rev.isAmendment,
    submittedBy: rev.submittedBy,
    submittedAt: rev.submittedAt,
    late: isLate(rec.firstSubmittedAt, deadlineOf(rec, org)),
    items,
    comments: rec.comments,
  };
  const previous = previousOf(rec, rev);
  if (previous) {
    // Items of the plan in force carry statuses: compare what was planned, not progress.
    const plain = (list: ItemView[]) => list.map(({ status: _s, doneBy: _d, ...i }) => i);
    view.changes = {
      since: previous.number,
      diff: diffRevisions(plain(previous.items.map(itemView)), plain(items)),
    };
  }
  if (rev.decision) view.decision = decisionView(rev.decision);
  if (withdrawnAt) view.withdrawnAt = withdrawnAt;
  return view;
}

export function planView(rec: ListRecord, org: TasklistOrg): PlanView | null {
  const rev = revisionOf(rec, rec.approvedRevision);
  if (!rev?.decision) return null;
  return {
    ...contextOf(rec, org),
    revision: rev.number,
    approvedBy: rev.decision.decidedBy,
    approvedAt: rev.decision.decidedAt,
    items: rev.items.map(itemView),
    amendmentUnderReview: amendmentUnderReview(snapshotOf(rec)),
  };
}

export function returnedNoticeView(
  rec: ListRecord,
  rev: RevisionRecord,
  org: TasklistOrg,
): ReturnedNoticeView | null {
  if (!rev.decision) return null;
  const next = revisionOf(rec, rev.number + 1);
  const view: ReturnedNoticeView = {
    ...contextOf(rec, org),
    revision: rev.number,
    isAmendment: rev.isAmendment,
    decision: decisionView(rev.decision),
  };
  if (next) view.resubmittedAs = next.number;
  return view;
}

export function secretaryDmView(
  rec: ListRecord,
  rev: RevisionRecord,
  org: TasklistOrg,
): SecretaryDmView | null {
  if (!rev.decision) return null;
  return {
    ...contextOf(rec, org),
    revision: rev.number,
    isAmendment: rev.isAmendment,
    decision: decisionView(rev.decision),
  };
}

export const revisionView = (
  rec: ListRecord,
  rev: RevisionRecord,
  org: TasklistOrg,
): RevisionView => ({ ...contextOf(rec, org), revision: rev.number, submittedBy: rev.submittedBy });

export const fullListView = (
  rec: ListRecord,
  rev: RevisionRecord,
  org: TasklistOrg,
): FullListView => ({
  ...contextOf(rec, org),
  revision: rev.number,
  state: committeeStateOf(rev.status),
  items: rev.items.map(itemView),
});
