/**
 * What the annual plans need of the org's configuration: language, zone, committee channel,
 * the working-day calendar and `schedules.annualPlan` in the domain's terms (null: not set up,
 * so no annual reminder or quarter tracking fires).
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import type { PlanSettings } from "../../domain/annual-plan.ts";
import type { CalendarSettings } from "../../domain/calendar.ts";
import type { Locale, Translator } from "../../i18n/index.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { loadOrgBasics } from "../tasklist/org.ts";

export interface PlanOrg {
  locale: Locale;
  t: Translator;
  tz: string;
  committeeChannel: string;
  calendar: CalendarSettings;
  /** null: the org file has no `schedules.annualPlan`. */
  plans: PlanSettings | null;
}

const moment = z.object({ month: z.number().int(), day: z.number().int(), time: z.string() });
const settingsSchema = z.object({
  schedules: z
    .object({
      workingDays: z.enum(["next-working-day", "as-is"]).optional(),
      annualPlan: moment
        .extend({ deadline: moment, trackingTime: z.string().default("09:00") })
        .optional(),
      quarterTracking: z.object({ time: z.string() }).loose().optional(),
    })
    .loose()
    .optional(),
});

/** The plans' schedule from Organization.settings (as validated when the org was applied). */
export function planSettingsOf(settings: unknown, timezone: string): PlanSettings | null {
  const s = settingsSchema.parse(settings).schedules;
  if (!s?.annualPlan) return null;
  const trackingTime = s.quarterTracking?.time ?? s.annualPlan.trackingTime;
  return {
    schedule: { ...s.annualPlan, trackingTime },
    calendar: calendarOf(settings, timezone),
    workingDays: s.workingDays ?? "next-working-day",
  };
}

export async function loadPlanOrg(db: Database): Promise<PlanOrg> {
  const { record, base } = await loadOrgBasics(db);
  return {
    ...base,
    calendar: calendarOf(record.settings, record.timezone),
    plans: planSettingsOf(record.settings, record.timezone),
  };
}
