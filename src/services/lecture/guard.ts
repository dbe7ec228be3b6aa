/**
 * Rights come from the database, never from what Slack echoes back: a button's value names a
 * turn, and only that turn's speaker may act on it while it is theirs and still to come.
 */

import type { Database } from "../../db/client.ts";
import {
  ACTIVE_TURN,
  type Reader,
  type SessionRecord,
  type TurnInSession,
  turnWithSession,
} from "../../db/repositories/lecture.ts";
import type { LecturePresenting } from "../../ports/lecture.ts";
import { type PresentingEnv, presenting } from "./messages.ts";
import { type Result, refuse } from "./result.ts";
import { branchOfSeries, loadLectureEnv } from "./series.ts";

const CLASS_REP_GRACE_MS = 7 * 24 * 3600_000;

/**
 * Until when a turn can still be answered: a lecture until it starts; a class representative's
 * turn (which starts when they are told) during its first week.
 */
export function closesAt(session: Pick<SessionRecord, "series" | "startsAt">): Date {
  const grace = branchOfSeries(session.series) === null ? 0 : CLASS_REP_GRACE_MS;
  return new Date(session.startsAt.getTime() + grace);
}

export async function speakersTurn(
  db: Reader,
  turnId: number,
  userId: string,
  now: Date,
): Promise<Result<TurnInSession>> {
  const found = await turnWithSession(db, turnId);
  if (!found) return refuse("not-found");
  if (found.turn.userId !== userId) return refuse("not-your-turn");
  if (!ACTIVE_TURN.includes(found.turn.state)) return refuse("turn-closed");
  if (closesAt(found.session) <= now) return refuse("session-started");
  return { ok: true, ...found };
}

/** The org as the lecture features see it; refused when no org was applied yet. */
export async function lectureEnvOrRefuse(
  deps: { db: Database } & LecturePresenting,
): Promise<Result<{ env: PresentingEnv }>> {
  const env = await loadLectureEnv(deps.db);
  return env ? { ok: true, env: presenting(env, deps) } : refuse("no-lecture-hall");
}
