/**
 * Study on the App Home, loaded in two queries whatever the size of the org (the year's
 * sessions up to 60 days ahead, the year's youth projects): for everyone, their coming sessions,
 * their record this year, the make-ups they owe and their projects; for a branch secretary,
 * their branches' study this year; for the committee, the year's figures and the project
 * results waiting for review.
 */
import {
  type ProjectRecord,
  projectsOfYear,
  type Reader,
  studySessionsBetween,
} from "../../db/repositories/study.ts";
import { addDays } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import { type AttendanceRecord, studyHours, tallyAttendance } from "../../domain/study.ts";
import type { StudyHomeView } from "../../ports/study.ts";
import { projectView } from "./projects.ts";
import { branchTally, owedMakeUps } from "./record.ts";

const AHEAD_DAYS = 60;
const UPCOMING_SHOWN = 3;

export interface StudyHomeViewer {
  userId: string;
  committee: boolean;
  admin: boolean;
  secretaryOf: { id: number; name: string }[];
}

const inProject = (p: ProjectRecord, userId: string) =>
  p.leadUserId === userId || p.members.includes(userId);

export async function loadStudyHome(
  db: Reader,
  viewer: StudyHomeViewer,
  now: Date,
  timezone: string,
): Promise<StudyHomeView> {
  const today = localDateOf(now, timezone);
  const year = Number(today.slice(0, 4));
  const [sessions, projects] = await Promise.all([
    studySessionsBetween(db, `${year}-01-01`, addDays(today, AHEAD_DAYS)),
    projectsOfYear(db, year),
  ]);
  const me = viewer.userId;
  const held = sessions.filter((s) => s.attendanceAt !== null && s.date.startsWith(String(year)));
  const mineRecords: AttendanceRecord[] = held.flatMap((s) =>
    s.attendees
      .filter((a) => a.userId === me)
      .map((a) => ({
        userId: me,
        attendance: a.attendance as AttendanceRecord["attendance"],
        madeUp: a.madeUpAt !== null,
        minutes: s.minutes,
      })),
  );
  const tally = tallyAttendance(mineRecords).get(me);
  const spoken = sessions
    .filter((s) => s.date.startsWith(String(year)))
    .flatMap((s) => s.draws)
    .filter((d) => d.userId === me && d.outcome === "spoke").length;
  const allPlaces = held.flatMap((s) => s.attendees);
  const branchFigures = viewer.secretaryOf.map((b) => {
    const { sessions: ownHeld, ...places } = branchTally(held, b.id);
    return { name: b.name, held: ownHeld, ...places };
  });
  const row = (p: ProjectRecord) => ({
    ...projectView(p),
    mine: inProject(p, me),
    canReview: viewer.committee && !inProject(p, me) && p.state === "submitted",
  });
  return {
    timezone,
    year,
    canSchedule: viewer.admin || viewer.secretaryOf.length > 0,
    upcoming: sessions
      .filter((s) => s.startsAt > now && s.attendees.some((a) => a.userId === me))
      .slice(0, UPCOMING_SHOWN)
      .map((s) => ({
        sessionId: s.id,
        kind: s.kind,
        topic: s.topic,
        startsAt: s.startsAt,
        response: (s.attendees.find((a) => a.userId === me)?.response ?? null) as
          | "confirmed"
          | "excused"
          | null,
      })),
    mine:
      tally || spoken > 0
        ? {
            expected: tally?.expected ?? 0,
            attended: tally?.attended ?? 0,
            madeUp: tally?.madeUp ?? 0,
            spoken,
            hours: studyHours(tally?.minutes ?? 0),
          }
        : null,
    owed: owedMakeUps(held, me),
    projects: projects.filter((p) => inProject(p, me)).map(row),
    branches: branchFigures,
    committee: viewer.committee
      ? {
          held: held.length,
          expected: allPlaces.length,
          attended: allPlaces.filter((a) => a.attendance === "present").length,
          madeUp: allPlaces.filter((a) => a.attendance !== "present" && a.madeUpAt !== null).length,
          firstTopics: held.filter((s) => s.kind === "first-topic").length,
          projects: projects.length,
          accepted: projects.filter((p) => p.state === "accepted").length,
          toReview: projects.filter((p) => p.state === "submitted" && !inProject(p, me)).map(row),
        }
      : null,
  };
}
