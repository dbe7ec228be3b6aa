/**
 * Sending one claimed delivery through the Web API, paced. A chat.postMessage carries
 * `metadata.event_payload.delivery_id`, so a retry of a delivery that may already have reached
 * Slack (the process died between sending and recording) finds that message and adopts its ts
 * instead of posting a second time.
 */
import type { WebAPICallResult, WebClient } from "@slack/web-api";
import type { Metrics } from "../../observability/metrics.ts";
import { classifyFailure } from "./classify.ts";
import type { DeliveryMethod, DeliveryPayload } from "./enqueue.ts";
import type { Pacer } from "./pacer.ts";
import { sendUpload } from "./upload.ts";

export type SlackCaller = Pick<WebClient, "apiCall">;

export const METADATA_EVENT_TYPE = "pbb_delivery";
const LOOKUP_PAGES = 5;

export interface SendEnv {
  client: SlackCaller;
  pacer: Pacer;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Longer pacing waits release the delivery until then instead of holding the worker. */
  maxInlineWaitMs: number;
  metrics?: Metrics;
  /** POSTs file bytes to Slack's upload URLs; the global fetch by default. */
  fetch?: typeof fetch;
}

export interface SendInput {
  id: number;
  method: DeliveryMethod;
  payload: DeliveryPayload;
  /** True when an earlier attempt may have reached Slack. */
  mayHaveBeenSent: boolean;
  createdAt: Date;
  /** The earlier delivery's message, for `after`. */
  parent?: { channel: string | null; ts: string | null };
  /** Saves the payload while this worker holds the delivery (an upload's file ids). */
  saveProgress?: (payload: DeliveryPayload) => Promise<void>;
}

export type SendResult =
  | { kind: "sent"; channel: string | null; ts: string | null; adopted: boolean }
  | { kind: "deferred"; until: Date };

/** Thrown inside a send when pacing asks for a longer wait than the worker holds a delivery. */
class Deferred {
  constructor(readonly until: Date) {}
}

export async function sendDelivery(env: SendEnv, input: SendInput): Promise<SendResult> {
  try {
    return await send(env, input);
  } catch (error) {
    if (error instanceof Deferred) return { kind: "deferred", until: error.until };
    throw error;
  }
}

async function send(env: SendEnv, input: SendInput): Promise<SendResult> {
  const payload = withParent(input.method, input.payload, input.parent);
  switch (input.method) {
    case "dm": {
      const { user, ...rest } = payload;
      const opened = await call(env, "conversations.open", { users: user }, null);
      const channel = stringAt(opened, "channel", "id");
      if (!channel) throw new Error("conversations.open answered without a channel id");
      return post(env, input, { ...rest, channel });
    }
    case "chat.postMessage":
      return post(env, input, payload);
    case "chat.postEphemeral": {
      const res = await call(env, input.method, payload, nonEmptyString(payload.channel));
      return sent(nonEmptyString(payload.channel), stringAt(res, "message_ts"));
    }
    case "views.publish": {
      await call(env, input.method, payload, null);
      return sent(null, null);
    }
    case "upload": {
      const res = await sendUpload(
        {
          call: (method, args, channel) => call(env, method, args, channel),
          find: (channel, threadTs, match) => findMessage(env, input, channel, threadTs, match),
          saveProgress: input.saveProgress ?? (async () => {}),
          fetch: env.fetch ?? fetch,
        },
        payload,
        input.mayHaveBeenSent,
      );
      return { kind: "sent", ...res };
    }
    case "chat.update":
    case "chat.delete": {
      const res = await call(env, input.method, payload, nonEmptyString(payload.channel));
      return sent(stringAt(res, "channel") ?? nonEmptyString(payload.channel), stringAt(res, "ts"));
    }
  }
}

async function post(env: SendEnv, input: SendInput, payload: DeliveryPayload): Promise<SendResult> {
  const channel = nonEmptyString(payload.channel);
  if (input.mayHaveBeenSent && channel) {
    const ts = await findMessage(
      env,
      input,
      channel,
      nonEmptyString(payload.thread_ts),
      (message) => deliveryIdOf(message) === String(input.id),
    );
    if (ts) return { kind: "sent", channel, ts, adopted: true };
  }
  const res = await call(env, "chat.postMessage", withMetadata(payload, input.id), channel);
  return sent(stringAt(res, "channel") ?? channel, stringAt(res, "ts"));
}

/** The ts of a message this delivery already posted (since shortly before it was enqueued). */
async function findMessage(
  env: SendEnv,
  input: SendInput,
  channel: string,
  threadTs: string | null,
  match: (message: Record<string, unknown>) => boolean,
): Promise<string | null> {
  const oldest = ((input.createdAt.getTime() - 60_000) / 1000).toFixed(6);
  const method = threadTs ? "conversations.replies" : "conversations.history";
  let cursor: string | undefined;
  for (let page = 0; page < LOOKUP_PAGES; page += 1) {
    const res = await call(
      env,
      method,
      {
        channel,
        oldest,
        include_all_metadata: true,
        limit: 200,
        ...(threadTs ? { ts: threadTs } : {}),
        ...(cursor ? { cursor } : {}),
      },
      null,
    );
    const messages = (res as { messages?: Record<string, unknown>[] }).messages ?? [];
    for (const message of messages) {
      if (match(message)) return stringAt(message, "ts");
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return null;
}

function deliveryIdOf(message: unknown): string | null {
  if (typeof message !== "object" || message === null || !("metadata" in message)) return null;
  const { metadata } = message;
  if (typeof metadata !== "object" || metadata === null) return null;
  if (!("event_type" in metadata) || metadata.event_type !== METADATA_EVENT_TYPE) return null;
  if (!("event_payload" in metadata)) return null;
  const id = stringAt(metadata.event_payload, "delivery_id");
  return id;
}

function withMetadata(payload: DeliveryPayload, id: number): DeliveryPayload {
  const existing = payload.metadata;
  if (typeof existing === "object" && existing !== null && "event_type" in existing) {
    const eventPayload =
      "event_payload" in existing && typeof existing.event_payload === "object"
        ? existing.event_payload
        : {};
    return {
      ...payload,
      metadata: { ...existing, event_payload: { ...eventPayload, delivery_id: String(id) } },
    };
  }
  return {
    ...payload,
    metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { delivery_id: String(id) } },
  };
}

function withParent(
  method: DeliveryMethod,
  payload: DeliveryPayload,
  parent: SendInput["parent"],
): DeliveryPayload {
  if (!parent) return payload;
  const out = { ...payload };
  if (out.channel === undefined && parent.channel) out.channel = parent.channel;
  const field = method === "chat.update" || method === "chat.delete" ? "ts" : "thread_ts";
  if (method !== "views.publish" && out[field] === undefined && parent.ts) out[field] = parent.ts;
  return out;
}

/** One paced Web API call; a 429 pauses the method for this process before it is rethrown. */
async function call(
  env: SendEnv,
  method: string,
  args: DeliveryPayload,
  channel: string | null,
): Promise<WebAPICallResult> {
  for (;;) {
    const now = env.now().getTime();
    const wait = env.pacer.waitMs(method, channel, now);
    if (wait === 0) {
      env.pacer.take(method, channel, now);
      break;
    }
    if (wait > env.maxInlineWaitMs) throw new Deferred(new Date(now + wait));
    await env.sleep(wait);
  }
  try {
    return await env.client.apiCall(method, args);
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind === "rate-limited") {
      env.metrics?.rateLimited.inc({ method });
      env.pacer.block(method, env.now().getTime() + failure.retryAfterMs);
    }
    throw error;
  }
}

function sent(channel: string | null, ts: string | null): SendResult {
  return { kind: "sent", channel, ts, adopted: false };
}

/** A payload field that names something (channel, ts, user): a non-empty string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function stringAt(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !(key in current)) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" ? current : null;
}
