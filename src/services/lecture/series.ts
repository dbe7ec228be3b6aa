/**
 * The rotation series the engine runs: the lecture hall ("lecture") and each branch's class
 * representatives ("classrep:<branch key>"). A series says who is in its roster, how many speak
 * per session, and on which days its sessions take place.
 */
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { classRepBranches, type RotationRow } from "../../db/repositories/lecture.ts";
import { addDays, type LocalDate, onOrNextWorkingDay } from "../../domain/calendar.ts";
import { heldSessions, sessionsBetween } from "../../domain/lecture-schedule.ts";
import { dayOfWeek, WEEKDAYS, type Weekday, zonedInstant } from "../../domain/lecture-time.ts";
import {
  type LectureSchedule,
  lectureScheduleOf,
  loadOrgBasics,
  type OrgBasics,
} from "./config.ts";

export const LECTURE_SERIES = "lecture";
const CLASSREP_PREFIX = "classrep:";

export const classRepSeries = (branchKey: string) => `${CLASSREP_PREFIX}${branchKey}`;
export const branchOfSeries = (series: string): string | null =>
  series.startsWith(CLASSREP_PREFIX) ? series.slice(CLASSREP_PREFIX.length) : null;

export interface PlannedSession {
  date: LocalDate;
  startsAt: Date;
}

export interface SeriesSpec {
  series: string;
  slots: number;
  /** The configured roster; the channel's members replace it when `synced`. */
  roster: readonly string[];
  synced: boolean;
  /** Sessions that take place with `from <= date <= to`, in order. */
  sessionsIn(from: LocalDate, to: LocalDate): PlannedSession[];
}

export interface ClassRepConfig {
  key: string;
  name: string;
  cadence: "weekly" | "monthly";
  weekday: Weekday;
  time: string;
  roster: string[];
}

/** Everything the lecture features read of the org, loaded once per use case. */
export interface LectureEnv extends OrgBasics {
  lecture: LectureSchedule | null;
  classReps: Map<string, ClassRepConfig>;
}

const classRepsSchema = z.object({
  enabled: z.boolean().default(true),
  cadence: z.enum(["weekly", "monthly"]).default("monthly"),
  weekday: z.enum(WEEKDAYS).optional(),
  time: z.string().default("09:00"),
  roster: z.array(z.string()).default([]),
});

export async function loadLectureEnv(db: Database): Promise<LectureEnv | null> {
  const basics = await loadOrgBasics(db);
  if (!basics) return null;
  const classReps = new Map<string, ClassRepConfig>();
  for (const branch of await classRepBranches(db)) {
    const parsed = classRepsSchema.safeParse(branch.classReps);
    if (!parsed.success || !parsed.data.enabled) continue;
    const c = parsed.data;
    classReps.set(branch.key, {
      key: branch.key,
      name: branch.name,
      cadence: c.cadence,
      weekday: c.weekday ?? "monday",
      time: c.time,
      roster: c.roster,
    });
  }
  return { ...basics, lecture: lectureScheduleOf(basics.settings, basics.timezone), classReps };
}

export function lectureSpec(lecture: LectureSchedule): SeriesSpec {
  return {
    series: LECTURE_SERIES,
    slots: lecture.hall.speakersPerSession,
    roster: lecture.hall.roster,
    synced: lecture.hall.syncWithChannel,
    sessionsIn: (from, to) =>
      heldSessions(sessionsBetween(lecture.schedule, from, to)).map((s) => ({
        date: s.date,
        startsAt: s.startsAt,
      })),
  };
}

/** The day a class representative's turn starts in the period containing `date`. */
export function classRepDay(env: Pick<LectureEnv, "calendar">, c: ClassRepConfig, date: LocalDate) {
  if (c.cadence === "monthly") return onOrNextWorkingDay(env.calendar, `${date.slice(0, 7)}-01`);
  const back = (dayOfWeek(date) - WEEKDAYS.indexOf(c.weekday) + 7) % 7;
  return addDays(date, -back);
}

export function classRepSpec(env: Pick<LectureEnv, "calendar">, c: ClassRepConfig): SeriesSpec {
  const zone = env.calendar.timezone;
  return {
    series: classRepSeries(c.key),
    slots: 1,
    roster: c.roster,
    synced: false,
    sessionsIn(from, to) {
      const days = new Set<LocalDate>();
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const start = classRepDay(env, c, day);
        if (start >= from && start <= to) days.add(start);
      }
      return [...days].sort().map((date) => ({ date, startsAt: zonedInstant(date, c.time, zone) }));
    },
  };
}

/** The spec of a stored series, or null when the org no longer has it. */
export function specOf(env: LectureEnv, series: string): SeriesSpec | null {
  if (series === LECTURE_SERIES) return env.lecture ? lectureSpec(env.lecture) : null;
  const key = branchOfSeries(series);
  const c = key === null ? undefined : env.classReps.get(key);
  return c ? classRepSpec(env, c) : null;
}

/** The roster in force: the channel's members when synced and read, else the configured one. */
export function rosterOf(spec: SeriesSpec, row: RotationRow | null): string[] {
  return [...(spec.synced && row?.roster ? row.roster : spec.roster)];
}
