/**
 * What the lecture hall needs of the org's configuration: the hall's settings and its schedule
 * in the domain's terms, read from Organization.settings (validated when the org was applied;
 * parsed again here because jobs see the settings as plain JSON).
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { loadOrgRecord } from "../../db/repositories/org.ts";
import type { CalendarSettings } from "../../domain/calendar.ts";
import type { ScheduleContext } from "../../domain/lecture-schedule.ts";
import { WEEKDAYS } from "../../domain/lecture-time.ts";
import { type Locale, localeOr, type Translator, translator } from "../../i18n/index.ts";
import { calendarOf } from "../org/calendar-settings.ts";

export interface HallSettings {
  channel: string;
  place: string | null;
  speakersPerSession: number;
  /** The org file's roster (used unless syncWithChannel). */
  roster: string[];
  syncWithChannel: boolean;
}

export interface LectureSchedule {
  hall: HallSettings;
  schedule: ScheduleContext;
}

export interface LectureOrg extends LectureSchedule {
  locale: Locale;
  t: Translator;
  timezone: string;
}

const settingsSchema = z.object({
  lectureHall: z
    .object({
      channel: z.string(),
      weekday: z.enum(WEEKDAYS),
      time: z.string(),
      noticeDaysBefore: z.number().int().min(0).default(2),
      speakersPerSession: z.number().int().min(1).default(1),
      roster: z.array(z.string()).default([]),
      syncWithChannel: z.boolean().default(false),
      skipPublicHolidays: z.boolean().default(true),
      holidayPolicy: z.enum(["skip", "next-working-day"]).optional(),
      place: z.string().optional(),
    })
    .loose()
    .optional(),
});

/** The hall and its schedule, or null when the org has no lecture hall. */
export function lectureScheduleOf(settings: unknown, timezone: string): LectureSchedule | null {
  const h = settingsSchema.parse(settings).lectureHall;
  if (!h) return null;
  return {
    hall: {
      channel: h.channel,
      place: h.place ?? null,
      speakersPerSession: h.speakersPerSession,
      roster: h.roster,
      syncWithChannel: h.syncWithChannel,
    },
    schedule: {
      timing: {
        weekday: h.weekday,
        time: h.time,
        noticeDaysBefore: h.noticeDaysBefore,
        skipPublicHolidays: h.skipPublicHolidays,
        ...(h.holidayPolicy ? { holidayPolicy: h.holidayPolicy } : {}),
      },
      calendar: calendarOf(settings, timezone),
    },
  };
}

/** The org's language, zone and calendar, whether or not it has a lecture hall. */
export interface OrgBasics {
  locale: Locale;
  t: Translator;
  timezone: string;
  calendar: CalendarSettings;
  settings: unknown;
}

export async function loadOrgBasics(db: Database): Promise<OrgBasics | null> {
  const record = await loadOrgRecord(db);
  if (!record) return null;
  const locale: Locale = localeOr(record.locale);
  return {
    locale,
    t: translator(locale),
    timezone: record.timezone,
    calendar: calendarOf(record.settings, record.timezone),
    settings: record.settings,
  };
}

/** The lecture hall as configured, or null (no org, or no lectureHall section). */
export async function loadLectureOrg(db: Database): Promise<LectureOrg | null> {
  const basics = await loadOrgBasics(db);
  if (!basics) return null;
  const lecture = lectureScheduleOf(basics.settings, basics.timezone);
  if (!lecture) return null;
  return { ...lecture, locale: basics.locale, t: basics.t, timezone: basics.timezone };
}
