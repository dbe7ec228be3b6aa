/**
 * The round trip's presenter: from a stored list to the view models its surfaces render, and
 * from those to Block Kit (pure). Every message about a list is rendered from the list as it is
 * after the change, so an update never drifts from the state.
 */
import { isLate, listDeadline, monthSchedule } from "../../../domain/month-schedule.ts";
import {
  amendmentUnderReview,
  latestRevision,
  revisionOf,
  snapshotOf,
} from "../../../domain/task-list.ts";
import { diffRevisions } from "../../../domain/task-list-items.ts";
import type {
  ApprovalWaitingInput,
  BranchRecord,
  DecisionRecord,
  ItemRecord,
  ListForm,
  ListRecord,
  MonthSummaryInput,
  OverdueInput,
  ReminderExtras,
  RevisionRecord,
  TasklistOrg,
  TasklistPresenter,
} from "../../../ports/tasklist.ts";
import { buildCommitteeMessage } from "./committee.ts";
import { buildFullListModal, buildReturnModal } from "./decision-modals.ts";
import { buildListModal } from "./list-modal.ts";
import { addRow, removeRow, rowsFromItems, rowsFromRaw } from "./modal-rows.ts";
import {
  type BranchView,
  type CommitteeView,
  committeeStateOf,
  type DecisionView,
  type FullListView,
  type ItemView,
  type ListContext,
  type ListModalView,
  type PlanView,
  type ReminderState,
  type ReminderView,
  type ReturnedNoticeView,
  type RevisionView,
  type SecretaryDmView,
} from "./model.ts";
import { buildFollowUp, buildReturnedNotice, buildSecretaryDm } from "./notices.ts";
import { buildPlanMessage } from "./plan.ts";
import { buildReminder } from "./reminder.ts";
import { buildApprovalWaiting, buildMonthSummary, buildOverdueList } from "./reports.ts";

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
  extras?: ReminderExtras,
): ReminderView {
  const state = REMINDER_STATE[rec.state];
  const latest = latestRevision(rec);
  const shown = state === "approved" ? revisionOf(rec, rec.approvedRevision) : latest;
  const view: ReminderView = {
    ...contextOf(rec, org),
    state,
    deadlineAt: deadlineOf(rec, org),
    commentCount: rec.comments.count,
    carriedOverCount: extras?.carriedOver ?? 0,
    ...(extras?.planDue.length ? { planDue: extras.planDue } : {}),
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

const modalBase = (rec: ListRecord, org: TasklistOrg, kind: ListForm["kind"]): ListModalView => {
  const latest = latestRevision(rec);
  const view: ListModalView = {
    listId: rec.id,
    branch: { key: rec.branch.key, name: rec.branch.name },
    period: rec.period,
    kind,
    revision:
      kind === "submit" ? 0 : kind === "amend" ? (rec.approvedRevision ?? 0) : rec.currentRevision,
    rows: [],
    nextRow: 0,
    tz: org.tz,
  };
  if (kind === "submit") view.deadlineAt = deadlineOf(rec, org);
  if (latest?.status === "RETURNED" && latest.decision?.comment)
    view.returnComment = latest.decision.comment;
  return view;
};

export function listModalView(
  { rec, kind, rows, owners, planOffer }: ListForm,
  org: TasklistOrg,
): ListModalView {
  const base: ListModalView = {
    ...modalBase(rec, org, kind),
    ...(owners ? { owners } : {}),
    ...(planOffer?.length ? { planOffer } : {}),
  };
  if ("items" in rows) {
    // Plan items to tick and nothing pre-filled: no empty row (its required title would stop a
    // list made only of ticked items); "Add item" gives one.
    const empty = rows.items.length === 0 && (planOffer?.length ?? 0) > 0;
    const view: ListModalView = {
      ...base,
      ...(empty ? { rows: [], nextRow: 0 } : rowsFromItems(rows.items)),
    };
    if (rows.from) view.prefill = rows.from;
    return view;
  }
  const current: ListModalView = { ...base, rows: rowsFromRaw(rows.raw), nextRow: rows.nextRow };
  return "add" in rows.change ? addRow(current) : removeRow(current, rows.change.remove);
}

/** The task-list modal for what a use case found. */
export const listModal = (form: { form: ListForm; org: TasklistOrg }) =>
  buildListModal(listModalView(form.form, form.org), form.org.t);

/** The modal asking for the comment of a return. */
export const returnModal = (r: { rec: ListRecord; rev: RevisionRecord; org: TasklistOrg }) =>
  buildReturnModal(revisionView(r.rec, r.rev, r.org), r.org.t);

/** The read-only full list. */
export const fullListModal = (r: { rec: ListRecord; rev: RevisionRecord; org: TasklistOrg }) =>
  buildFullListModal(fullListView(r.rec, r.rev, r.org), r.org.t);

const some = <V, R>(view: V | null, build: (v: V) => R): R | null =>
  view === null ? null : build(view);

export const tasklistPresenter: TasklistPresenter = {
  reminder: (rec, org, extras) => buildReminder(reminderView(rec, org, extras), org.t),
  followUp: (rec, org) =>
    buildFollowUp(
      {
        ...contextOf(rec, org),
        deadlineAt: deadlineOf(rec, org),
        state: rec.state === "RETURNED" ? "returned" : "not-submitted",
      },
      org.t,
    ),
  committee: (rec, rev, org, withdrawnAt) =>
    buildCommitteeMessage(committeeView(rec, rev, org, withdrawnAt), org.t),
  plan: (rec, org) => some(planView(rec, org), (v) => buildPlanMessage(v, org.t)),
  returned: (rec, rev, org) =>
    some(returnedNoticeView(rec, rev, org), (v) => buildReturnedNotice(v, org.t)),
  secretaryDm: (rec, rev, org) =>
    some(secretaryDmView(rec, rev, org), (v) => buildSecretaryDm(v, org.t)),
  overdue: (input: OverdueInput, org) =>
    buildOverdueList(
      {
        period: input.period,
        tz: org.tz,
        deadlineAt: input.deadlineAt,
        branches: input.branches.map((b) => ({ branch: branchView(b.branch), state: b.state })),
      },
      org.t,
    ),
  approvalWaiting: (input: ApprovalWaitingInput, org) =>
    buildApprovalWaiting(
      {
        thresholdHours: input.thresholdHours,
        lists: input.lists.map(({ rec, waitingHours }) => ({
          listId: rec.id,
          branch: branchView(rec.branch),
          period: rec.period,
          revision: rec.currentRevision,
          waitingHours,
        })),
      },
      org.t,
    ),
  monthSummary: (input: MonthSummaryInput, org) =>
    buildMonthSummary(
      {
        period: input.period,
        rows: input.rows.map((r) => ({ ...r, branch: branchView(r.branch) })),
      },
      org.t,
    ),
};
