/**
 * Ask for a swap: the speaker picks a colleague — someone who still owes a turn in this cycle,
 * or who holds an upcoming turn of their own — and the colleague is asked to accept.
 */
import {
  absentOn,
  activeTurns,
  pendingSwapOf,
  personNames,
  rotationRow,
  type TurnInSession,
  type Tx,
  upcomingTurns,
} from "../../db/repositories/lecture.ts";
import { audit, createSwap } from "../../db/repositories/lecture-write.ts";
import { parseRotationState, swapCandidates } from "../../domain/rotation.ts";
import type { LecturePresenting, SwapCandidate, SwapModalView } from "../../ports/lecture.ts";
import type { Deps } from "../kit/result.ts";
import { speakersChange, speakersTurnNow } from "./guard.ts";
import { type PresentingEnv, refreshTurnDm, sessionInfo } from "./messages.ts";
import { type Result, refuse } from "./result.ts";
import { rosterOf, specOf } from "./series.ts";
import { SWAP_ANSWER_MS } from "./swap-close.ts";
import { dmSwapRequest } from "./swap-messages.ts";

export interface Candidate extends SwapCandidate {
  turnId: number | null;
}

async function candidatesFor(
  tx: Tx,
  env: PresentingEnv,
  found: TurnInSession,
  now: Date,
): Promise<Candidate[]> {
  const spec = specOf(env, found.session.series);
  if (!spec) return [];
  const row = await rotationRow(tx, spec.series);
  const roster = rosterOf(spec, row);
  const requester = found.turn.userId;
  const speaking = new Set(activeTurns(found.session).map((t) => t.userId));
  const away = await absentOn(tx, roster, found.session.date);
  const holders = new Map<string, { turnId: number; date: string }>();
  for (const { turn, session } of await upcomingTurns(tx, spec.series, now)) {
    if (session.id === found.session.id || holders.has(turn.userId)) continue;
    if (activeTurns(session).some((t) => t.userId === requester)) continue;
    holders.set(turn.userId, { turnId: turn.id, date: session.date });
  }
  const queue = swapCandidates(parseRotationState(row?.state, roster), roster, requester);
  const ids = [...new Set([...queue, ...holders.keys()])].filter(
    (u) => roster.includes(u) && !speaking.has(u) && !away.has(u),
  );
  const names = await personNames(tx, ids);
  return ids.map((userId) => {
    const held = holders.get(userId);
    return {
      userId,
      name: names.get(userId) ?? userId,
      turnDate: held?.date ?? null,
      turnId: held?.turnId ?? null,
    };
  });
}

export async function openSwap(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string },
): Promise<Result<{ view: SwapModalView; env: PresentingEnv }>> {
  const guard = await speakersTurnNow(deps, r);
  if (!guard.ok) return guard;
  const { env, now } = guard;
  if (await pendingSwapOf(deps.db.prisma, r.turnId)) return refuse("swap-pending");
  const candidates = await candidatesFor(deps.db.prisma, env, guard, now);
  const view = { ...sessionInfo(env, guard.session), turnId: r.turnId, candidates };
  return { ok: true, view, env };
}

export type SwapPickResult = Result | { ok: false; fieldErrors: Record<string, string> };

export async function requestSwap(
  deps: Deps & LecturePresenting,
  r: { turnId: number; userId: string; colleague: string | null; source: string },
): Promise<SwapPickResult> {
  return speakersChange(deps, r, async (tx, guard): Promise<SwapPickResult> => {
    const { env, now } = guard;
    if (await pendingSwapOf(tx, r.turnId)) return refuse("swap-pending");
    const candidates = await candidatesFor(tx, env, guard, now);
    const pick = env.present.swapPick(r.colleague, r.userId, candidates, env.t);
    if (!pick.ok) return { ok: false, fieldErrors: pick.errors };
    const colleague = candidates.find((c) => c.userId === pick.value.userId);
    const expiresAt = new Date(
      Math.min(now.getTime() + SWAP_ANSWER_MS, guard.session.startsAt.getTime()),
    );
    const swap = {
      turnId: r.turnId,
      fromUser: r.userId,
      toUser: pick.value.userId,
      toTurnId: colleague?.turnId ?? null,
      expiresAt,
    };
    const id = await createSwap(tx, swap);
    const change = await audit(tx, {
      actor: r.userId,
      action: "lecture.swap.request",
      entity: "SwapRequest",
      entityId: id,
      data: { ...swap, date: guard.session.date },
      source: r.source,
      at: now,
    });
    const stored = { ...swap, id, state: "PENDING" as const };
    const theirTurnDate = colleague?.turnDate ?? null;
    await dmSwapRequest(tx, env, { swap: stored, session: guard.session, theirTurnDate });
    await refreshTurnDm(tx, env, r.turnId, change);
    return { ok: true };
  });
}
