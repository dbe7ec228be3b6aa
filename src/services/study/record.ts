/**
 * The study record of a year (what the Home, `/pbb study`, `/pbb report study` and
 * `pbb report study` read): per person sessions expected / attended / made up, times spoken and
 * hours; per branch its sessions; the year's first topics; the youth research projects. Only
 * sessions whose attendance was recorded count as held.
 */
import type { Database } from "../../db/client.ts";
import { personNames } from "../../db/repositories/lecture.ts";
import {
  activeBranchList,
  projectsOfYear,
  type StudySessionRecord,
  studySessionsBetween,
} from "../../db/repositories/study.ts";
import { type AttendanceRecord, studyHours, tallyAttendance } from "../../domain/study.ts";
import type { BranchStudyRow, PersonStudyRow, StudyRecordView } from "../../ports/study.ts";

/** A branch's held sessions and their places: expected, attended, made up. */
export function branchTally(held: readonly StudySessionRecord[], branchId: number) {
  const own = held.filter((s) => s.branchId === branchId);
  const places = own.flatMap((s) => s.attendees);
  return {
    sessions: own.length,
    expected: places.length,
    attended: places.filter((a) => a.attendance === "present").length,
    madeUp: places.filter((a) => a.attendance !== "present" && a.madeUpAt !== null).length,
  };
}

/** The make-ups `userId` still owes for `sessions`, with when each is due. */
export function owedMakeUps(sessions: readonly StudySessionRecord[], userId: string) {
  return sessions.flatMap((s) =>
    s.attendees
      .filter(
        (a) =>
          a.userId === userId &&
          (a.attendance === "absent" || a.attendance === "excused") &&
          a.madeUpAt === null,
      )
      .map(() => ({ sessionId: s.id, topic: s.topic, due: s.makeUpDue ?? s.date })),
  );
}

/** The record of [first, last] (local dates; default: the whole year). */
export async function studyRecord(
  db: Database,
  year: number,
  first = `${year}-01-01`,
  last = `${year}-12-31`,
): Promise<StudyRecordView> {
  const sessions = await studySessionsBetween(db, first, last);
  const held = sessions.filter((s) => s.attendanceAt !== null);
  const records: AttendanceRecord[] = held.flatMap((s) =>
    s.attendees.map((a) => ({
      userId: a.userId,
      attendance: a.attendance as AttendanceRecord["attendance"],
      madeUp: a.madeUpAt !== null,
      minutes: s.minutes,
    })),
  );
  const tallies = tallyAttendance(records);
  const spoken = new Map<string, number>();
  for (const s of sessions) {
    for (const d of s.draws) {
      if (d.outcome === "spoke") spoken.set(d.userId, (spoken.get(d.userId) ?? 0) + 1);
    }
  }
  const ids = [...new Set([...tallies.keys(), ...spoken.keys()])].sort();
  const names = await personNames(db, ids);
  const people: PersonStudyRow[] = ids.map((userId) => {
    const tally = tallies.get(userId);
    return {
      userId,
      name: names.get(userId) ?? null,
      expected: tally?.expected ?? 0,
      attended: tally?.attended ?? 0,
      excused: tally?.excused ?? 0,
      absent: tally?.absent ?? 0,
      madeUp: tally?.madeUp ?? 0,
      spoken: spoken.get(userId) ?? 0,
      hours: studyHours(tally?.minutes ?? 0),
    };
  });
  const branches: BranchStudyRow[] = (await activeBranchList(db)).map((b) => {
    return { key: b.key, name: b.name, ...branchTally(held, b.id) };
  });
  const projects = await projectsOfYear(db, year);
  return {
    year,
    sessions: held.length,
    people,
    branches,
    firstTopics: sessions
      .filter((s) => s.kind === "first-topic")
      .map((s) => ({ date: s.date, topic: s.topic })),
    projects: projects.map((p) => ({
      name: p.name,
      lead: p.leadUserId,
      state: p.state,
      resultLink: p.resultLink,
    })),
  };
}
