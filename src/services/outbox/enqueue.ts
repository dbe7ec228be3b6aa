/**
 * Enqueuing a delivery: call it inside the transaction that makes the change the message tells
 * of, so the change and the message commit together. The dedupeKey makes it idempotent.
 */
import {
  insertDelivery,
  supersedeOlderUpdates,
  type Tx,
} from "../../db/repositories/deliveries.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { nonEmptyString } from "./send.ts";
import { uploadPayloadProblem } from "./upload.ts";

export type DeliveryMethod =
  | "chat.postMessage"
  | "chat.update"
  | "chat.postEphemeral"
  | "chat.delete"
  | "views.publish"
  /** conversations.open with `payload.user`, then chat.postMessage in that DM. */
  | "dm"
  /** Files shared in `payload.channel` (or the DM with `payload.user`): see upload.ts. */
  | "upload";

export const DELIVERY_METHODS: readonly DeliveryMethod[] = [
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "chat.delete",
  "views.publish",
  "dm",
  "upload",
];

/** Web API arguments (JSON-serialisable), without the token. */
export type DeliveryPayload = Record<string, unknown>;

export interface DeliveryRequest {
  /** Stable identity of this message, e.g. "tasklist:12:reminder:2026-12". */
  dedupeKey: string;
  method: DeliveryMethod;
  payload: DeliveryPayload;
  /** Passed to the result handler registered for its prefix once sent, e.g. "tasklist:12:reminder". */
  resultRef?: string;
  /**
   * dedupeKey of an earlier delivery whose posted message this one needs: it is sent after that
   * one, with `channel` and `ts` (chat.update, chat.delete) or `channel` and `thread_ts`
   * (chat.postMessage, chat.postEphemeral) taken from it when the payload has none.
   */
  after?: string;
  /** Not before this time (a scheduled reminder); now by default. */
  notBefore?: Date;
}

/**
 * Enqueues the delivery; false when its dedupeKey was already enqueued (nothing changes). A
 * chat.update supersedes the older updates of its message still waiting to be sent.
 */
export async function enqueueDelivery(tx: Tx, request: DeliveryRequest): Promise<boolean> {
  if (!DELIVERY_METHODS.includes(request.method)) {
    throw new Error(`unknown delivery method ${request.method}`);
  }
  if (request.method === "dm" && typeof request.payload.user !== "string") {
    throw new Error(`delivery ${request.dedupeKey}: a dm needs payload.user`);
  }
  if (request.method === "upload") {
    const problem = uploadPayloadProblem(request.payload);
    if (problem) throw new Error(`delivery ${request.dedupeKey}: ${problem}`);
  }
  const inserted = await insertDelivery(tx, {
    dedupeKey: request.dedupeKey,
    method: request.method,
    payload: JSON.parse(JSON.stringify(request.payload)) as Prisma.InputJsonObject,
    resultRef: request.resultRef,
    afterKey: request.after,
    notBefore: request.notBefore,
  });
  if (inserted && request.method === "chat.update") {
    await supersedeOlderUpdates(tx, {
      dedupeKey: request.dedupeKey,
      afterKey: request.after ?? null,
      channel: nonEmptyString(request.payload.channel),
      ts: nonEmptyString(request.payload.ts),
    });
  }
  return inserted;
}
