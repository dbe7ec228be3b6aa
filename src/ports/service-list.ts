/**
 * What the service list's use cases hand to its presenter (src/slack/views/service-list/): the
 * view models, plain data, and the presenter that renders the messages they write in the
 * transaction of their change. Typed text reaches the presenter raw; the presenter escapes it.
 */
import type { KnownBlock } from "@slack/types";
import type { LocalDate } from "../domain/calendar.ts";
import type { ServiceCategory, ServiceFigures } from "../domain/service-list.ts";
import type { Translator } from "../i18n/index.ts";

export interface ServiceMessage {
  /** The plain-text fallback (notifications, screen readers). */
  text: string;
  blocks?: KnownBlock[];
}

/** One service report as shown (DM acknowledgement, secretary's list, query DM). */
export interface ServiceReportView {
  id: number;
  userId: string;
  date: LocalDate;
  community: string;
  category: string;
  hours: number;
  what: string;
  link: string | null;
  /** A file uploaded with it as evidence (its permalink, when Slack gave one). */
  file: { name: string; url: string | null } | null;
}

export interface RegisterForm {
  current: string | null;
}

export interface ReportForm {
  today: LocalDate;
  /** The communities a report may name, the member's own first. */
  communities: string[];
  categories: readonly ServiceCategory[];
}

export interface QueryForm {
  report: ServiceReportView;
}

/** The secretary's question in the member's DM; the member answers in its thread. */
export interface QueryDmView {
  report: ServiceReportView;
  secretary: string;
  question: string;
}

/** The quarter's one friendly nudge to a member with no report in it. */
export interface NudgeView {
  quarter: string;
}

export interface BranchReportsView {
  quarter: string;
  reports: (ServiceReportView & { queried: boolean; replies: number })[];
  /** How many there are in all (the list shows the newest). */
  total: number;
}

export interface MyServiceView {
  member: boolean;
  community: string | null;
  quarter: string;
  quarterHours: number;
  quarterReports: number;
  yearHours: number;
  /** Their newest reports (at most 10). */
  recent: ServiceReportView[];
  /** A secretary or committee member: the branch reports button. */
  seesBranches: boolean;
}

export interface ServiceListPresenter {
  reportAck(view: ServiceReportView, t: Translator): ServiceMessage;
  queryDm(view: QueryDmView, t: Translator): ServiceMessage;
  nudgeDm(view: NudgeView, t: Translator): ServiceMessage;
}

export type ProjectStatusView = "ACTIVE" | "COMPLETION_REQUESTED" | "DONE";

/** One practical project as its committee message, the year-end board and the Home show it. */
export interface ProjectView {
  id: number;
  title: string;
  serves: string;
  branchName: string;
  leadUserId: string | null;
  goal: string;
  beneficiaries: number;
  status: ProjectStatusView;
  percent: number;
  next: { title: string; due: LocalDate } | null;
  milestones: { title: string; due: LocalDate; done: boolean }[];
  /** The newest notes (progress, evidence, requests, send-backs), newest last. */
  notes: { kind: string; authorId: string; text: string; link: string | null }[];
  noteCount: number;
  confirmedBy: string | null;
}

export interface MilestoneAlertView {
  project: ProjectView;
  milestone: { title: string; due: LocalDate };
}

/** The committee's question when a project's lead left (`left`: who, when known). */
export interface LeadWantedView {
  project: ProjectView;
  left: string | null;
}

/** The DM to a newly named lead. */
export interface NewLeadView {
  project: ProjectView;
  namedBy: string;
}

export interface ProjectsPresenter {
  projectMessage(view: ProjectView, t: Translator): ServiceMessage;
  /** To the lead, or to the committee while the project has no lead. */
  milestoneReminder(view: MilestoneAlertView, t: Translator): ServiceMessage;
  milestoneEscalation(view: MilestoneAlertView, t: Translator): ServiceMessage;
  leadWanted(view: LeadWantedView, t: Translator): ServiceMessage;
  newLeadDm(view: NewLeadView, t: Translator): ServiceMessage;
}

/** A branch's service this quarter as the Home shows it (reports counted from its members). */
export interface ServiceBranchRow extends ServiceFigures {
  key: string;
  name: string;
}

/** The service list on the App Home (services/service-list/home.ts). */
export interface ServiceHomeView {
  quarter: string;
  year: number;
  /** A branch member: their registration and their reports this quarter (newest first). */
  member: {
    community: string | null;
    reports: ServiceReportView[];
    count: number;
    hours: number;
  } | null;
  /** A secretary: each of their branches, with the queries waiting for or given an answer. */
  secretary: (ServiceBranchRow & { awaiting: number; answered: number })[];
  /** The committee: the org's figures, the worst branches first, counts, the projects. */
  committee: {
    total: ServiceBranchRow;
    branches: number;
    worst: ServiceBranchRow[];
    /** Branches under half registered; branches with no member active this quarter. */
    lowRegistration: number;
    noneActive: number;
    projects: {
      total: number;
      active: number;
      requested: number;
      done: number;
      overdue: number;
      noLead: number;
    };
  } | null;
}

/** What `/pbb project new` opens with: the branches a project may be led by. */
export interface NewProjectForm {
  branches: { key: string; name: string }[];
  year: number;
}

/** The year's board: every project with its outcome and beneficiaries. */
export interface ProjectBoardView {
  year: number;
  projects: (ProjectView & { outcome: string | null })[];
  beneficiariesDone: number;
}
