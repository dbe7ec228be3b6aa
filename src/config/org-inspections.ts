/**
 * The org file's `inspections` section (issue 21): the months mutual-inspection and supervision
 * rounds open in, the window, the time of day rounds open, and the checklist.
 */
import { z } from "zod";
import { DEFAULT_ROUND_TIME, DEFAULT_WINDOW_DAYS } from "../domain/inspection-round.ts";
import { nonEmptyText, slug, timeOfDay, wholeNumber } from "./org-fields.ts";

export interface InspectionsConfig {
  mutual: { months: number[] };
  supervision: { months: number[] };
  /** Calendar days a round stays open. */
  windowDays: number;
  /** The time of day a round opens, on the first working day of its month. */
  time: string;
  /** Empty: the default checklist (four items, 100 points). */
  checklist: { key: string; title: string; maxScore: number; hint?: string }[];
}

const month = wholeNumber(1, 12, "a month from 1 to 12");
const months = z
  .array(month, { error: "expected a list of months from 1 to 12, such as [6, 12]" })
  .superRefine((list, ctx) => {
    list.forEach((m, index) => {
      const first = list.indexOf(m);
      if (first !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          input: m,
          message: `month ${m} is listed twice (also at [${first}])`,
        });
      }
    });
  });

const checklistItem = z
  .strictObject({
    key: slug,
    title: nonEmptyText("the item's title"),
    maxScore: wholeNumber(1, 1000, "a whole number of points from 1 to 1000"),
    hint: nonEmptyText("what to look at").optional(),
  })
  .transform(({ hint, ...item }) => ({ ...item, ...(hint === undefined ? {} : { hint }) }));

const checklist = z
  .array(checklistItem)
  .max(40, { error: "at most 40 checklist items (the checklist form holds no more)" })
  .superRefine((list, ctx) => {
    list.forEach((item, index) => {
      const first = list.findIndex((other) => other.key === item.key);
      if (first !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          input: item.key,
          message: `duplicate checklist key "${item.key}" (also checklist[${first}].key)`,
        });
      }
    });
  });

export const inspectionsSchema = z.strictObject({
  mutual: z.strictObject({ months }).default({ months: [6, 12] }),
  supervision: z.strictObject({ months }).default({ months: [3, 6, 9, 12] }),
  windowDays: wholeNumber(1, 60, "a whole number of days from 1 to 60").default(
    DEFAULT_WINDOW_DAYS,
  ),
  time: timeOfDay.default(DEFAULT_ROUND_TIME),
  checklist: checklist.default([]),
});

// The schema and the interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.output<typeof inspectionsSchema>, InspectionsConfig> = true;
void agrees;
