/**
 * The org file's `schedules.annualPlan`: when each branch is asked for the year's four plans,
 * their deadline, and the time of day of each quarter's tracking. Optional: without it no
 * annual reminder or quarter tracking fires.
 */
import { z } from "zod";
import type { AnnualPlanSchedule, YearMoment } from "../domain/annual-plan.ts";
import { TIME_OF_DAY, timeOfDay, wholeNumber } from "./org-fields.ts";

export type { AnnualPlanSchedule, YearMoment };

export const DEFAULT_TRACKING_TIME = "09:00";

/** Days in each month of a year that is not a leap year (a 29 February would skip three years). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const yearMoment = z.strictObject({
  month: wholeNumber(1, 12, "a month from 1 to 12"),
  day: wholeNumber(1, 31, "a day of the month from 1 to 31"),
  time: timeOfDay,
});

const minutes = (m: YearMoment) => {
  const [h, min] = m.time.split(":").map(Number);
  return (m.month * 32 + m.day) * 1440 + (h ?? 0) * 60 + (min ?? 0);
};
const label = (m: YearMoment) => `month ${m.month} day ${m.day} ${m.time}`;
const wellFormed = (m: YearMoment) =>
  Number.isInteger(m.month) &&
  m.month >= 1 &&
  m.month <= 12 &&
  Number.isInteger(m.day) &&
  m.day >= 1 &&
  m.day <= 31 &&
  TIME_OF_DAY.test(m.time);

export const annualPlanSchedule = z
  .strictObject({
    month: yearMoment.shape.month,
    day: yearMoment.shape.day,
    time: timeOfDay,
    deadline: yearMoment,
    trackingTime: timeOfDay.default(DEFAULT_TRACKING_TIME),
  })
  .superRefine((s, ctx) => {
    const moments: [YearMoment, (string | number)[]][] = [
      [s, []],
      [s.deadline, ["deadline"]],
    ];
    for (const [m, path] of moments) {
      if (!wellFormed(m)) return;
      const max = MONTH_DAYS[m.month - 1] ?? 31;
      if (m.day > max)
        ctx.addIssue({
          code: "custom",
          path: [...path, "day"],
          input: m.day,
          message: `month ${m.month} has ${max} days (every year): got day ${m.day}`,
        });
    }
    if (minutes(s.deadline) <= minutes(s)) {
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        input: s.deadline,
        message: `the deadline (${label(s.deadline)}) must come after the annual reminder (${label(s)}) in the same year`,
      });
    }
  });

/** `schedules.quarterTracking`: the time of day of each quarter's tracking (its day: the first
 * working day after the quarter). Without it, `annualPlan.trackingTime` or 09:00. */
export const quarterTrackingSchedule = z.strictObject({
  time: timeOfDay.default(DEFAULT_TRACKING_TIME),
});
