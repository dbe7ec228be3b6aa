/**
 * The org's working-day calendar (Organization.settings.calendar) in the domain's terms, for
 * the round trip's schedule and the lecture hall's alike. Validated when the org was applied;
 * parsed again here because jobs see the settings as plain JSON.
 */
import { z } from "zod";
import type { CalendarSettings } from "../../domain/calendar.ts";

const calendarSchema = z.object({
  calendar: z
    .object({
      holidays: z.array(z.string()).default([]),
      workdays: z.array(z.string()).default([]),
      useStatutoryHolidays: z.boolean().optional(),
    })
    .loose()
    .optional(),
});

export function calendarOf(settings: unknown, timezone: string): CalendarSettings {
  const c = calendarSchema.parse(settings).calendar;
  return {
    timezone,
    holidays: c?.holidays ?? [],
    workdays: c?.workdays ?? [],
    ...(c?.useStatutoryHolidays === undefined
      ? {}
      : { useStatutoryHolidays: c.useStatutoryHolidays }),
  };
}
