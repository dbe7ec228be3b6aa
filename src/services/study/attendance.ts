/**
 * Attendance after the session: the chair (or a system admin) records who was present, excused
 * or absent in a modal pre-filled from the confirmations and the draws; everyone not present is
 * asked to make up within `makeUpDays` (one reminder later, by the `study-makeup-reminder` job).
 */
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import {
  bumpStudySession,
  type StudySessionRecord,
  studyAudit,
  studySessionById,
  updateAttendee,
} from "../../db/repositories/study.ts";
import { makeUpDates, prefillAttendance } from "../../domain/study.ts";
import type { AttendanceForm, StudyPresenter } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import { envAndSession, type StudyEnv } from "./env.ts";
import { dmMakeUp, refreshInvite, refreshNotice, sessionView } from "./messages.ts";
import { type Result, refuse } from "./result.ts";

async function mayRecord(deps: Deps, s: StudySessionRecord, userId: string) {
  return s.chairUserId === userId || (await committeeRolesOf(deps.db, userId)).admin;
}

/** The modal's first values: as recorded, or from the answers (a draw's no-show: absent). */
export function attendanceDraft(s: StudySessionRecord): { present: string[]; excused: string[] } {
  if (s.attendanceAt !== null) {
    const of = (a: string) => s.attendees.filter((p) => p.attendance === a).map((p) => p.userId);
    return { present: of("present"), excused: of("excused") };
  }
  const filled = prefillAttendance(
    s.attendees.map((a) => ({
      userId: a.userId,
      response: a.response as "confirmed" | "excused" | null,
    })),
  );
  for (const d of s.draws) {
    if (d.outcome === "spoke") filled.set(d.userId, "present");
    if (d.outcome === "absent" && filled.get(d.userId) === "present")
      filled.set(d.userId, "absent");
  }
  const of = (a: string) => [...filled].filter(([, v]) => v === a).map(([id]) => id);
  return { present: of("present"), excused: of("excused") };
}

/** The org's study settings and the session, when `userId` may record its attendance. */
async function chairsSession(deps: Deps, req: { sessionId: number; userId: string }) {
  const found = await envAndSession(deps.db, req.sessionId);
  if (found.ok && !(await mayRecord(deps, found.s, req.userId))) return refuse("not-chair");
  return found;
}

export async function openAttendance(
  deps: Deps,
  req: { sessionId: number; userId: string },
): Promise<Result<{ form: AttendanceForm; env: StudyEnv }>> {
  const found = await chairsSession(deps, req);
  if (!found.ok) return found;
  const { env, s } = found;
  if (s.startsAt > deps.now()) return refuse("session-not-started");
  const view = await sessionView(deps.db.prisma, env, s);
  return {
    ok: true,
    env,
    form: {
      sessionId: s.id,
      session: view,
      expected: s.attendees.map((a) => a.userId),
      ...attendanceDraft(s),
    },
  };
}

export type AttendanceFieldError = {
  field: "present" | "excused";
  userId: string;
  why: "not-expected" | "both";
};

/** Who is where, checked against the expected list; everyone else expected is absent. */
export function checkAttendance(
  expected: readonly string[],
  present: readonly string[],
  excused: readonly string[],
): AttendanceFieldError | null {
  for (const id of present)
    if (!expected.includes(id)) return { field: "present", userId: id, why: "not-expected" };
  for (const id of excused) {
    if (!expected.includes(id)) return { field: "excused", userId: id, why: "not-expected" };
    if (present.includes(id)) return { field: "excused", userId: id, why: "both" };
  }
  return null;
}

export async function recordAttendance(
  deps: Deps,
  present: StudyPresenter,
  req: { sessionId: number; userId: string; present: string[]; excused: string[]; source: string },
): Promise<Result<{ asked: number }> | { ok: false; error: "field"; field: AttendanceFieldError }> {
  const found = await chairsSession(deps, req);
  if (!found.ok) return found;
  const { env, s: first } = found;
  const expected = first.attendees.map((a) => a.userId);
  const bad = checkAttendance(expected, req.present, req.excused);
  if (bad) return { ok: false, error: "field", field: bad };
  const now = deps.now();
  const result = await inTxRetrying(deps.db, async (tx): Promise<Result<{ asked: number }>> => {
    const s = await studySessionById(tx, req.sessionId);
    if (!s) return refuse("not-found");
    if (s.startsAt > now) return refuse("session-not-started");
    const dates = makeUpDates(s.date, env.study);
    if (
      !(await bumpStudySession(tx, s.id, s.version, {
        attendanceAt: now,
        makeUpDue: dates.due,
        makeUpRemindOn: dates.remindOn,
      }))
    ) {
      throw new Conflict();
    }
    for (const a of s.attendees) {
      const attendance = req.present.includes(a.userId)
        ? "present"
        : req.excused.includes(a.userId)
          ? "excused"
          : "absent";
      if (a.attendance !== attendance) await updateAttendee(tx, a.id, { attendance });
    }
    await studyAudit(tx, {
      actor: req.userId,
      action: "study.attendance",
      entityId: String(s.id),
      data: { present: req.present, excused: req.excused },
      source: req.source,
    });
    const view = await refreshNotice(tx, env, present, s.id);
    const after = await studySessionById(tx, s.id);
    let asked = 0;
    if (view && after) {
      for (const a of after.attendees) {
        await refreshInvite(tx, env, present, after, view, a.userId, true);
        if (a.attendance === "present" || a.madeUpAt) continue;
        const made = await dmMakeUp(
          tx,
          env,
          present,
          view,
          { userId: a.userId, attendance: a.attendance ?? "absent", makeUpNote: null },
          dates.due,
          "ask",
        );
        if (made) asked += 1;
      }
    }
    return { ok: true, asked };
  });
  if (result.ok) deps.homes?.changed({ users: expected });
  return result;
}
