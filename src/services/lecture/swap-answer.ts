/**
 * The colleague answers a swap request. Accept: both turns move (rotation.swap) — the colleague
 * takes the requester's slot, the requester takes the colleague's own turn if they had one —
 * and the notices say so. Decline (or an answer after the request expired): the speaker is told
 * and keeps the turn. Only the colleague who was asked may answer.
 */
import {
  ACTIVE_TURN,
  rotationRow,
  type SwapRecord,
  swapById,
  type TurnInSession,
  type Tx,
  turnWithSession,
} from "../../db/repositories/lecture.ts";
import {
  audit,
  closeSwap,
  createTurn,
  saveRotation,
  setTurnState,
  touchSession,
} from "../../db/repositories/lecture-write.ts";
import { parseRotationState, swap as swapTurns } from "../../domain/rotation.ts";
import type { LecturePresenting } from "../../ports/lecture.ts";
import { afterLectureChange } from "../home/refresh.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import { lectureEnvOrRefuse } from "./guard.ts";
import { dmTurn, type PresentingEnv, refreshNotice, refreshTurnDm } from "./messages.ts";
import { type Result, refuse } from "./result.ts";
import { rosterOf, specOf } from "./series.ts";
import { closeSwapIn, swapContext } from "./swap-close.ts";
import { closeRequestDm, dmSwapOutcome } from "./swap-messages.ts";

export interface SwapAnswer {
  swapId: number;
  userId: string;
  answer: "accept" | "decline";
  source: string;
}

const stillHeld = (t: TurnInSession | null, userId: string, now: Date): t is TurnInSession =>
  t !== null &&
  t.turn.userId === userId &&
  ACTIVE_TURN.includes(t.turn.state) &&
  t.session.startsAt > now;

export async function answerSwap(deps: Deps & LecturePresenting, r: SwapAnswer): Promise<Result> {
  const loaded = await lectureEnvOrRefuse(deps);
  if (!loaded.ok) return loaded;
  const { env } = loaded;
  const now = deps.now();
  return inTxRetrying(deps.db, async (tx): Promise<Result> => {
    const swap = await swapById(tx, r.swapId);
    if (!swap) return refuse("not-found");
    if (swap.toUser !== r.userId) return refuse("not-the-colleague");
    if (swap.state !== "PENDING") return refuse("swap-closed");
    const mine = await turnWithSession(tx, swap.turnId);
    const theirs = swap.toTurnId === null ? null : await turnWithSession(tx, swap.toTurnId);
    if (swap.expiresAt <= now || !stillHeld(mine, swap.fromUser, now)) {
      await closeSwapIn(tx, env, swap, now, "expired");
      return refuse("swap-expired");
    }
    if (r.answer === "decline") {
      await closeSwapIn(tx, env, swap, now, "declined", r.userId);
      return { ok: true };
    }
    if (swap.toTurnId !== null && !stillHeld(theirs, swap.toUser, now)) {
      await closeSwapIn(tx, env, swap, now, "expired");
      return refuse("swap-unavailable");
    }
    return accept(tx, env, swap, mine, theirs, now, r.source);
  }).then(afterLectureChange(deps.homes, [r.userId]));
}

async function accept(
  tx: Tx,
  env: PresentingEnv,
  swap: SwapRecord,
  mine: TurnInSession,
  theirs: TurnInSession | null,
  now: Date,
  source: string,
): Promise<Result> {
  const spec = specOf(env, mine.session.series);
  if (!spec) return refuse("not-found");
  const row = await rotationRow(tx, spec.series);
  const roster = rosterOf(spec, row);
  const moved = swapTurns(parseRotationState(row?.state, roster), {
    date: mine.session.date,
    requester: swap.fromUser,
    colleague: swap.toUser,
    roster,
    ...(theirs ? { colleagueTurnDate: theirs.session.date } : {}),
  });
  if (!moved.ok) {
    await closeSwapIn(tx, env, swap, now, "expired");
    return refuse("swap-unavailable");
  }
  if (!(await closeSwap(tx, swap.id, "ACCEPTED", now))) throw new Conflict();
  if (!(await saveRotation(tx, spec.series, moved.state, row ? row.version : null)))
    throw new Conflict();
  const change = await audit(tx, {
    actor: swap.toUser,
    action: "lecture.swap.accept",
    entity: "SwapRequest",
    entityId: swap.id,
    data: { kind: moved.kind, turnId: swap.turnId, toTurnId: swap.toTurnId },
    source,
    at: now,
  });
  const handOver = async (from: TurnInSession, to: string) => {
    if (!(await setTurnState(tx, from.turn.id, ACTIVE_TURN, "SWAPPED_OUT", now)))
      throw new Conflict();
    const id = await createTurn(tx, {
      sessionId: from.session.id,
      slot: from.turn.slot,
      userId: to,
    });
    await touchSession(tx, from.session.id);
    await refreshNotice(tx, env, from.session.id);
    await refreshTurnDm(tx, env, from.turn.id, change);
    const created = await turnWithSession(tx, id);
    if (created) await dmTurn(tx, env, created, "assigned");
  };
  await handOver(mine, swap.toUser);
  if (theirs) await handOver(theirs, swap.fromUser);
  const c = await swapContext(tx, swap);
  if (c) {
    await closeRequestDm(tx, env, c, "accepted");
    await dmSwapOutcome(tx, env, c, "accepted");
  }
  return { ok: true };
}
