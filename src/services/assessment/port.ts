/** What the assessment's presenters are given (issue 22): a year's cards, scored and ranked. */
import type { Assessment } from "../../config/assessment-schema.ts";
import type { Card } from "../../domain/assessment.ts";
import type { EvidenceRow } from "./source.ts";

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
}
