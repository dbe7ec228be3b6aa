/**
 * The org file's `assessment:` section (issue 22). Only `partyBuildingWeight` is needed; the
 * rest has defaults. A computed indicator names a source some feature contributes
 * (Feature.assessmentSources): the names are known where the feature list is, so the check that
 * a source exists is parseOrgFile's `assessmentSources` option, with the line of the name.
 */
import { z } from "zod";
import { thresholdProblems, weightsTotal } from "../domain/assessment.ts";
import {
  dayOfMonth,
  expected,
  flag,
  nonEmptyText,
  slug,
  timeOfDay,
  wholeNumber,
} from "./org-fields.ts";

export interface AssessmentIndicator {
  key: string;
  /** Its most points; all indicators' weights add up to 100. */
  weight: number;
  /** A computed indicator: the source's name. */
  source?: string;
  /** A manual indicator: committee members score it (0–weight). */
  manual?: true;
  /** How the card names a manual indicator (a computed one takes its source's label). */
  name?: string;
}

export interface Assessment {
  /** Party building's share of the total (the seed: 0.4). */
  partyBuildingWeight: number;
  /** When the `assessment-draft` job drafts the year's cards (in the org's zone). */
  draft: { month: number; day: number; time: string };
  /** Days after the draft in which a secretary may remark on or contest a point. */
  contestDays: number;
  thresholds: { excellent: number; good: number; fair: number };
  indicators: AssessmentIndicator[];
}

export const ASSESSMENT_DEFAULTS = {
  draft: { month: 12, day: 20, time: "09:00" },
  contestDays: 7,
  thresholds: { excellent: 90, good: 80, fair: 60 },
  indicators: [
    { key: "lists-on-time", weight: 15, source: "lists-on-time" },
    { key: "lists-approved-first-time", weight: 15, source: "lists-approved-first-time" },
    { key: "list-items-done", weight: 20, source: "list-items-done" },
    { key: "lecture-turns-taken", weight: 10, source: "lecture-turns-taken" },
    { key: "lecture-sessions-held", weight: 10, source: "lecture-sessions-held" },
    { key: "review-meeting", weight: 30, manual: true, name: "Review meeting" },
  ] as AssessmentIndicator[],
} as const;

const score = (what: string) => {
  const error = expected(what);
  return z.number({ error }).min(1, { error }).max(100, { error });
};

const weight = (() => {
  const error = expected("a number of points above 0 and at most 100, with at most 2 decimals");
  return z
    .number({ error })
    .gt(0, { error })
    .max(100, { error })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { error });
})();

const indicator = z
  .strictObject({
    key: slug,
    weight,
    source: slug.optional(),
    manual: flag.optional(),
    name: nonEmptyText("the indicator's name").optional(),
  })
  .superRefine((i, ctx) => {
    const manual = i.manual === true;
    if (manual === (i.source !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: manual ? ["source"] : ["manual"],
        input: i,
        message: manual
          ? "an indicator is either computed (source) or manual, not both"
          : "missing: give a source the bot computes (source: lists-on-time), or manual: true",
      });
    }
  })
  .transform(
    ({ manual, source, name, ...i }): AssessmentIndicator => ({
      ...i,
      ...(source === undefined ? {} : { source }),
      ...(manual === true ? { manual: true as const } : {}),
      ...(name === undefined ? {} : { name }),
    }),
  );

const thresholds = z
  .strictObject({
    excellent: score("a score from 1 to 100"),
    good: score("a score from 1 to 100"),
    fair: score("a score from 1 to 100"),
  })
  .superRefine((t, ctx) => {
    for (const p of thresholdProblems(t)) {
      ctx.addIssue({ code: "custom", path: [p.field], input: t[p.field], message: p.message });
    }
  });

const indicators = z
  .array(indicator)
  .min(1, { error: () => "must not be empty: list the indicators" })
  .superRefine((list, ctx) => {
    list.forEach((i, index) => {
      const first = list.findIndex((o) => o.key === i.key);
      if (first !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          input: i.key,
          message: `duplicate indicator key "${i.key}" (also indicators[${first}].key)`,
        });
      }
    });
    const total = weightsTotal(list.map((i) => i.weight));
    if (total !== 100) {
      ctx.addIssue({
        code: "custom",
        path: [],
        input: list,
        message: `the weights add up to ${total}, not 100`,
      });
    }
  });

export const assessmentSchema = z
  .strictObject({
    partyBuildingWeight: (() => {
      const error = expected("a share between 0 and 1, such as 0.4");
      return z.number({ error }).gt(0, { error }).lt(1, { error });
    })(),
    draft: z
      .strictObject({
        month: wholeNumber(1, 12, "a month from 1 to 12"),
        day: dayOfMonth,
        time: timeOfDay,
      })
      .default(ASSESSMENT_DEFAULTS.draft),
    contestDays: wholeNumber(0, 60, "a whole number of days from 0 to 60").default(
      ASSESSMENT_DEFAULTS.contestDays,
    ),
    thresholds: thresholds.default(ASSESSMENT_DEFAULTS.thresholds),
    indicators: indicators.default(ASSESSMENT_DEFAULTS.indicators),
  })
  .transform((a): Assessment => a);

/** The computed indicators whose source is not one of `known`: [index, source]. */
export function unknownSources(
  assessment: Assessment | undefined,
  known: readonly string[],
): { index: number; source: string }[] {
  return (assessment?.indicators ?? []).flatMap((i, index) =>
    i.source !== undefined && !known.includes(i.source) ? [{ index, source: i.source }] : [],
  );
}
