/**
 * The speaker's (or class representative's) answers to a turn: Confirm, and Can't make it —
 * the next person in line takes the slot (rotation.drop) and the one who dropped keeps
 * priority for the next session they attend.
 */
import {
  ACTIVE_TURN,
  absentOn,
  activeTurns,
  pendingSwapOf,
  rotationRow,
  turnWithSession,
} from "../../db/repositories/lecture.ts";
import {
  createTurn,
  saveRotation,
  setTurnState,
  touchSession,
} from "../../db/repositories/lecture-write.ts";
import { drop, parseRotationState } from "../../domain/rotation.ts";
import type { LecturePresenting } from "../../ports/lecture.ts";
import { afterLectureChange } from "../home/refresh.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict } from "../kit/tx.ts";
import { auditTurn, speakersChange } from "./guard.ts";
import { dmTurn, refreshNotice, refreshTurnDm } from "./messages.ts";
import { type Result, refuse } from "./result.ts";
import { rosterOf, specOf } from "./series.ts";
import { closeSwapIn } from "./swap-close.ts";

export interface TurnRequest {
  turnId: number;
  userId: string;
  /** What asked (action id), for the audit log. */
  source: string;
}

export async function confirmTurn(deps: Deps & LecturePresenting, r: TurnRequest): Promise<Result> {
  return speakersChange(deps, r, async (tx, c) => {
    const { env, turn, now } = c;
    if (turn.state === "CONFIRMED") return { ok: true };
    if (!(await setTurnState(tx, r.turnId, ["ASSIGNED"], "CONFIRMED", now))) throw new Conflict();
    const change = await auditTurn(tx, c, r, "lecture.confirm");
    await refreshTurnDm(tx, env, r.turnId, change);
    return { ok: true };
  }).then(afterLectureChange(deps.homes, [r.userId]));
}

export async function dropTurn(
  deps: Deps & LecturePresenting,
  r: TurnRequest,
): Promise<Result<{ replacement: string | null }>> {
  return speakersChange(deps, r, async (tx, c) => {
    const { env, turn, session, now } = c;
    const spec = specOf(env, session.series);
    if (!spec) return refuse("not-found");
    const row = await rotationRow(tx, spec.series);
    const roster = rosterOf(spec, row);
    const result = drop(parseRotationState(row?.state, roster), {
      date: session.date,
      userId: turn.userId,
      roster,
      absent: await absentOn(tx, roster, session.date),
      otherSpeakers: activeTurns(session)
        .filter((t) => t.id !== turn.id)
        .map((t) => t.userId),
    });
    if (!(await saveRotation(tx, spec.series, result.state, row ? row.version : null)))
      throw new Conflict();
    if (!(await setTurnState(tx, turn.id, ACTIVE_TURN, "DROPPED", now))) throw new Conflict();
    const change = await auditTurn(tx, c, r, "lecture.drop", {
      date: session.date,
      replacement: result.replacement,
    });
    const pending = await pendingSwapOf(tx, turn.id);
    if (pending) await closeSwapIn(tx, env, pending, now, "turn-dropped", r.userId);
    if (result.replacement) {
      const id = await createTurn(tx, {
        sessionId: session.id,
        slot: turn.slot,
        userId: result.replacement,
      });
      const found = await turnWithSession(tx, id);
      if (found) await dmTurn(tx, env, found, "assigned");
    }
    await touchSession(tx, session.id);
    await refreshNotice(tx, env, session.id);
    await refreshTurnDm(tx, env, turn.id, change);
    return { ok: true, replacement: result.replacement };
  }).then(afterLectureChange(deps.homes, [r.userId]));
}
