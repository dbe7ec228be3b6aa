/**
 * The swap messages: the colleague's request DM (Accept / Decline, its buttons removed once
 * answered or expired, by the same builder) and the outcome DM to the speaker who asked.
 */
import type { SessionRecord, SwapRecord, Tx } from "../../db/repositories/lecture.ts";
import type { SwapRequestView } from "../../ports/lecture.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { swapAnswerKey, swapOutcomeKey, swapRequestKey } from "./keys.ts";
import { type PresentingEnv, sessionInfo } from "./messages.ts";

export interface SwapContext {
  swap: SwapRecord;
  /** The requester's session. */
  session: SessionRecord;
  theirTurnDate: string | null;
}

function swapRequestMessage(env: PresentingEnv, c: SwapContext, state: SwapRequestView["state"]) {
  return env.present.swapRequestDm(
    {
      ...sessionInfo(env, c.session),
      swapId: c.swap.id,
      requester: c.swap.fromUser,
      theirTurnDate: c.theirTurnDate,
      expiresAt: c.swap.expiresAt,
      state,
    },
    env.t,
  );
}

export async function dmSwapRequest(tx: Tx, env: PresentingEnv, c: SwapContext): Promise<void> {
  await enqueueDelivery(tx, {
    dedupeKey: swapRequestKey(c.swap.id),
    method: "dm",
    payload: { user: c.swap.toUser, ...swapRequestMessage(env, c, "pending") },
  });
}

/** Answered or expired: the colleague's request DM loses its buttons. */
export async function closeRequestDm(
  tx: Tx,
  env: PresentingEnv,
  c: SwapContext,
  state: "accepted" | "declined" | "expired",
): Promise<void> {
  await enqueueDelivery(tx, {
    dedupeKey: swapAnswerKey(c.swap.id, state),
    method: "chat.update",
    payload: { ...swapRequestMessage(env, c, state) },
    after: swapRequestKey(c.swap.id),
  });
}

/** The requester is told how their request ended. */
export async function dmSwapOutcome(
  tx: Tx,
  env: PresentingEnv,
  c: SwapContext,
  outcome: "accepted" | "declined" | "expired",
): Promise<void> {
  const told = env.present.swapOutcomeDm(
    {
      ...sessionInfo(env, c.session),
      colleague: c.swap.toUser,
      outcome,
      newDate: outcome === "accepted" ? c.theirTurnDate : null,
    },
    env.t,
  );
  await enqueueDelivery(tx, {
    dedupeKey: swapOutcomeKey(c.swap.id),
    method: "dm",
    payload: { user: c.swap.fromUser, ...told },
  });
}
