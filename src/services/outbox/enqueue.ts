/**
 * Enqueuing a delivery: call it inside the transaction that makes the change the message tells
 * of, so the change and the message commit together. The dedupeKey makes it idempotent.
 */
import {
  insertDeliveries,
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
  checkRequest(request);
  const inserted = await insertDelivery(tx, rowOf(request));
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

/**
 * Many deliveries in one statement (a fixed number of queries however many messages: the
 * assessment's 300 cards); a chat.update, which may supersede older ones, goes one by one.
 * Returns how many were new.
 */
export async function enqueueDeliveries(
  tx: Tx,
  requests: readonly DeliveryRequest[],
): Promise<number> {
  for (const request of requests) checkRequest(request);
  const updates = requests.filter((r) => r.method === "chat.update");
  let count = await insertDeliveries(
    tx,
    requests.filter((r) => r.method !== "chat.update").map(rowOf),
  );
  for (const update of updates) if (await enqueueDelivery(tx, update)) count += 1;
  return count;
}

const rowOf = (request: DeliveryRequest) => ({
  dedupeKey: request.dedupeKey,
  method: request.method,
  payload: JSON.parse(JSON.stringify(request.payload)) as Prisma.InputJsonObject,
  resultRef: request.resultRef,
  afterKey: request.after,
  notBefore: request.notBefore,
});

function checkRequest(request: DeliveryRequest): void {
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
}

/** What a feature's presenter renders for the outbox: blocks and their plain-text fallback. */
export interface OutboxMessage {
  text: string;
  blocks: readonly unknown[];
}

const content = (m: OutboxMessage) => ({ text: m.text, blocks: m.blocks });

/**
 * A chat.postMessage under `key`. `resultRef` hands the posted ts back to the feature's result
 * handler (under the same key); `thread` posts in a thread whose parent's ts may still be
 * unknown: then the post waits for the parent's delivery (`postKey`), which lends it its ts.
 */
export function enqueuePost(
  tx: Tx,
  p: {
    key: string;
    channel: string;
    message: OutboxMessage;
    resultRef?: boolean;
    thread?: { ts: string | null; postKey: string };
  },
): Promise<boolean> {
  const threadTs = p.thread?.ts;
  return enqueueDelivery(tx, {
    dedupeKey: p.key,
    method: "chat.postMessage",
    payload: {
      channel: p.channel,
      ...content(p.message),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    ...(p.resultRef ? { resultRef: p.key } : {}),
    ...(p.thread && !threadTs ? { after: p.thread.postKey } : {}),
  });
}

/**
 * A chat.update (under `key`, unique to this change) of the message posted under `postKey`: to
 * its stored channel and ts when both are known, otherwise after its post, which lends them.
 */
export function enqueueUpdate(
  tx: Tx,
  u: {
    key: string;
    postKey: string;
    known: { channel: string | null; ts: string | null };
    message: OutboxMessage;
  },
): Promise<boolean> {
  const { channel, ts } = u.known;
  const target = channel && ts ? { channel, ts } : null;
  return enqueueDelivery(tx, {
    dedupeKey: u.key,
    method: "chat.update",
    payload: { ...(target ?? {}), ...content(u.message) },
    ...(target ? {} : { after: u.postKey }),
  });
}
