/**
 * What the study service hands its presenter (slack/views/study/present.ts): view models of a
 * session, an invitation, a draw, a make-up request; and the presenter itself as a port, so the
 * service renders its messages without importing Block Kit.
 */
import type { Attendance, Material, StudyKind } from "../domain/study.ts";
import type { Translator } from "../i18n/index.ts";

export type StudyMessage = { text: string; blocks: unknown[] } & Record<string, unknown>;

export interface SessionView {
  id: number;
  kind: StudyKind;
  topic: string;
  startsAt: Date;
  timezone: string;
  minutes: number;
  materials: Material[];
  chair: string;
  branchName: string | null;
  expected: number;
  confirmed: string[];
  excused: { userId: string; reason: string | null }[];
  /** Set once attendance is recorded. */
  attendance: { present: number; excused: number; absent: number } | null;
  draws: DrawView[];
}

export interface DrawView {
  id: number;
  seq: number;
  userId: string;
  outcome: "pending" | "spoke" | "absent";
  /** Drawn out of turn at the chair's request (nobody present was due). */
  outOfTurn: boolean;
}

export interface InviteView {
  session: SessionView;
  userId: string;
  response: "confirmed" | "excused" | null;
  reason: string | null;
  /** The session has begun: the buttons are gone. */
  closed: boolean;
}

export interface MakeUpView {
  session: SessionView;
  attendance: Attendance;
  due: string;
  note: string | null;
  reminder: boolean;
}

export interface StudyPresenter {
  notice(v: SessionView, t: Translator): StudyMessage;
  invite(v: InviteView, t: Translator): StudyMessage;
  draw(v: DrawView, session: SessionView, t: Translator): StudyMessage;
  makeUp(v: MakeUpView, t: Translator): StudyMessage;
  /** A project's result to review, in the committee channel. */
  projectReview(v: ProjectView, t: Translator): StudyMessage;
  /** A DM to a project's people: registered, its result accepted or sent back. */
  projectNews(
    v: ProjectView,
    event: "registered" | "accepted" | "returned",
    t: Translator,
  ): StudyMessage;
}

/** A youth research project as its messages and the list show it. */
export interface ProjectView {
  id: number;
  year: number;
  name: string;
  lead: string;
  members: string[];
  question: string;
  advisor: string | null;
  state: "active" | "submitted" | "returned" | "accepted";
  resultLink: string | null;
  resultSummary: string | null;
  reviewComment: string | null;
  milestones: { id: number; title: string; dueDate: string | null; done: boolean }[];
}

/** `/pbb study projects`: the year's projects and what the viewer may do with each. */
export interface ProjectListView {
  year: number;
  viewer: string;
  canCreate: boolean;
  accepted: number;
  projects: (ProjectView & { mine: boolean; canReview: boolean })[];
}

/** What the new-session modal offers the person who opens it. */
export interface NewSessionForm {
  kinds: StudyKind[];
  branches: { key: string; name: string }[];
  timezone: string;
  today: string;
  sessionMinutes: number;
}

export interface ExcuseForm {
  sessionId: number;
  session: SessionView;
}

export interface AttendanceForm {
  sessionId: number;
  session: SessionView;
  expected: string[];
  present: string[];
  excused: string[];
}

export interface MakeUpForm {
  sessionId: number;
  session: SessionView;
  due: string;
}

/** One person's study record in a year. */
export interface PersonStudyRow {
  userId: string;
  name: string | null;
  expected: number;
  attended: number;
  excused: number;
  absent: number;
  madeUp: number;
  spoken: number;
  hours: number;
}

export interface BranchStudyRow {
  key: string;
  name: string;
  sessions: number;
  expected: number;
  attended: number;
  madeUp: number;
}

/** The year's record: per person, per branch, the first topics, the youth projects. */
export interface StudyRecordView {
  year: number;
  sessions: number;
  people: PersonStudyRow[];
  branches: BranchStudyRow[];
  firstTopics: { date: string; topic: string }[];
  projects: { name: string; lead: string; state: string; resultLink: string | null }[];
}

export interface StudySummaryView {
  timezone: string;
  /** The viewer's own youth projects this year, and (committee) results waiting for review. */
  projects?: (ProjectView & { mine: boolean; canReview: boolean })[];
  upcoming: { kind: SessionView["kind"]; topic: string; startsAt: Date; expected: boolean }[];
  mine: PersonStudyRow | null;
  owed: { sessionId: number; topic: string; due: string }[];
  canSchedule: boolean;
  year: number;
}

/** Study on one person's App Home (services/study/home.ts). */
export interface StudyHomeView {
  timezone: string;
  year: number;
  canSchedule: boolean;
  upcoming: {
    sessionId: number;
    kind: StudyKind;
    topic: string;
    startsAt: Date;
    response: "confirmed" | "excused" | null;
  }[];
  mine: {
    expected: number;
    attended: number;
    madeUp: number;
    spoken: number;
    hours: number;
  } | null;
  owed: { sessionId: number; topic: string; due: string }[];
  projects: ProjectListView["projects"];
  /** A secretary's branches: their study held this year. */
  branches: { name: string; held: number; expected: number; attended: number; madeUp: number }[];
  /** The committee's figures of the year and the results waiting for review. */
  committee: {
    held: number;
    expected: number;
    attended: number;
    madeUp: number;
    firstTopics: number;
    projects: number;
    accepted: number;
    toReview: ProjectListView["projects"];
  } | null;
}

/** A new project as the registration modal reads it. */
export interface NewProjectValues {
  name: string;
  lead: string | null;
  members: string[];
  question: string;
  advisor: string | null;
  milestones: { title: string; dueDate: string | null }[];
}
