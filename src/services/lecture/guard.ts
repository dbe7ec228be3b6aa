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
import { audit } from "../../db/repositories/lecture-write.ts";
import type { LecturePresenting } from "../../ports/lecture.ts";
import type { Deps, Refusal } from "../kit/result.ts";
import { inTxRetrying, type Tx } from "../kit/tx.ts";
import { type PresentingEnv, presenting } from "./messages.ts";
import { type LectureError, type Result, refuse } from "./result.ts";
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

/** What a speaker's request on their turn works with: the org, the clock's now, the turn. */
export type SpeakersTurn = TurnInSession & { env: PresentingEnv; now: Date };

/** The org loaded and the turn checked as the speaker's, for a modal that shows it. */
export async function speakersTurnNow(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string },
): Promise<Result<SpeakersTurn>> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const now = deps.now();
  const guard = await speakersTurn(deps.db, r.turnId, r.userId, now);
  if (!guard.ok) return guard;
  return { ...guard, env: loaded.env, now };
}

/**
 * A change the speaker makes to their turn: the org loaded, then in one transaction (from the
 * top if another change won) the turn checked as still theirs and `change` applied.
 */
export async function speakersChange<R extends { ok: boolean }>(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string },
  change: (tx: Tx, c: SpeakersTurn) => Promise<R>,
): Promise<R | Refusal<LectureError>> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const now = deps.now();
  return inTxRetrying(deps.db, async (tx) => {
    const guard = await speakersTurn(tx, r.turnId, r.userId, now);
    if (!guard.ok) return guard;
    return change(tx, { ...guard, env: loaded.env, now });
  });
}

/** The audit entry of a speaker's change to their turn (its id keys the messages it sends). */
export function auditTurn(
  tx: Tx,
  c: SpeakersTurn,
  r: { userId: string; source: string },
  action: string,
  data?: object,
): Promise<number> {
  return audit(tx, {
    actor: r.userId,
    action,
    entity: "LectureTurn",
    entityId: c.turn.id,
    ...(data ? { data } : {}),
    source: r.source,
    at: c.now,
  });
}
