/**
 * Ending a swap request without an exchange: declined by the colleague, unanswered in time
 * (the hourly check, or an answer that came too late), or made moot because the turn was
 * given up. The colleague's DM loses its buttons and the speaker's DM shows the turn again.
 */

import {
  overdueSwapIds,
  type SwapRecord,
  swapById,
  type Tx,
  turnWithSession,
} from "../../db/repositories/lecture.ts";
import { audit, closeSwap } from "../../db/repositories/lecture-write.ts";
import type { LectureJobDeps } from "../../ports/lecture.ts";
import { inTx } from "../kit/tx.ts";
import { type PresentingEnv, presenting, refreshTurnDm } from "./messages.ts";
import { loadLectureEnv } from "./series.ts";
import { closeRequestDm, dmSwapOutcome, type SwapContext } from "./swap-messages.ts";

/** How long a colleague has to answer (never past the session's start). */
export const SWAP_ANSWER_MS = 24 * 3600_000;

export async function swapContext(tx: Tx, swap: SwapRecord): Promise<SwapContext | null> {
  const mine = await turnWithSession(tx, swap.turnId);
  if (!mine) return null;
  const theirs = swap.toTurnId === null ? null : await turnWithSession(tx, swap.toTurnId);
  return { swap, session: mine.session, theirTurnDate: theirs?.session.date ?? null };
}

export type CloseReason = "declined" | "expired" | "turn-dropped";

/** Closes a pending request; false when it was no longer pending. */
export async function closeSwapIn(
  tx: Tx,
  env: PresentingEnv,
  swap: SwapRecord,
  now: Date,
  reason: CloseReason,
  actor = "rotation",
): Promise<boolean> {
  const state = reason === "declined" ? "DECLINED" : "EXPIRED";
  if (!(await closeSwap(tx, swap.id, state, now))) return false;
  const change = await audit(tx, {
    actor,
    action: `lecture.swap.${reason}`,
    entity: "SwapRequest",
    entityId: swap.id,
    data: { turnId: swap.turnId, from: swap.fromUser, to: swap.toUser },
    source: reason,
    at: now,
  });
  const c = await swapContext(tx, swap);
  if (!c) return true;
  const outcome = reason === "declined" ? "declined" : "expired";
  await closeRequestDm(tx, env, c, outcome);
  if (reason !== "turn-dropped") await dmSwapOutcome(tx, env, c, outcome);
  await refreshTurnDm(tx, env, swap.turnId, change);
  return true;
}

/** The swap-expiry check: every request still unanswered at `at` expires; the speaker is told. */
export async function expireOverdueSwaps(
  deps: LectureJobDeps,
  at: Date,
): Promise<{ expired: number[] }> {
  const { db } = deps;
  const loaded = await loadLectureEnv(db);
  if (!loaded) return { expired: [] };
  const env = presenting(loaded, deps);
  const expired: number[] = [];
  for (const id of await overdueSwapIds(db, at)) {
    const done = await inTx(db, async (tx) => {
      const swap = await swapById(tx, id);
      return swap ? closeSwapIn(tx, env, swap, at, "expired") : false;
    });
    if (done) expired.push(id);
  }
  return { expired };
}
