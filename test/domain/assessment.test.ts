import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssessmentRules,
  GRADES,
  gradeOf,
  type IndicatorInput,
  isGoodOrBetter,
  rankCards,
  scoreCard,
  thresholdProblems,
  weightsTotal,
} from "../../src/domain/assessment.ts";

const rules: AssessmentRules = {
  partyBuildingWeight: 0.4,
  thresholds: { excellent: 90, good: 80, fair: 60 },
};

const computed = (key: string, weight: number, achieved: number, expected: number) =>
  ({ key, weight, kind: "computed", achieved, expected }) as const;
const manual = (key: string, weight: number, score: number | null) =>
  ({ key, weight, kind: "manual", score }) as const;

describe("a card's points", () => {
  it("gives each computed indicator its weight times the share achieved", () => {
    const card = scoreCard(rules, [computed("on-time", 50, 9, 12), manual("review", 50, 40)], 80);
    expect(card.indicators).toEqual([
      { key: "on-time", kind: "computed", weight: 50, points: 37.5, status: "scored" },
      { key: "review", kind: "manual", weight: 50, points: 40, status: "scored" },
    ]);
    expect(card.partyBuilding).toBe(77.5);
    expect(card.partyBuildingShare).toBe(31);
    expect(card.effectivenessShare).toBe(48);
    expect(card.total).toBe(79);
    expect(card.grade).toBe("fair");
    expect(card.rule).toBe("threshold");
  });

  it("gives full points where nothing was expected, and says so", () => {
    const card = scoreCard(rules, [computed("turns", 100, 0, 0)], 100);
    expect(card.indicators[0]).toMatchObject({ points: 100, status: "not-applicable" });
    expect(card.grade).toBe("excellent");
    expect(card.advancedCandidate).toBe(true);
  });

  it("has no grade while a manual score or the effectiveness score is missing", () => {
    const missingManual = scoreCard(rules, [manual("review", 100, null)], 95);
    expect(missingManual).toMatchObject({
      grade: null,
      rule: "awaiting-scores",
      pending: ["review"],
      advancedCandidate: false,
    });
    const missingEffectiveness = scoreCard(rules, [manual("review", 100, 95)], null);
    expect(missingEffectiveness).toMatchObject({ grade: null, rule: "awaiting-scores" });
    expect(missingEffectiveness.partyBuildingGrade).toBe("excellent");
  });

  it("caps at good a total that reaches excellent while party building is only fair", () => {
    // 0.4 × 70 + 0.6 × 100 = 88 < 90: raise effectiveness weight to reach it.
    const heavy: AssessmentRules = { ...rules, partyBuildingWeight: 0.1 };
    const card = scoreCard(heavy, [manual("review", 100, 70)], 100);
    expect(card.total).toBe(97);
    expect(card.partyBuildingGrade).toBe("fair");
    expect(card).toMatchObject({
      grade: "good",
      rule: "capped-by-party-building",
      advancedCandidate: false,
    });
  });

  it("makes excellent overall an advanced collective candidate", () => {
    const card = scoreCard(rules, [manual("review", 100, 92)], 95);
    expect(card.total).toBe(93.8);
    expect(card).toMatchObject({ grade: "excellent", rule: "threshold", advancedCandidate: true });
  });

  it("keeps a manual score within the indicator's weight", () => {
    const card = scoreCard(rules, [manual("review", 30, 45), computed("x", 70, 7, 7)], 90);
    expect(card.indicators[0]?.points).toBe(30);
  });
});

describe("grades and thresholds", () => {
  it("grades a score by the lowest score of each grade", () => {
    expect(gradeOf(90, rules.thresholds)).toBe("excellent");
    expect(gradeOf(89.99, rules.thresholds)).toBe("good");
    expect(gradeOf(60, rules.thresholds)).toBe("fair");
    expect(gradeOf(59.99, rules.thresholds)).toBe("poor");
  });

  it("names the threshold that makes a grade unreachable", () => {
    expect(thresholdProblems({ excellent: 80, good: 85, fair: 60 })).toEqual([
      { field: "good", message: expect.stringContaining("no branch can be rated excellent") },
    ]);
    expect(thresholdProblems({ excellent: 90, good: 70, fair: 70 })).toEqual([
      { field: "fair", message: expect.stringContaining("no branch can be rated good") },
    ]);
  });

  it("adds weights in hundredths (no floating-point drift)", () => {
    expect(weightsTotal([33.33, 33.33, 33.34])).toBe(100);
    expect(weightsTotal([0.1, 0.2, 99.7])).toBe(100);
    expect(weightsTotal([50, 49])).toBe(99);
  });
});

describe("ranking", () => {
  it("ranks by total, then party building; equal cards share a rank", () => {
    const cards = [
      { key: "a", total: 80, partyBuilding: 70 },
      { key: "b", total: 90, partyBuilding: 90 },
      { key: "c", total: 80, partyBuilding: 70 },
      { key: "d", total: 80, partyBuilding: 75 },
    ];
    const ranked = rankCards(
      cards,
      (c) => c,
      (c) => c.key,
    );
    expect(ranked.map((r) => `${r.rank}:${r.item.key}`)).toEqual(["1:b", "2:d", "3:a", "3:c"]);
  });
});

describe("for any card (property)", () => {
  const thresholdsArb = fc
    .tuple(
      fc.integer({ min: 1, max: 98 }),
      fc.integer({ min: 1, max: 98 }),
      fc.integer({ min: 1, max: 98 }),
    )
    .map(([a, b, c]) => [...new Set([a, b, c, 99])].sort((x, y) => y - x))
    .filter((t) => t.length >= 3)
    .map(([excellent, good, fair]) => ({ excellent: excellent!, good: good!, fair: fair! }));

  // Weights in hundredths that add up to 100.
  const weightsArb = fc
    .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 })
    .map((parts) => {
      const sum = parts.reduce((a, b) => a + b, 0);
      const cents = parts.map((p) => Math.max(1, Math.floor((p * 10000) / sum)));
      cents[0]! += 10000 - cents.reduce((a, b) => a + b, 0);
      return cents.filter((c) => c > 0).map((c) => c / 100);
    })
    .filter((w) => weightsTotal(w) === 100 && w.every((x) => x > 0));

  const cardArb = fc
    .record({
      weights: weightsArb,
      thresholds: thresholdsArb,
      pbWeight: fc.integer({ min: 1, max: 99 }).map((n) => n / 100),
      effectiveness: fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100)),
      seeds: fc.array(
        fc.record({
          manual: fc.boolean(),
          expected: fc.integer({ min: 0, max: 60 }),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          scored: fc.boolean(),
        }),
        { minLength: 8, maxLength: 8 },
      ),
    })
    .map(({ weights, thresholds, pbWeight, effectiveness, seeds }) => {
      const indicators: IndicatorInput[] = weights.map((weight, i) => {
        const s = seeds[i]!;
        return s.manual
          ? manual(`m${i}`, weight, s.scored ? Math.round(weight * s.share * 100) / 100 : null)
          : computed(`c${i}`, weight, Math.round(s.expected * s.share), s.expected);
      });
      return { rules: { partyBuildingWeight: pbWeight, thresholds }, indicators, effectiveness };
    });

  it("the indicators' points add up to party building, the shares to the total, and the grade rules hold", () => {
    fc.assert(
      fc.property(cardArb, ({ rules: r, indicators, effectiveness }) => {
        const card = scoreCard(r, indicators, effectiveness);
        const cents = (n: number) => Math.round(n * 100);
        expect(card.indicators.reduce((s, i) => s + cents(i.points), 0)).toBe(
          cents(card.partyBuilding),
        );
        expect(cents(card.partyBuildingShare) + cents(card.effectivenessShare)).toBe(
          cents(card.total),
        );
        for (const i of card.indicators) {
          expect(i.points).toBeGreaterThanOrEqual(0);
          expect(i.points).toBeLessThanOrEqual(i.weight);
        }
        expect(card.partyBuilding).toBeLessThanOrEqual(100);
        expect(card.partyBuildingGrade).toBe(gradeOf(card.partyBuilding, r.thresholds));
        if (card.pending.length > 0 || effectiveness === null) {
          expect(card.grade).toBeNull();
          expect(card.rule).toBe("awaiting-scores");
        } else {
          expect(GRADES).toContain(card.grade);
          // Excellent only when party building is good or better.
          if (card.grade === "excellent")
            expect(isGoodOrBetter(card.partyBuildingGrade)).toBe(true);
          // The grade is the threshold's, except for the cap, which the card names.
          const byThreshold = gradeOf(card.total, r.thresholds);
          if (card.rule === "capped-by-party-building") {
            expect(byThreshold).toBe("excellent");
            expect(card.grade).toBe("good");
          } else {
            expect(card.grade).toBe(byThreshold);
          }
        }
        // Advanced collective candidates only among the excellent.
        expect(card.advancedCandidate).toBe(card.grade === "excellent");
      }),
      { numRuns: 300 },
    );
  });
});
