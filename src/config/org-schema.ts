import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/index.ts";
import {
  type AnnualPlanSchedule,
  annualPlanSchedule,
  quarterTrackingSchedule,
} from "./annual-plan-schema.ts";
import { type Assessment, assessmentSchema } from "./assessment-schema.ts";
import {
  channelRef,
  dayOfMonth,
  distinctList,
  flag,
  localDate,
  nonEmptyText,
  oneOf,
  slug,
  TIME_OF_DAY,
  timeOfDay,
  timeZone,
  userList,
  WEEKDAYS,
  type Weekday,
  wholeNumber,
} from "./org-fields.ts";
import { type InspectionsConfig, inspectionsSchema } from "./org-inspections.ts";
import {
  type BranchService,
  checkServiceBranches,
  communitySchema,
  type PracticalProjectInput,
  practicalProjectsSchema,
  servicesSchema,
} from "./org-service-list.ts";
import {
  checkResponsibilityMembers,
  type Responsibilities,
  responsibilitiesSchema,
} from "./responsibility-schema.ts";
import { type Study, studySchema } from "./study-schema.ts";

export { WEEKDAYS, type Weekday } from "./org-fields.ts";

/** The org file after defaults: the complete configuration in force. */
export interface Org {
  organization: { name: string; timezone: string; locale: Locale };
  committee: { channel: string; members: string[]; admins: string[] };
  branches: Branch[];
  schedules: Schedules;
  lectureHall?: LectureHall;
  calendar: OrgCalendar;
  study?: Study;
  assessment?: Assessment;
  services?: BranchService[];
  practicalProjects?: PracticalProjectInput[];
  inspections?: InspectionsConfig;
  /** The leadership's responsibility lists of a year (issue 19). */
  responsibilities?: Responsibilities;
}
export interface Branch {
  key: string;
  name: string;
  channel: string;
  secretaries: string[];
  members: string[];
  classReps?: ClassReps;
  /** The joint-construction community the branch serves (service list). */
  community?: string;
}
export interface ClassReps {
  enabled: boolean;
  cadence: "weekly" | "monthly";
  /** Weekly cadence: the day of the rotation (default monday). */
  weekday?: Weekday;
  time: string;
  /** Default: the branch's secretaries, then its members. */
  roster: string[];
}
/** A day of the month (1–28) and a wall-clock time "HH:MM" in the org's zone. */
export interface MonthMoment {
  day: number;
  time: string;
}
export interface Schedules {
  monthlyReminder: MonthMoment;
  followUps: MonthMoment[];
  deadline: MonthMoment;
  /** A day that is not a working day moves to the next working day, or stays as-is. */
  workingDays: "next-working-day" | "as-is";
  approvalReminderHours: number;
  /** After downtime, fire times missed within this many hours still run. */
  catchUpWindowHours: number;
  /** The year's four plans: annual reminder, deadline, quarter tracking (absent: off). */
  annualPlan?: AnnualPlanSchedule;
  /** When `quarter-tracking` fires on the first working day after each quarter. */
  quarterTracking?: { time: string };
}
export interface LectureHall {
  channel: string;
  weekday: Weekday;
  time: string;
  noticeDaysBefore: number;
  speakersPerSession: number;
  roster: string[];
  syncWithChannel: boolean;
  skipPublicHolidays: boolean;
  /** Only when skipPublicHolidays: drop the session, or hold it on the next working day. */
  holidayPolicy?: "skip" | "next-working-day";
  place?: string;
}
export interface OrgCalendar {
  holidays: string[];
  workdays: string[];
  /** false: only weekends and the org's own days count (no statutory calendar). */
  useStatutoryHolidays: boolean;
}

export const DEFAULTS = {
  locale: "zh-CN",
  workingDays: "next-working-day",
  approvalReminderHours: 48,
  catchUpWindowHours: 24,
  classRepsTime: "09:00",
  classRepsWeekday: "monday",
  noticeDaysBefore: 2,
  speakersPerSession: 1,
} as const;

const minutes = (m: MonthMoment) => {
  const [h, min] = m.time.split(":").map(Number);
  return m.day * 1440 + (h ?? 0) * 60 + (min ?? 0);
};
const label = (m: MonthMoment) => `day ${m.day} ${m.time}`;
/** Field checks do not stop the object's own checks: these compare only well-formed moments. */
const wellFormed = (m: MonthMoment) =>
  Number.isInteger(m.day) && m.day >= 1 && m.day <= 28 && TIME_OF_DAY.test(m.time);

const moment = z.strictObject({ day: dayOfMonth, time: timeOfDay });

const organization = z.strictObject({
  name: nonEmptyText("the organization's name"),
  timezone: timeZone,
  locale: oneOf(LOCALES).default(DEFAULTS.locale),
});

const committee = z.strictObject({
  channel: channelRef,
  members: userList(1),
  admins: userList().default([]),
});

const classReps = z
  .strictObject({
    enabled: flag.default(true),
    cadence: oneOf(["weekly", "monthly"]).default("monthly"),
    weekday: oneOf(WEEKDAYS).optional(),
    time: timeOfDay.default(DEFAULTS.classRepsTime),
    roster: userList().optional(),
  })
  .transform(({ enabled, cadence, weekday, time, roster }) => ({
    enabled,
    cadence,
    ...(cadence === "weekly" || weekday !== undefined
      ? { weekday: weekday ?? DEFAULTS.classRepsWeekday }
      : {}),
    time,
    ...(roster === undefined ? {} : { roster }),
  }));

const branch = z
  .strictObject({
    key: slug,
    name: nonEmptyText("the branch's name"),
    channel: channelRef,
    secretaries: userList(1),
    members: userList().default([]),
    classReps: classReps.optional(),
    community: communitySchema.optional(),
  })
  .transform(({ classReps, ...b }): Branch => {
    if (classReps === undefined) return b;
    const roster = [...new Set([...b.secretaries, ...b.members])];
    return { ...b, classReps: { ...classReps, roster: classReps.roster ?? roster } };
  });

const branches = z.array(branch).superRefine((list, ctx) => {
  for (const field of ["key", "channel"] as const) {
    list.forEach((b, index) => {
      const first = list.findIndex((other) => other[field] === b[field]);
      if (first !== index) {
        ctx.addIssue({
          code: "custom",
          path: [index, field],
          input: b[field],
          message: `duplicate branch ${field} "${b[field]}" (also branches[${first}].${field})`,
        });
      }
    });
  }
});

const schedules = z
  .strictObject({
    monthlyReminder: moment,
    followUps: z.array(moment).default([]),
    deadline: moment,
    workingDays: oneOf(["next-working-day", "as-is"]).default(DEFAULTS.workingDays),
    approvalReminderHours: wholeNumber(1, 720, "a whole number of hours from 1 to 720").default(
      DEFAULTS.approvalReminderHours,
    ),
    catchUpWindowHours: wholeNumber(0, 744, "a whole number of hours from 0 to 744").default(
      DEFAULTS.catchUpWindowHours,
    ),
    annualPlan: annualPlanSchedule.optional(),
    quarterTracking: quarterTrackingSchedule.optional(),
  })
  .superRefine((s, ctx) => {
    if (![s.monthlyReminder, s.deadline, ...s.followUps].every(wellFormed)) return;
    const start = minutes(s.monthlyReminder);
    const end = minutes(s.deadline);
    if (end <= start) {
      ctx.addIssue({
        code: "custom",
        path: ["deadline"],
        input: s.deadline,
        message: `the deadline (${label(s.deadline)}) must come after the monthly reminder (${label(s.monthlyReminder)})`,
      });
    }
    s.followUps.forEach((f, index) => {
      const at = minutes(f);
      const message =
        s.followUps.findIndex((other) => minutes(other) === at) !== index
          ? `follow-up ${label(f)} is listed twice`
          : at <= start || at >= end
            ? `follow-up ${label(f)} must come after the monthly reminder (${label(s.monthlyReminder)}) and before the deadline (${label(s.deadline)})`
            : undefined;
      if (message) ctx.addIssue({ code: "custom", path: ["followUps", index], input: f, message });
    });
  });

const lectureHall = z
  .strictObject({
    channel: channelRef,
    weekday: oneOf(WEEKDAYS),
    time: timeOfDay,
    noticeDaysBefore: wholeNumber(0, 14, "a whole number of days from 0 to 14").default(
      DEFAULTS.noticeDaysBefore,
    ),
    speakersPerSession: wholeNumber(1, 20, "a whole number of speakers from 1 to 20").default(
      DEFAULTS.speakersPerSession,
    ),
    roster: userList().default([]),
    syncWithChannel: flag.default(false),
    skipPublicHolidays: flag.default(true),
    holidayPolicy: oneOf(["skip", "next-working-day"]).optional(),
    place: nonEmptyText("the place where sessions are held").optional(),
  })
  .superRefine((hall, ctx) => {
    if (!hall.syncWithChannel && hall.roster.length < hall.speakersPerSession) {
      ctx.addIssue({
        code: "custom",
        path: ["roster"],
        input: hall.roster,
        message:
          hall.roster.length === 0
            ? "the roster is empty: list the speakers, or set syncWithChannel: true"
            : `${hall.roster.length} people cannot fill ${hall.speakersPerSession} speaker places per session`,
      });
    }
    if (!hall.skipPublicHolidays && hall.holidayPolicy !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["holidayPolicy"],
        input: hall.holidayPolicy,
        message: "has no effect when skipPublicHolidays is false: remove it, or set that to true",
      });
    }
  })
  .transform(({ holidayPolicy, place, ...hall }): LectureHall => {
    const policy = hall.skipPublicHolidays ? (holidayPolicy ?? "skip") : undefined;
    return {
      ...hall,
      ...(policy === undefined ? {} : { holidayPolicy: policy }),
      ...(place === undefined ? {} : { place }),
    };
  });

const dates = distinctList(localDate, 'a list of dates "YYYY-MM-DD"');
const calendar = z
  .strictObject({
    holidays: dates.default([]),
    workdays: dates.default([]),
    useStatutoryHolidays: flag.default(true),
  })
  .superRefine((c, ctx) => {
    c.workdays.forEach((day, index) => {
      if (c.holidays.includes(day)) {
        ctx.addIssue({
          code: "custom",
          path: ["workdays", index],
          input: day,
          message: `${day} is also listed as a holiday`,
        });
      }
    });
  });

export const orgSchema = z
  .strictObject({
    organization,
    committee,
    branches: branches.default([]),
    schedules,
    lectureHall: lectureHall.optional(),
    calendar: calendar.default({ holidays: [], workdays: [], useStatutoryHolidays: true }),
    study: studySchema.optional(),
    assessment: assessmentSchema.optional(),
    services: servicesSchema.optional(),
    practicalProjects: practicalProjectsSchema.optional(),
    inspections: inspectionsSchema.optional(),
    responsibilities: responsibilitiesSchema.optional(),
  })
  .superRefine(checkServiceBranches, { when: () => true })
  .superRefine(checkResponsibilityMembers, { when: () => true });

/** What a file may say (defaults not yet applied). */
export type OrgInput = z.input<typeof orgSchema>;

// The schema and the interfaces above describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees: Same<z.output<typeof orgSchema>, Org> = true;
void agrees;
