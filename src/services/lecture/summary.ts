/**
 * `/pbb lectures`: the next sessions with their speakers, the coming order with its reasons,
 * and the history — sessions held, distinct speakers, turns per person. A session past its
 * start counts as held unless an admin recorded it as not held.
 */

import type { Database } from "../../db/client.ts";
import {
  activeTurns,
  allSessions,
  rotationRow,
  type SessionRecord,
} from "../../db/repositories/lecture.ts";
import { addDays } from "../../domain/calendar.ts";
import { sessionsBetween } from "../../domain/lecture-schedule.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import { explainNext, parseRotationState } from "../../domain/rotation.ts";
import type {
  LecturePresenting,
  LecturesSummaryView,
  UpcomingSession,
} from "../../ports/lecture.ts";
import type { Deps } from "../kit/result.ts";
import { lectureEnvOrRefuse } from "./guard.ts";
import { type Result, refuse } from "./result.ts";
import { LECTURE_SERIES, type LectureEnv, lectureSpec, rosterOf } from "./series.ts";

const WEEKS_AHEAD = 8;
const ORDER_LENGTH = 10;

/** Whether a stored session counts as held at `now`. */
export function wasHeld(s: SessionRecord, now: Date): boolean {
  return (
    s.startsAt <= now &&
    s.status !== "NOT_HELD" &&
    s.status !== "SKIPPED" &&
    activeTurns(s).length > 0
  );
}

export function historyOf(sessions: readonly SessionRecord[], now: Date) {
  const held = sessions.filter((s) => wasHeld(s, now));
  const counts = new Map<string, number>();
  for (const s of held) {
    for (const t of activeTurns(s)) counts.set(t.userId, (counts.get(t.userId) ?? 0) + 1);
  }
  return {
    sessionsHeld: held.length,
    distinctSpeakers: counts.size,
    turns: [...counts].map(([userId, count]) => ({ userId, count })),
  };
}

export async function lecturesSummary(
  deps: Deps & LecturePresenting,
): Promise<Result<{ view: LecturesSummaryView; env: LectureEnv }>> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const { env } = loaded;
  if (!env.lecture) return refuse("no-lecture-hall");
  const now = deps.now();
  const sessions = await allSessions(deps.db, LECTURE_SERIES);
  const view: LecturesSummaryView = {
    timezone: env.timezone,
    upcoming: upcoming(env, sessions, now),
    order: await comingOrder(deps.db, env),
    history: historyOf(sessions, now),
  };
  return { ok: true, view, env };
}

function upcoming(env: LectureEnv, stored: SessionRecord[], now: Date): UpcomingSession[] {
  if (!env.lecture) return [];
  const today = localDateOf(now, env.timezone);
  const byDate = new Map(stored.map((s) => [s.date, s]));
  return sessionsBetween(env.lecture.schedule, today, addDays(today, WEEKS_AHEAD * 7))
    .filter((s) => s.skippedReason !== undefined || s.startsAt > now)
    .map((s) => {
      const row = byDate.get(s.date);
      return {
        date: s.date,
        plannedDate: s.plannedDate,
        ...(s.movedFrom ? { movedFrom: s.movedFrom } : {}),
        ...(s.skippedReason ? { skippedReason: s.skippedReason } : {}),
        speakers: row ? activeTurns(row).map((t) => t.userId) : [],
      };
    });
}

async function comingOrder(db: Database, env: LectureEnv) {
  if (!env.lecture) return [];
  const spec = lectureSpec(env.lecture);
  const row = await rotationRow(db, spec.series);
  const roster = rosterOf(spec, row);
  const state = parseRotationState(row?.state, roster);
  return explainNext(state, roster, Math.min(ORDER_LENGTH, roster.length));
}
