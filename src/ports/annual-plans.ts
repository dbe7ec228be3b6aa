/**
 * What the annual plans' presenter (src/slack/views/annual-plans/present.ts) is given: the plan
 * as stored and the org's settings. A use case that writes a message in the transaction of its
 * change calls the presenter it was given (`PlanDeps.presenters.annualPlans`).
 */
import type {
  PlanItemRecord,
  PlanRecord,
  PlanRevisionRecord,
} from "../db/repositories/annual-plan.ts";
import type { BranchRecord } from "../db/repositories/tasklist.ts";
import {
  MAX_PLAN_ITEMS,
  PLAN_PAGE_SIZE,
  type PlanKind,
  type PlanTarget,
  type RawPlanRow,
} from "../domain/annual-plan.ts";
import type { QuarterRow } from "../domain/annual-plan-quarter.ts";
import type { TaskCategory } from "../domain/task-list-items.ts";
import type { PlanOrg } from "../services/annual-plans/org.ts";
import type { Deps } from "../services/kit/result.ts";
import type { SlackMessage } from "./tasklist.ts";

export type {
  PlanItemRecord,
  PlanRecord,
  PlanRevisionRecord,
} from "../db/repositories/annual-plan.ts";
export type { PlanOrg } from "../services/annual-plans/org.ts";
export type { SlackMessage } from "./tasklist.ts";

/** A branch's year: the four plans as they stand, for its request message. */
export interface BranchYear {
  branch: BranchRecord;
  year: number;
  dueAt: Date | null;
  plans: PlanRecord[];
}

export interface PlanPresenter {
  /** The branch's request for the year's plans, with each plan's state and its button. */
  reminder(year: BranchYear, org: PlanOrg): SlackMessage;
  /** A revision for the committee (changes since the one before), or how it was decided. */
  committee(
    plan: PlanRecord,
    rev: PlanRevisionRecord,
    org: PlanOrg,
    withdrawnAt?: Date,
  ): SlackMessage;
  /** The returned notice in the branch's channel, with the comment and a Revise button. */
  returned(plan: PlanRecord, rev: PlanRevisionRecord, org: PlanOrg): SlackMessage | null;
  /** The plan in force, in the branch's channel. */
  approved(plan: PlanRecord, org: PlanOrg): SlackMessage | null;
  /** The secretaries' DM once a revision is decided. */
  secretaryDm(plan: PlanRecord, rev: PlanRevisionRecord, org: PlanOrg): SlackMessage | null;
  /** A branch's quarter tracking in its channel: done / in progress / overdue, the button. */
  quarterBranch(v: BranchQuarterView, org: PlanOrg): SlackMessage;
  /** One page of the committee's table of the quarter. */
  quarterCommittee(v: CommitteeQuarterView, org: PlanOrg): SlackMessage;
  /** The follow-up of a branch that has not given every reason, in its message's thread. */
  quarterFollowUp(v: BranchQuarterView, org: PlanOrg): SlackMessage;
}

/** The plan modal as a use case found it: the plan, the kind of submission, its rows. */
export interface PlanForm {
  plan: PlanRecord;
  kind: "submit" | "resubmit" | "amend";
  /** Every row (up to the limit), as saved or pre-filled. */
  rows: RawPlanRow[];
  page: number;
  from?: "draft" | "returned" | "withdrawn" | "in-force";
}

export const STORED_KIND: Record<PlanKind, PlanRecord["kind"]> = {
  arrangement: "ARRANGEMENT",
  conduct: "CONDUCT",
  theory: "THEORY",
  "theme-day": "THEME_DAY",
};
export const kindOf = (stored: PlanRecord["kind"]): PlanKind =>
  (Object.entries(STORED_KIND).find(([, s]) => s === stored)?.[0] ?? "arrangement") as PlanKind;

export const itemRow = (item: PlanItemRecord, row: number): RawPlanRow => ({
  row,
  title: item.title,
  target: item.target,
  owner: item.ownerUserId,
  expectedResult: item.expectedResult,
});

export interface PlanDeps extends Deps {
  presenters: { annualPlans: PlanPresenter };
}

/** The plan modal's pages. */
export const PLAN_PAGES = Math.ceil(MAX_PLAN_ITEMS / PLAN_PAGE_SIZE);

// ── the Home (services/annual-plans/home.ts → slack/views/home/plans.ts) ──

/** Where one of a branch's four plans stands, as the Home shows it. */
export type PlanHomeState = "not-submitted" | "waiting" | "returned" | "approved";

export interface PlanHomeCell {
  kind: PlanKind;
  state: PlanHomeState;
  /** Items of the plan in force (or submitted), done, and overdue (in force only). */
  total: number;
  done: number;
  overdue: number;
}

export interface BranchPlansRow {
  name: string;
  /** The four plans in the kinds' order (a plan not requested counts as not submitted). */
  plans: PlanHomeCell[];
}

export interface DueItemView {
  kind: PlanKind;
  title: string;
  /** "m5" / "q2". */
  target: string;
  standing: "done" | "in-progress" | "overdue";
}

export interface PlansHomeView {
  year: number;
  /** This quarter (1–4). */
  quarter: number;
  /** The committee's year grid, summarised: counts, then the branches needing attention first. */
  committee: {
    branches: number;
    states: Record<PlanHomeState, number>;
    items: { total: number; done: number; overdue: number };
    /** The first rows (attention first), and how many more branches there are. */
    rows: BranchPlansRow[];
    more: number;
  } | null;
  /** A secretary's branches: their four plans and this quarter's items. */
  branches: (BranchPlansRow & { due: DueItemView[]; dueMore: number })[];
}

/** A plan item due in a month, as the monthly reminder names it and the task-list modal offers it. */
export interface DuePlanItem {
  id: number;
  kind: PlanKind;
  title: string;
  target: PlanTarget;
  ownerUserId: string | null;
  expectedResult: string | null;
  /** The monthly category the item becomes as a row. */
  category: TaskCategory;
}

// ── the quarter's tracking (services/annual-plans/quarter.ts → slack/views/annual-plans/quarter.ts) ──

export interface QuarterItemView {
  id: number;
  kind: PlanKind;
  title: string;
  /** "m5" / "q2": the target now (a moved item: its new one). */
  target: string;
  ownerUserId: string | null;
  /** The reason and new date given in this quarter's tracking. */
  answer: { reason: string; date: string } | null;
}

/** A branch's quarter: its items split, and how many overdue ones still miss a reason. */
export interface BranchQuarterView {
  branch: BranchRecord;
  year: number;
  quarter: number;
  done: QuarterItemView[];
  inProgress: QuarterItemView[];
  overdue: QuarterItemView[];
  missing: number;
}

/** One message of the committee's table (100 branches a message). */
export interface CommitteeQuarterView {
  year: number;
  quarter: number;
  branches: number;
  totals: QuarterRow;
  rows: { name: string; row: QuarterRow }[];
  /** 1-based index of the first row of this page among all branches. */
  from: number;
  page: number;
  pages: number;
}

/** The reasons modal: the overdue items still missing a reason (at most a modal's worth). */
export interface ReasonsForm {
  branch: BranchRecord;
  year: number;
  quarter: number;
  items: QuarterItemView[];
  /** Overdue items not shown (beyond the modal's limit): answered next time. */
  more: number;
}
