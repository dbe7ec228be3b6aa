/** The App Home's view model: plain data, one section per role the person has. */

/** A branch's list this month as the Home shows it. */
export type BranchState = "not-submitted" | "submitted" | "returned" | "approved" | "overdue";
export const BRANCH_STATES: readonly BranchState[] = [
  "overdue",
  "not-submitted",
  "submitted",
  "returned",
  "approved",
];

export type { HomePages, PagedSection } from "../../../ports/home.ts";

import type { PlansHomeView } from "../../../ports/annual-plans.ts";
import type { AssessmentHomeView } from "../../../ports/assessment.ts";
import type { InspectionsHomeView } from "../../../ports/inspections.ts";
import type { DutyHomeView } from "../../../ports/responsibilities.ts";
import type { ServiceHomeView } from "../../../ports/service-list.ts";
import type { StudyHomeView } from "../../../ports/study.ts";

export interface Paged<T> {
  rows: T[];
  total: number;
  /** From 0, already clamped to the last page. */
  page: number;
  pages: number;
}

export interface WaitingRow {
  listId: number;
  revision: number;
  branchName: string;
  isAmendment: boolean;
  submittedBy: string;
  submittedAt: Date;
  late: boolean;
  /** False on the viewer's own branch (four eyes) or for an admin who is not a member. */
  canDecide: boolean;
  ownBranch: boolean;
}

export interface UpcomingSessionRow {
  date: string;
  startsAt: Date;
  seq: number | null;
  speakers: string[];
}

export interface YearFigures {
  year: number;
  /** The year's lists due so far (deadline passed, or submitted) and of them approved, on time. */
  listsDue: number;
  approvedOnTime: number;
  itemsPlanned: number;
  itemsDone: number;
  sessionsHeld: number;
}

export interface CommitteeModel {
  period: string;
  branchCount: number;
  counts: Record<BranchState, number>;
  /** Branch names by state, in branch order. */
  names: Record<BranchState, string[]>;
  waiting: Paged<WaitingRow>;
  sessions: UpcomingSessionRow[];
  year: YearFigures;
}

export interface PlanItemRow {
  listId: number;
  itemId: number;
  title: string;
  done: boolean;
  ownerUserId: string | null;
  dueDate: string | null;
}

export interface PastMonthRow {
  period: string;
  state: BranchState;
  onTime: boolean | null;
  itemsDone: number;
  itemsPlanned: number;
}

export interface SecretaryModel {
  branchKey: string;
  branchName: string;
  period: string;
  state: BranchState;
  deadlineAt: Date;
  /** Null while the month's list does not exist yet (before the monthly reminder). */
  listId: number | null;
  /** What the secretary can do with the list now. */
  action: "submit" | "revise" | "amend" | null;
  amendmentPending: boolean;
  returnComment: string | null;
  items: PlanItemRow[];
  past: PastMonthRow[];
}

export interface NextTurnModel {
  turnId: number;
  date: string;
  startsAt: Date;
  confirmed: boolean;
  topic: string | null;
  swapPendingWith: string | null;
}

export interface MemberPlanModel {
  branchName: string;
  period: string;
  /** Null: no approved list this month yet. */
  items: PlanItemRow[] | null;
}

export interface MemberModel {
  nextTurn: NextTurnModel | null;
  lectureHall: boolean;
  plans: MemberPlanModel[];
}

export interface HomeModel {
  userId: string;
  tz: string;
  /** A line at the top, e.g. why an action was refused. */
  notice?: string;
  committee: CommitteeModel | null;
  secretary: SecretaryModel[];
  member: MemberModel | null;
  /** Study (services/study/home.ts): already a view model. */
  study: StudyHomeView | null;
  /** The service list (services/service-list/home.ts): already a view model. */
  service: ServiceHomeView | null;
  /** The annual assessment (services/assessment/home.ts): already a view model. */
  assessment: AssessmentHomeView | null;
  /** The annual plans (services/annual-plans/home.ts): already a view model. */
  plans: PlansHomeView | null;
  /** The responsibility lists (services/responsibilities/home.ts): already a view model. */
  duties: DutyHomeView | null;
  /** Inspections (services/inspections/home.ts): already a view model. */
  inspections: InspectionsHomeView | null;
}
