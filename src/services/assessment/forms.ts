/**
 * What the assessment's modals are opened with (issue 22), each after the same check the
 * submission makes (the submission checks again: a modal may be submitted after a change):
 * the scoring form for committee members, the remark/contest form for a branch's secretary
 * within the window, the answer form for the committee, the finalization's confirmation for the
 * chair. They act on the latest drafted year.
 */
import {
  assessmentActor,
  latestAssessmentYear,
  remarkYear,
} from "../../db/repositories/assessment.ts";
import {
  answerRefusal,
  contestUntil,
  finalizeRefusal,
  remarkRefusal,
  scorerRefusal,
} from "../../domain/assessment-actions.ts";
import { localDateOf } from "../../domain/period.ts";
import type {
  AnswerForm,
  CardView,
  FinalizeForm,
  IndicatorChoice,
  IndicatorView,
  RemarkForm,
  ScoreForm,
  YearView,
} from "../../ports/assessment.ts";
import type { Deps } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import type { Result } from "./actions.ts";
import { loadYearView } from "./cards.ts";

export type { AnswerForm, FinalizeForm, IndicatorChoice, RemarkForm, ScoreForm };

const choice = (i: IndicatorView): IndicatorChoice => ({
  key: i.key,
  kind: i.kind,
  weight: i.weight,
  ...(i.labelKey ? { labelKey: i.labelKey } : {}),
  ...(i.name ? { name: i.name } : {}),
});

/** The indicators of a year (as the first card has them). */
function choicesOf(view: YearView): IndicatorChoice[] {
  const first = view.cards[0];
  if (first) return first.indicators.map(choice);
  return view.rules.indicators.map((i) => ({
    key: i.key,
    kind: i.manual ? "manual" : "computed",
    weight: i.weight,
    name: i.name ?? i.key,
  }));
}

/** The latest year as a draft, or why not. */
async function draftView(
  deps: Deps,
  year?: number,
): Promise<{ ok: true; view: YearView } | { ok: false; error: "no-year" | "final" }> {
  const y = year ?? (await latestAssessmentYear(deps.db));
  const view = y === null ? null : await loadYearView(deps.db, y);
  if (!view) return refuse("no-year");
  if (view.state !== "draft") return refuse("final");
  return { ok: true, view };
}

export async function openScoring(
  deps: Deps,
  input: { by: string; branchKey?: string | undefined },
): Promise<Result<{ form: ScoreForm }>> {
  const found = await draftView(deps);
  if (!found.ok) return found;
  const actor = await assessmentActor(deps.db, input.by);
  const refusal = scorerRefusal(actor, -1);
  if (refusal) return refuse(refusal);
  const view = found.view;
  const named = input.branchKey
    ? view.cards.find((c) => c.branchKey === input.branchKey)
    : undefined;
  if (input.branchKey && !named) return refuse("unknown-branch");
  if (named && actor.branchIds.includes(named.branchId)) return refuse("own-branch");
  return {
    ok: true,
    form: {
      year: view.year,
      branches: [...view.cards]
        .sort((a, b) => a.branchId - b.branchId)
        .map((c) => ({ key: c.branchKey, name: c.branchName })),
      indicators: choicesOf(view).filter((i) => i.kind === "manual"),
      branchKey: named?.branchKey ?? null,
    },
  };
}

export async function openRemarkForm(
  deps: Deps,
  input: {
    by: string;
    kind: "remark" | "contest";
    timezone: string;
    year?: number | undefined;
    branchKey?: string | undefined;
  },
): Promise<Result<{ form: RemarkForm }>> {
  const found = await draftView(deps, input.year);
  if (!found.ok) return found;
  const view = found.view;
  const actor = await assessmentActor(deps.db, input.by);
  const card: CardView | undefined = input.branchKey
    ? view.cards.find((c) => c.branchKey === input.branchKey)
    : view.cards.find((c) => actor.secretaryOf.includes(c.branchId));
  if (!card) return refuse(input.branchKey ? "unknown-branch" : "not-secretary");
  const until = contestUntil(localDateOf(view.asOf, input.timezone), view.rules.contestDays);
  const refusal = remarkRefusal(
    actor,
    card.branchId,
    localDateOf(deps.now(), input.timezone),
    until,
  );
  if (refusal) return refuse(refusal);
  return {
    ok: true,
    form: {
      year: view.year,
      branchKey: card.branchKey,
      branchName: card.branchName,
      kind: input.kind,
      indicators: card.indicators.map(choice),
      until,
    },
  };
}

export async function openAnswerForm(
  deps: Deps,
  input: { by: string; remarkId: number },
): Promise<Result<{ form: AnswerForm }>> {
  const year = await remarkYear(deps.db, input.remarkId);
  if (year === null) return refuse("unknown-remark");
  const found = await draftView(deps, year);
  if (!found.ok) return found;
  const card = found.view.cards.find((c) => c.remarks.some((r) => r.id === input.remarkId));
  const remark = card?.remarks.find((r) => r.id === input.remarkId);
  if (!card || !remark) return refuse("unknown-remark");
  if (remark.answer !== null) return refuse("answered");
  const refusal = answerRefusal(await assessmentActor(deps.db, input.by), card.branchId);
  if (refusal) return refuse(refusal);
  const ind = card.indicators.find((i) => i.key === remark.indicator);
  const correctable = remark.kind === "contest" && ind?.kind === "computed";
  return {
    ok: true,
    form: {
      remark,
      branchName: card.branchName,
      indicator: ind ? choice(ind) : null,
      expected: correctable ? (ind.expected ?? 0) : null,
      achieved: correctable ? (ind.achieved ?? 0) : null,
    },
  };
}

export async function openFinalizeForm(
  deps: Deps,
  input: { by: string },
): Promise<Result<{ form: FinalizeForm }>> {
  const found = await draftView(deps);
  if (!found.ok) return found;
  const refusal = finalizeRefusal(await assessmentActor(deps.db, input.by));
  if (refusal) return refuse(refusal);
  const view = found.view;
  return {
    ok: true,
    form: {
      year: view.year,
      count: view.cards.length,
      pending: view.cards.filter((c) => c.card.grade === null).map((c) => c.branchName),
    },
  };
}

/** The latest drafted year, or null. */
export const latestYear = (deps: Pick<Deps, "db">): Promise<number | null> =>
  latestAssessmentYear(deps.db);
