/**
 * A year's cards as the presenters see them: each branch's computed values (as drafted, with
 * corrections made after contests), manual and effectiveness scores, scored by the domain and
 * ranked. A finalized card is read back as frozen: later changes to the records do not move it.
 */
import type { Assessment } from "../../config/assessment-schema.ts";
import type { Database } from "../../db/client.ts";
import { type LoadedYear, loadAssessmentYear } from "../../db/repositories/assessment.ts";
import { type IndicatorInput, rankCards, scoreCard } from "../../domain/assessment.ts";
import type { CardView, IndicatorView, RemarkView, YearView } from "../../ports/assessment.ts";
import type { Tx } from "../kit/tx.ts";
import type { EvidenceRow } from "./source.ts";

/** Card.computed, as the draft wrote it. */
export type ComputedValues = Record<
  string,
  { source: string; label: string; achieved: number; expected: number; evidence: EvidenceRow[] }
>;

type LoadedCard = LoadedYear["cards"][number];

/** What scoring reads of a card: its stored row, or the row the draft has just written. */
export type CardRow = Pick<
  LoadedCard,
  "id" | "branchId" | "fromPeriod" | "toPeriod" | "computed" | "effectiveness" | "frozen" | "branch"
> & {
  scores: readonly Pick<LoadedCard["scores"][number], "indicator" | "score">[];
  remarks: LoadedCard["remarks"];
};

/** What scoring reads of a year. */
export type YearRows = Pick<
  LoadedYear,
  "year" | "state" | "rules" | "asOf" | "finalizedAt" | "finalizedBy"
> & { cards: readonly CardRow[] };

function scoreOne(rules: Assessment, card: CardRow): Omit<CardView, "rank"> {
  const computed = card.computed as unknown as ComputedValues;
  const scores = new Map(card.scores.map((s) => [s.indicator, s.score]));
  const corrections = new Map(
    card.remarks
      .filter((r) => r.kind === "contest" && r.corrected !== null && r.indicator !== null)
      .map((r) => [
        r.indicator as string,
        { achieved: r.corrected as number, reason: r.answer ?? "" },
      ]),
  );
  const inputs: IndicatorInput[] = [];
  const views: Omit<IndicatorView, "points" | "status">[] = [];
  for (const ind of rules.indicators) {
    if (ind.manual) {
      inputs.push({
        key: ind.key,
        weight: ind.weight,
        kind: "manual",
        score: scores.get(ind.key) ?? null,
      });
      views.push({
        key: ind.key,
        name: ind.name ?? ind.key,
        kind: "manual",
        weight: ind.weight,
        evidence: [],
      });
      continue;
    }
    const value = computed[ind.key] ?? {
      source: ind.source ?? "",
      label: "",
      achieved: 0,
      expected: 0,
      evidence: [],
    };
    const correction = corrections.get(ind.key);
    const achieved = correction ? Math.min(correction.achieved, value.expected) : value.achieved;
    inputs.push({
      key: ind.key,
      weight: ind.weight,
      kind: "computed",
      achieved,
      expected: value.expected,
    });
    views.push({
      key: ind.key,
      labelKey: value.label,
      kind: "computed",
      weight: ind.weight,
      achieved,
      expected: value.expected,
      evidence: value.evidence,
      ...(correction ? { correction: correction.reason } : {}),
    });
  }
  const scored = scoreCard(rules, inputs, card.effectiveness);
  const remarks: RemarkView[] = card.remarks.map((r) => ({
    id: r.id,
    indicator: r.indicator,
    kind: r.kind === "contest" ? "contest" : "remark",
    text: r.text,
    by: r.by,
    answer: r.answer,
  }));
  return {
    cardId: card.id,
    branchId: card.branchId,
    branchKey: card.branch.key,
    branchName: card.branch.name,
    channel: card.branch.channelId,
    secretaries: card.branch.roles.map((r) => r.person.slackUserId),
    fromPeriod: card.fromPeriod,
    toPeriod: card.toPeriod,
    midYear: !card.fromPeriod.endsWith("-01"),
    card: scored,
    indicators: views.map((v, i) => ({
      ...v,
      points: scored.indicators[i]?.points ?? 0,
      status: scored.indicators[i]?.status ?? "pending",
    })),
    remarks,
  };
}

/** The year's cards from their rows; a finalized card is its frozen copy. */
export function yearViewOf(loaded: YearRows): YearView {
  const rules = loaded.rules as unknown as Assessment;
  const cards = loaded.cards.map((c) =>
    c.frozen ? (c.frozen as unknown as Omit<CardView, "rank">) : scoreOne(rules, c),
  );
  const ranked = rankCards(
    cards,
    (c) => c.card,
    (c) => c.branchKey,
  );
  return {
    year: loaded.year,
    state: loaded.state === "final" ? "final" : "draft",
    asOf: loaded.asOf,
    rules,
    finalizedAt: loaded.finalizedAt,
    finalizedBy: loaded.finalizedBy,
    cards: ranked.map(({ rank, item }) => ({ ...item, rank })),
  };
}

export async function loadYearView(db: Database | Tx, year: number): Promise<YearView | null> {
  const loaded = await loadAssessmentYear(db, year);
  return loaded ? yearViewOf(loaded) : null;
}

/** A card without its rank, as frozen at finalization. */
export function frozenCard(view: CardView): Omit<CardView, "rank"> {
  const { rank: _, ...card } = view;
  return card;
}
