/**
 * The annual assessment's rules (issue 22; the seed: party building weighs 40% of the annual
 * effectiveness assessment, and only a "good" party building grade allows "excellent").
 *
 * Points are kept in hundredths (integers) so that a card's points add up to its total exactly:
 * party building = the sum of its indicators' points; total = party building's share + the
 * effectiveness share, each rounded once.
 */

export const GRADES = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof GRADES)[number];

/** The lowest score (0–100) of each grade above "poor"; excellent > good > fair. */
export interface Thresholds {
  excellent: number;
  good: number;
  fair: number;
}

export interface AssessmentRules {
  /** The party building score's share of the total, 0 < w < 1 (the seed: 0.4). */
  partyBuildingWeight: number;
  thresholds: Thresholds;
}

/** One indicator of a branch's card, before scoring. */
export type IndicatorInput =
  | {
      key: string;
      /** Its most points (the weights of all indicators add up to 100). */
      weight: number;
      kind: "computed";
      achieved: number;
      /** 0: not applicable (nothing was expected of the branch): full points, said on the card. */
      expected: number;
    }
  | {
      key: string;
      weight: number;
      kind: "manual";
      /** Points given, 0–weight; null: not scored yet. */
      score: number | null;
    };

export type IndicatorStatus = "scored" | "not-applicable" | "pending";

export interface ScoredIndicator {
  key: string;
  kind: "computed" | "manual";
  weight: number;
  /** Points earned (2 decimals). */
  points: number;
  status: IndicatorStatus;
}

/** Which rule gave the overall grade. */
export type GradeRule =
  /** The total against the thresholds. */
  | "threshold"
  /** The total reached "excellent", but party building was below "good": capped at "good". */
  | "capped-by-party-building"
  /** A manual score or the effectiveness score is missing: no grade yet. */
  | "awaiting-scores";

export interface Card {
  indicators: ScoredIndicator[];
  /** Sum of the indicators' points, 0–100. */
  partyBuilding: number;
  partyBuildingGrade: Grade;
  /** The effectiveness (business) score, 0–100, or null: not entered yet. */
  effectiveness: number | null;
  /** Party building × its weight, and effectiveness × the rest (2 decimals each). */
  partyBuildingShare: number;
  effectivenessShare: number;
  /** partyBuildingShare + effectivenessShare. */
  total: number;
  /** The overall grade; null while scores are missing. */
  grade: Grade | null;
  rule: GradeRule;
  /** Only among those rated excellent overall (so with party building good or better). */
  advancedCandidate: boolean;
  /** Keys of the manual indicators not scored yet. */
  pending: string[];
}

const cents = (value: number): number => Math.round(value * 100);
const fromCents = (value: number): number => value / 100;

/** The grade of a score (0–100) under the thresholds. */
export function gradeOf(score: number, thresholds: Thresholds): Grade {
  if (score >= thresholds.excellent) return "excellent";
  if (score >= thresholds.good) return "good";
  if (score >= thresholds.fair) return "fair";
  return "poor";
}

/** "excellent" or "good". */
export const isGoodOrBetter = (grade: Grade): boolean => grade === "excellent" || grade === "good";

function indicatorPoints(input: IndicatorInput): { points: number; status: IndicatorStatus } {
  const weight = cents(input.weight);
  if (input.kind === "manual") {
    if (input.score === null) return { points: 0, status: "pending" };
    const score = Math.min(Math.max(cents(input.score), 0), weight);
    return { points: score, status: "scored" };
  }
  if (input.expected <= 0) return { points: weight, status: "not-applicable" };
  const ratio = Math.min(Math.max(input.achieved / input.expected, 0), 1);
  return { points: Math.round(weight * ratio), status: "scored" };
}

/** A branch's card: each indicator's points, the party building and total scores, the grades. */
export function scoreCard(
  rules: AssessmentRules,
  indicators: readonly IndicatorInput[],
  effectiveness: number | null,
): Card {
  const scored = indicators.map((input): ScoredIndicator & { cents: number } => {
    const { points, status } = indicatorPoints(input);
    return {
      key: input.key,
      kind: input.kind,
      weight: input.weight,
      points: fromCents(points),
      status,
      cents: points,
    };
  });
  const partyBuildingCents = scored.reduce((sum, i) => sum + i.cents, 0);
  const partyBuilding = fromCents(partyBuildingCents);
  const partyBuildingGrade = gradeOf(partyBuilding, rules.thresholds);
  const pbShareCents = Math.round(partyBuildingCents * rules.partyBuildingWeight);
  const effShareCents =
    effectiveness === null ? 0 : Math.round(cents(effectiveness) * (1 - rules.partyBuildingWeight));
  const total = fromCents(pbShareCents + effShareCents);
  const pending = scored.filter((i) => i.status === "pending").map((i) => i.key);
  const base = {
    indicators: scored.map(({ cents: _, ...i }) => i),
    partyBuilding,
    partyBuildingGrade,
    effectiveness,
    partyBuildingShare: fromCents(pbShareCents),
    effectivenessShare: fromCents(effShareCents),
    total,
    pending,
  };
  if (pending.length > 0 || effectiveness === null) {
    return { ...base, grade: null, rule: "awaiting-scores", advancedCandidate: false };
  }
  const byThreshold = gradeOf(total, rules.thresholds);
  if (byThreshold === "excellent" && !isGoodOrBetter(partyBuildingGrade)) {
    return { ...base, grade: "good", rule: "capped-by-party-building", advancedCandidate: false };
  }
  return {
    ...base,
    grade: byThreshold,
    rule: "threshold",
    advancedCandidate: byThreshold === "excellent",
  };
}

export interface Ranked<T> {
  rank: number;
  item: T;
}

/**
 * Ranks cards by total, then party building, then the given tie-breaker (a branch key):
 * equal totals and party building scores share a rank (1, 1, 3).
 */
export function rankCards<T>(
  items: readonly T[],
  cardOf: (item: T) => Pick<Card, "total" | "partyBuilding">,
  keyOf: (item: T) => string,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => {
    const ca = cardOf(a);
    const cb = cardOf(b);
    return (
      cb.total - ca.total || cb.partyBuilding - ca.partyBuilding || keyOf(a).localeCompare(keyOf(b))
    );
  });
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const card = cardOf(item);
    const tied =
      previous !== undefined &&
      cardOf(previous.item).total === card.total &&
      cardOf(previous.item).partyBuilding === card.partyBuilding;
    ranked.push({ rank: tied ? previous.rank : index + 1, item });
  });
  return ranked;
}

/** Problems of a set of rules and weights, as messages (the org file's check uses them). */
export function thresholdProblems(t: Thresholds): { field: keyof Thresholds; message: string }[] {
  const problems: { field: keyof Thresholds; message: string }[] = [];
  if (t.good >= t.excellent) {
    problems.push({
      field: "good",
      message: `must be below excellent (${t.excellent}), or no branch can be rated excellent`,
    });
  }
  if (t.fair >= t.good) {
    problems.push({
      field: "fair",
      message: `must be below good (${t.good}), or no branch can be rated good`,
    });
  }
  return problems;
}

/** The weights in hundredths: they must add up to exactly 100. */
export function weightsTotal(weights: readonly number[]): number {
  return fromCents(weights.reduce((sum, w) => sum + cents(w), 0));
}

/** The months `from`–`to` ("YYYY-MM"), in order. */
export function monthsFromTo(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    if (period > to) break;
    months.push(period);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/**
 * How many working days late a date is: the working days after the deadline's date up to and
 * including the date (`isWorkingDay` is the org's calendar).
 */
export function workingDaysLate(
  deadlineDate: string,
  date: string,
  isWorkingDay: (date: string) => boolean,
): number {
  let count = 0;
  const day = new Date(`${deadlineDate}T00:00:00Z`);
  for (let guard = 0; guard < 800; guard++) {
    day.setUTCDate(day.getUTCDate() + 1);
    const text = day.toISOString().slice(0, 10);
    if (text > date) break;
    if (isWorkingDay(text)) count += 1;
  }
  return count;
}
