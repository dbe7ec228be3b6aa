/** What the assessment's presenters are given (issue 22): a year's cards, scored and ranked. */
import type { Assessment } from "../config/assessment-schema.ts";
import type { Card } from "../domain/assessment.ts";
import type { EvidenceRow } from "../services/assessment/source.ts";

export type { EvidenceRow };

export interface IndicatorView {
  key: string;
  /** A computed indicator's catalog label key; a manual indicator's name. */
  labelKey?: string;
  name?: string;
  kind: "computed" | "manual";
  weight: number;
  points: number;
  status: Card["indicators"][number]["status"];
  achieved?: number;
  expected?: number;
  evidence: EvidenceRow[];
  /** A correction after a contest: the reason given. */
  correction?: string;
}

export interface RemarkView {
  id: number;
  indicator: string | null;
  kind: "remark" | "contest";
  text: string;
  by: string;
  answer: string | null;
}

export interface CardView {
  cardId: number;
  branchId: number;
  branchKey: string;
  branchName: string;
  channel: string;
  secretaries: string[];
  fromPeriod: string;
  toPeriod: string;
  /** The branch was created during the year. */
  midYear: boolean;
  rank: number;
  card: Card;
  indicators: IndicatorView[];
  remarks: RemarkView[];
}

export interface YearView {
  year: number;
  state: "draft" | "final";
  asOf: Date;
  rules: Assessment;
  finalizedAt: Date | null;
  finalizedBy: string | null;
  /** Ranked, best first. */
  cards: CardView[];
}

/** What the assessment's modals are opened with (services/assessment/forms.ts). */
export interface IndicatorChoice {
  key: string;
  labelKey?: string;
  name?: string;
  kind: "computed" | "manual";
  weight: number;
}

export interface ScoreForm {
  year: number;
  branches: { key: string; name: string }[];
  indicators: IndicatorChoice[];
  /** The branch named in the command, preselected. */
  branchKey: string | null;
}

export interface RemarkForm {
  year: number;
  branchKey: string;
  branchName: string;
  kind: "remark" | "contest";
  indicators: IndicatorChoice[];
  /** The last local date a remark is taken. */
  until: string;
}

export interface AnswerForm {
  remark: RemarkView;
  branchName: string;
  indicator: IndicatorChoice | null;
  /** A contest of a computed indicator: what was expected (the correction's upper bound). */
  expected: number | null;
  achieved: number | null;
}

export interface FinalizeForm {
  year: number;
  count: number;
  /** Branches not graded yet (a manual or effectiveness score missing). */
  pending: string[];
}

/** The assessment on the App Home (services/assessment/home.ts). */
export interface AssessmentHomeView {
  year: number;
  state: "draft" | "final";
  count: number;
  /** The committee: the ranking's top, how many are not graded yet, what awaits an answer. */
  committee: {
    top: { rank: number; branchName: string; total: number; grade: Card["grade"] }[];
    ungraded: number;
    open: { id: number; branchName: string; kind: "remark" | "contest"; text: string }[];
    openCount: number;
  } | null;
  /** A secretary: each of their branches' card, and the state of the remarks on it. */
  branches: {
    name: string;
    rank: number;
    total: number;
    partyBuilding: number;
    grade: Card["grade"];
    open: number;
    answered: number;
  }[];
}

/** A message the presenter builds (Block Kit blocks with their text fallback). */
export interface AssessmentMessage {
  text: string;
  blocks: readonly object[];
}

/** The assessment's presenter (slack/views/assessment/present.ts), given to its use cases. */
export interface AssessmentPresenter {
  /** The committee channel's summary: the ranking, each branch's total and grade. */
  summary(view: YearView): AssessmentMessage;
  /** One branch's card: every indicator, its points and the records behind them. */
  card(view: YearView, card: CardView): AssessmentMessage;
  /** The committee's message of a secretary's remark or contest, with its Answer button. */
  remarkNotice(view: YearView, card: CardView, remark: RemarkView): AssessmentMessage;
}
