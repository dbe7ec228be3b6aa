/**
 * What the round-trip needs of the org's configuration: language, zone, committee channel, and
 * the month's schedule and working-day calendar in the domain's terms.
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import type { CalendarSettings } from "../../domain/calendar.ts";
import type { ScheduleSettings } from "../../domain/month-schedule.ts";
import { type Locale, localeOr, type Translator, translator } from "../../i18n/index.ts";
import { calendarOf } from "../org/calendar-settings.ts";

export interface TasklistOrg {
  locale: Locale;
  t: Translator;
  tz: string;
  committeeChannel: string;
  schedule: ScheduleSettings;
  calendar: CalendarSettings;
}

const dayTime = z.object({ day: z.number().int(), time: z.string() });
const settingsSchema = z.object({
  schedules: z
    .object({
      monthlyReminder: dayTime,
      followUps: z.array(dayTime).default([]),
      deadline: dayTime,
      workingDays: z.enum(["next-working-day", "as-is"]).optional(),
      approvalReminderHours: z.number().optional(),
      monthEndSummary: dayTime.optional(),
    })
    .loose(),
});

/** The schedule and calendar from Organization.settings (as validated when the org was applied). */
export function scheduleOf(
  settings: unknown,
  timezone: string,
): { schedule: ScheduleSettings; calendar: CalendarSettings } {
  const s = settingsSchema.parse(settings).schedules;
  const schedule: ScheduleSettings = {
    monthlyReminder: s.monthlyReminder,
    followUps: s.followUps,
    deadline: s.deadline,
    ...(s.workingDays ? { workingDays: s.workingDays } : {}),
    ...(s.approvalReminderHours ? { approvalReminderHours: s.approvalReminderHours } : {}),
    ...(s.monthEndSummary ? { monthEndSummary: s.monthEndSummary } : {}),
  };
  return { schedule, calendar: calendarOf(settings, timezone) };
}

export class NoOrgError extends Error {
  override name = "NoOrgError";
  constructor() {
    super("no organisation applied yet");
  }
}

/** The org as stored and what every practice's org starts from: language, zone, committee. */
export async function loadOrgBasics(db: Database) {
  const record = await loadOrgRecord(db);
  if (!record) throw new NoOrgError();
  const locale: Locale = localeOr(record.locale);
  const base = {
    locale,
    t: translator(locale),
    tz: record.timezone,
    committeeChannel: record.committeeChannel,
  };
  return { record, base };
}

export async function loadTasklistOrg(db: Database): Promise<TasklistOrg> {
  const { record, base } = await loadOrgBasics(db);
  return { ...base, ...scheduleOf(record.settings, record.timezone) };
}
