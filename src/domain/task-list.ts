/**
 * The state machine of one branch's list for one month, with its authorization rules (four
 * eyes included). Pure: the caller passes the list as stored and the actor's roles as data,
 * and applies the answer (state, revision changes) and carries out the symbolic effects.
 */

export type ListState = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
export type RevisionStatus = "SUBMITTED" | "WITHDRAWN" | "RETURNED" | "APPROVED" | "SUPERSEDED";

export interface ListSnapshot {
  branchKey: string;
  state: ListState;
  /** The latest revision's number (0: nothing submitted yet) and its status. */
  revision: number;
  revisionStatus: RevisionStatus | null;
  /** The revision in force; an amendment under review does not replace it. */
  approvedRevision: number | null;
  /** Who submitted the latest revision (four eyes by person: they may not decide it). */
  submittedBy?: string | null;
}

/** A stored list as far as its snapshot needs it (the repository's ListRecord is one). */
export interface StoredList<R extends StoredRevision = StoredRevision> {
  branch: { key: string };
  state: ListState;
  currentRevision: number;
  approvedRevision: number | null;
  /** Every revision, oldest first. */
  revisions: readonly R[];
}

export interface StoredRevision {
  number: number;
  status: RevisionStatus;
  submittedBy: string;
}

/** The revision numbered `n` of a stored list (none for null). */
export const revisionOf = <R extends StoredRevision>(
  list: StoredList<R>,
  n: number | null,
): R | undefined => (n === null ? undefined : list.revisions.find((r) => r.number === n));

export const latestRevision = <R extends StoredRevision>(list: StoredList<R>): R | undefined =>
  revisionOf(list, list.currentRevision);

/** What the rules below read of a stored list. */
export function snapshotOf(list: StoredList): ListSnapshot {
  const latest = latestRevision(list);
  return {
    branchKey: list.branch.key,
    state: list.state,
    revision: list.currentRevision,
    revisionStatus: latest?.status ?? null,
    approvedRevision: list.approvedRevision,
    submittedBy: latest?.submittedBy ?? null,
  };
}

/** The actor's roles, as data from the org's configuration. */
export interface Actor {
  userId: string;
  /** May approve or return lists. */
  committeeMember: boolean;
  /** Keys of the branches this person is a secretary of. */
  secretaryOf: readonly string[];
}

export type ListEvent =
  | { type: "submit" }
  | { type: "resubmit" }
  | { type: "amend" }
  | { type: "withdraw" }
  | { type: "approve"; revision: number }
  | { type: "return"; revision: number; comment: string };

export type Effect =
  | "post-committee"
  | "update-committee"
  | "update-reminder"
  | "post-branch-plan"
  | "update-branch-plan"
  | "post-branch-returned"
  | "update-branch-returned"
  | "dm-secretaries";

export type TaskListError =
  | "not-secretary"
  | "not-committee"
  | "own-branch"
  | "own-submission"
  | "already-submitted"
  | "already-decided"
  | "nothing-to-withdraw"
  | "nothing-to-decide"
  | "not-returned"
  | "not-approved"
  | "amendment-pending"
  | "stale-revision"
  | "comment-required";

export interface RevisionChange {
  number: number;
  status: RevisionStatus;
  /** True on a revision this transition creates. */
  created?: boolean;
  isAmendment?: boolean;
}

export interface Transition {
  ok: true;
  next: ListSnapshot;
  revisions: RevisionChange[];
  effects: Effect[];
  /** The list's first submission: record `firstSubmittedAt` (on-time is measured on it). */
  firstSubmission: boolean;
  /** The trimmed comment of a return, to store with the decision. */
  comment?: string;
}
export interface Refusal {
  ok: false;
  error: TaskListError;
}
export type TransitionResult = Transition | Refusal;

const refuse = (error: TaskListError): Refusal => ({ ok: false, error });

export const isSecretaryOf = (actor: Actor, branchKey: string): boolean =>
  actor.secretaryOf.includes(branchKey);

/**
 * Why `actor` may not approve or return `list`'s latest revision, or null when they may (as
 * far as people go; the list's state is checked by `transition`). Four eyes by role and by
 * person: a secretary of the branch may not decide its list, nor may whoever submitted the
 * revision, even after they stopped being a secretary.
 */
export function deciderRefusal(
  list: Pick<ListSnapshot, "branchKey" | "submittedBy">,
  actor: Actor,
): "not-committee" | "own-branch" | "own-submission" | null {
  if (!actor.committeeMember) return "not-committee";
  if (isSecretaryOf(actor, list.branchKey)) return "own-branch";
  if (list.submittedBy != null && list.submittedBy === actor.userId) return "own-submission";
  return null;
}

/** Whether `actor` may approve or return `list`'s latest revision (see `deciderRefusal`). */
export const mayDecide = (
  list: Pick<ListSnapshot, "branchKey" | "submittedBy">,
  actor: Actor,
): boolean => deciderRefusal(list, actor) === null;

/** An amendment of the approved plan is waiting for the committee. */
export const amendmentUnderReview = (list: ListSnapshot): boolean =>
  list.state === "APPROVED" &&
  list.revisionStatus === "SUBMITTED" &&
  list.revision !== list.approvedRevision;

/** A revision is waiting for a decision (a first list, a resubmission or an amendment). */
export const awaitingDecision = (list: ListSnapshot): boolean =>
  list.state === "SUBMITTED" || amendmentUnderReview(list);

/** Which submit event the task-list modal's submission stands for, given the list's state. */
export function submissionKind(list: ListSnapshot): "submit" | "resubmit" | "amend" | null {
  if (list.state === "DRAFT") return "submit";
  if (list.state === "RETURNED") return "resubmit";
  if (list.state === "APPROVED" && !amendmentUnderReview(list)) return "amend";
  return null;
}

function created(list: ListSnapshot, state: ListState, amendment: boolean): Transition {
  const number = list.revision + 1;
  return {
    ok: true,
    next: { ...list, state, revision: number, revisionStatus: "SUBMITTED" },
    revisions: [{ number, status: "SUBMITTED", created: true, isAmendment: amendment }],
    effects:
      list.revisionStatus === "RETURNED"
        ? ["post-committee", "update-reminder", "update-branch-returned"]
        : ["post-committee", "update-reminder"],
    firstSubmission: !amendment && list.revision === 0,
  };
}

function submitLike(list: ListSnapshot, event: ListEvent, actor: Actor): TransitionResult {
  if (!isSecretaryOf(actor, list.branchKey)) return refuse("not-secretary");
  if (event.type === "submit") {
    if (list.state !== "DRAFT") return refuse("already-submitted");
    return created(list, "SUBMITTED", false);
  }
  if (event.type === "resubmit") {
    if (list.state !== "RETURNED") return refuse("not-returned");
    return created(list, "SUBMITTED", false);
  }
  if (list.state !== "APPROVED") return refuse("not-approved");
  if (amendmentUnderReview(list)) return refuse("amendment-pending");
  return created(list, "APPROVED", true);
}

function withdraw(list: ListSnapshot, actor: Actor): TransitionResult {
  if (!isSecretaryOf(actor, list.branchKey)) return refuse("not-secretary");
  if (!awaitingDecision(list)) return refuse("nothing-to-withdraw");
  return {
    ok: true,
    next: {
      ...list,
      state: list.state === "APPROVED" ? "APPROVED" : "DRAFT",
      revisionStatus: "WITHDRAWN",
    },
    revisions: [{ number: list.revision, status: "WITHDRAWN" }],
    effects: ["update-committee", "update-reminder"],
    firstSubmission: false,
  };
}

function decide(
  list: ListSnapshot,
  event: Extract<ListEvent, { type: "approve" | "return" }>,
  actor: Actor,
): TransitionResult {
  const refusal = deciderRefusal(list, actor);
  if (refusal) return refuse(refusal);
  if (event.revision !== list.revision) return refuse("stale-revision");
  if (list.revisionStatus === "APPROVED" || list.revisionStatus === "RETURNED")
    return refuse("already-decided");
  if (!awaitingDecision(list)) return refuse("nothing-to-decide");
  const amendment = amendmentUnderReview(list);
  if (event.type === "return") {
    const comment = event.comment.trim();
    if (comment === "") return refuse("comment-required");
    return {
      ok: true,
      next: { ...list, state: amendment ? "APPROVED" : "RETURNED", revisionStatus: "RETURNED" },
      revisions: [{ number: list.revision, status: "RETURNED" }],
      effects: ["update-committee", "update-reminder", "post-branch-returned", "dm-secretaries"],
      firstSubmission: false,
      comment,
    };
  }
  const revisions: RevisionChange[] = [{ number: list.revision, status: "APPROVED" }];
  if (list.approvedRevision !== null)
    revisions.push({ number: list.approvedRevision, status: "SUPERSEDED" });
  return {
    ok: true,
    next: {
      ...list,
      state: "APPROVED",
      revisionStatus: "APPROVED",
      approvedRevision: list.revision,
    },
    revisions,
    effects: [
      "update-committee",
      "update-reminder",
      amendment ? "update-branch-plan" : "post-branch-plan",
      "dm-secretaries",
    ],
    firstSubmission: false,
  };
}

/** Apply `event` by `actor` to `list`: the next state and what to do, or why not. */
export function transition(list: ListSnapshot, event: ListEvent, actor: Actor): TransitionResult {
  switch (event.type) {
    case "submit":
    case "resubmit":
    case "amend":
      return submitLike(list, event, actor);
    case "withdraw":
      return withdraw(list, actor);
    case "approve":
    case "return":
      return decide(list, event, actor);
  }
}
