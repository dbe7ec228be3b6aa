/**
 * What the Home's presenter (src/slack/views/home/present.ts) is given: the rows the Home's
 * queries loaded for one person (their roles, the committee's lists, their own branches' lists,
 * their lecture turns), the month and the clock.
 */
import type {
  BranchListRow,
  CommitteeRows,
  LectureRows,
  ViewerRow,
} from "../db/repositories/home.ts";
import type { Locale } from "../i18n/index.ts";
import type { PlansHomeView } from "./annual-plans.ts";
import type { AssessmentHomeView } from "./assessment.ts";
import type { InspectionsHomeView } from "./inspections.ts";
import type { DutyHomeView } from "./responsibilities.ts";
import type { ServiceHomeView } from "./service-list.ts";
import type { StudyHomeView } from "./study.ts";

export type {
  BranchListRow,
  BranchRef,
  BranchRevisionRow,
  CommitteeRows,
  CurrentListRow,
  LectureRows,
  ViewerRow,
} from "../db/repositories/home.ts";

/** Which part of the Home a page number belongs to, and the page each shows. */
export type PagedSection = "waiting";
export type HomePages = Record<PagedSection, number>;

export interface HomeInput {
  userId: string;
  now: Date;
  tz: string;
  /** This month, "YYYY-MM" in the org's zone. */
  period: string;
  /** The months of the year up to this one, and the months before this one a secretary sees. */
  yearMonths: string[];
  pastMonths: string[];
  /** A month's submission deadline by the schedule (for lists without a stored one). */
  deadlineOf: (period: string) => Date;
  viewer: ViewerRow;
  committee: CommitteeRows | null;
  own: BranchListRow[];
  /** Null when the org has no lecture hall. */
  lecture: { planned: { date: string; startsAt: Date }[]; rows: LectureRows } | null;
  pages: HomePages;
  /** Study: coming sessions, own record, make-ups, youth projects; committee and branch figures. */
  study?: StudyHomeView;
  /** The service list (services/service-list/home.ts), once the org has one. */
  service?: ServiceHomeView;
  /** The annual assessment: the committee's ranking and open remarks, a secretary's card. */
  assessment?: AssessmentHomeView | null;
  /** The annual plans: a secretary's four plans and this quarter's items; the committee's grid. */
  plans?: PlansHomeView | null;
  /** The responsibility lists (services/responsibilities/home.ts), for the committee. */
  duties?: DutyHomeView;
  /** Inspections: items to rectify or verify, checklists to send, the committee's progress. */
  inspections?: InspectionsHomeView | null;
  notice?: string;
}

/** One person's Home as loaded: in the org's language, and null before an org is applied. */
export interface LoadedHome {
  locale: Locale;
  input: HomeInput | null;
}
