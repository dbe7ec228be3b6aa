/**
 * What the inspections' presenter (slack/views/inspections/present.ts) is given: view models of
 * a round's announcement, a team's notice, a submitted checklist, a rectification item; and the
 * presenter itself as a port, so the use cases write their messages without Block Kit.
 */
import type { Conflict } from "../domain/inspection-assign.ts";
import type { RoundKind } from "../domain/inspection-round.ts";
import type { RectificationState, Severity } from "../domain/rectification.ts";

export type InspectionsMessage = { text: string; blocks: unknown[] };

export interface RoundAnnouncement {
  kind: RoundKind;
  period: string;
  opensOn: string;
  closesOn: string;
  /** Inspector shown as a branch name (mutual) or a user id (supervision). */
  lines: { inspector: { branch: string } | { user: string }; branch: string }[];
  conflicts: (Conflict & { branch: string })[];
  skipped: "too-few-branches" | null;
}

export interface TeamNotice {
  kind: RoundKind;
  period: string;
  closesOn: string;
  branch: string;
  /** The assignment whose checklist the notice's button opens. */
  assignmentId: number;
}

/** A checklist item as shown: the org file's title and hint, or the catalog's (by key). */
export interface ItemView {
  key: string;
  title: string | null;
  maxScore: number;
  hint: string | null;
}

export interface FindingValues {
  problem: string;
  severity: Severity;
  suggestion: string;
}

/** What the checklist modal offers its inspector (a draft, when one was kept). */
export interface ChecklistForm {
  assignmentId: number;
  kind: RoundKind;
  period: string;
  closesOn: string;
  branch: string;
  items: ItemView[];
  draft: { scores: Record<string, string>; note: string; findings: FindingValues[] } | null;
  /** Sent already: the form amends it (its findings in the first slots, a reason asked). */
  amending: boolean;
}

/** A submitted checklist changed while its round was open, as the inspected branch sees it. */
export interface AmendmentView {
  kind: RoundKind;
  period: string;
  branch: string;
  by: string;
  reason: string;
  total: number;
  max: number;
  scores: { item: ItemView; before: number | null; after: number }[];
  noteChanged: boolean;
  added: (FindingValues & { dueOn: string; owner: string })[];
  changed: { before: string; after: string }[];
  removed: string[];
}

/** A submitted checklist, as the inspected branch sees it in its channel. */
export interface ResultView {
  kind: RoundKind;
  period: string;
  branch: string;
  total: number;
  max: number;
  items: (ItemView & { score: number })[];
  note: string | null;
  findings: (FindingValues & { dueOn: string; owner: string })[];
}

/** A rectification item, for its owner, its verifiers and the reminders. */
export interface RectificationView {
  id: number;
  branch: string;
  kind: RoundKind;
  period: string;
  problem: string;
  severity: Severity;
  suggestion: string | null;
  owner: string;
  dueOn: string;
  state: RectificationState;
  doneText: string | null;
  evidence: string | null;
  lastComment: string | null;
  reopenCount: number;
  verifiedBy: string | null;
}

export type ReminderWhen = "before" | "due";

/** A rectification item as a Home row. */
export type HomeItem = RectificationView & { overdue: boolean };

/** Inspections on one person's Home (services/inspections/home.ts). */
export interface InspectionsHomeView {
  /** Their checklists still to send in open rounds (the first few). */
  assignments: {
    assignmentId: number;
    kind: RoundKind;
    period: string;
    closesOn: string;
    branch: string;
  }[];
  pendingAssignments: number;
  /** Items they own, open (to report done), first due first; and how many wait for verification. */
  owned: HomeItem[];
  waiting: number;
  /** Items reported done that they may verify (the first few) and how many in all. */
  toVerify: HomeItem[];
  toVerifyCount: number;
  /** For the committee: each open round's progress and the overdue items per branch, worst first. */
  committee: {
    rounds: {
      kind: RoundKind;
      period: string;
      closesOn: string;
      submitted: number;
      assigned: number;
      items: number;
      closed: number;
      overdue: number;
    }[];
    overdueTotal: number;
    overdueByBranch: { branch: string; overdue: number }[];
    /**
     * The open item overdue longest, for a committee member to reassign (one reported done waits
     * for its verifier; an admin who is not a member sees the counts only).
     */
    overdueItem: HomeItem | null;
  } | null;
}

/** When a round closes, for the committee: the ranking, the weak items, each branch's change. */
export interface RoundComparison {
  kind: RoundKind;
  period: string;
  closesOn: string;
  /** Best first; change against the branch's previous round of the same kind (null: none). */
  ranking: { rank: number; branch: string; total: number; max: number; change: number | null }[];
  /** Branches assigned whose checklist never came. */
  notInspected: string[];
  /** Items where most branches lost points, most first. */
  weak: { item: ItemView; branchesLosing: number; pointsLost: number }[];
  /** The round's rectification items so far. */
  items: number;
  closed: number;
  overdue: number;
}

export interface InspectionsPresenter {
  announcement(a: RoundAnnouncement): InspectionsMessage;
  teamNotice(n: TeamNotice): InspectionsMessage;
  /** To an inspecting team an admin took the assignment from. */
  released(n: Pick<TeamNotice, "kind" | "period" | "branch">): InspectionsMessage;
  /** In the inspected branch's channel once the checklist is submitted. */
  result(v: ResultView): InspectionsMessage;
  /** In the inspected branch's channel when its checklist is amended. */
  amended(v: AmendmentView): InspectionsMessage;
  /** To the owner: a new item, one reopened (with the verifier's comment), or handed to them. */
  ownerItem(v: RectificationView, reassigned?: { reassignedBy: string }): InspectionsMessage;
  /** To each verifier: the owner reported it done (Accept / Reopen). */
  verifyRequest(v: RectificationView): InspectionsMessage;
  /** To the owner: verified. */
  verified(v: RectificationView): InspectionsMessage;
  /**
   * To the owner: from 3 working days before the due date (`daysLeft` working days to go), and
   * on it.
   */
  reminder(v: RectificationView, when: ReminderWhen, daysLeft: number): InspectionsMessage;
  /** To the committee when the round closes ("brightness ratio"). */
  comparison(v: RoundComparison): InspectionsMessage;
  /** To the committee, weekly: the overdue items (Reassign on the open ones). */
  overdue(items: RectificationView[], today: string): InspectionsMessage;
}
