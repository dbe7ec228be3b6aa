/**
 * The delivery worker: claims due outbox rows (any replica may run one; FOR UPDATE SKIP LOCKED
 * and a lease keep two from holding the same row, and a crashed replica's rows come back when
 * its lease ends), sends them, and records the outcome:
 * - sent: marked SENT with the message's channel and ts, in the same transaction as the result
 *   handler for its resultRef;
 * - 429: back after Retry-After, the attempt refunded (it never reached Slack);
 * - 5xx, timeouts, network errors: back after an exponential backoff with jitter, then FAILED;
 * - permanent errors: FAILED at once, and the committee admins are sent one report.
 */
import type { Database } from "../../db/client.ts";
import {
  type ClaimedDelivery,
  claimDeliveries,
  deliveryQueueDepth,
  findDeliveryByKey,
  markDeliveryFailed,
  markDeliveryReported,
  markDeliverySent,
  rescheduleDelivery,
  saveHeldDeliveryPayload,
} from "../../db/repositories/deliveries.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type Logger, silentLogger } from "../../observability/logger.ts";
import type { Metrics } from "../../observability/metrics.ts";
import { groupBy } from "../kit/group.ts";
import { backoffMs, classifyFailure } from "./classify.ts";
import { DELIVERY_METHODS, type DeliveryMethod, type DeliveryPayload } from "./enqueue.ts";
import { type Pacer, processPacer } from "./pacer.ts";
import { reportFailure } from "./report.ts";
import { type ResultHandlers, resultHandlerFor } from "./result-handlers.ts";
import { nonEmptyString, type SendResult, type SlackCaller, sendDelivery } from "./send.ts";

export interface DeliveryWorkerOptions {
  db: Database;
  /** A WebClient made by `createDeliveryClient` (no retries of its own, 429s rejected). */
  client: SlackCaller;
  replicaId: string;
  /** What to store of each sent message, by resultRef prefix (the features' handlers). */
  resultHandlers?: ResultHandlers;
  logger?: Logger;
  metrics?: Metrics;
  pacer?: Pacer;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  batchSize?: number;
  /**
   * Deliveries of a batch in flight at once, one conversation each. The pacer still spaces the
   * calls; what overlaps is each one's round trip to Slack and the recording of its result, so
   * the worker keeps up with Slack's budget instead of adding its own latency to every post.
   */
  lanes?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Attempts that may reach Slack before a delivery is given up (transient errors only). */
  maxAttempts?: number;
  maxInlineWaitMs?: number;
  /** POSTs upload bytes (tests); the global fetch by default. */
  fetch?: typeof fetch;
}

export interface DrainReport {
  sent: number;
  adopted: number;
  failed: number;
  retried: number;
  deferred: number;
}

export interface DeliveryWorker {
  /** Sends everything due now, then returns (tests, the CLI). */
  drainOnce(): Promise<DrainReport>;
  start(): void;
  stop(): Promise<void>;
}

const MAX_BATCHES_PER_DRAIN = 1_000;
const DEFAULT_LANES = 4;

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, replicaId } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const metrics = options.metrics;
  const sendEnv = {
    client: options.client,
    pacer: options.pacer ?? processPacer,
    now,
    sleep,
    maxInlineWaitMs: options.maxInlineWaitMs ?? 5_000,
    metrics,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  metrics?.setQueueDepthReader(() => deliveryQueueDepth(db));

  async function processOne(d: ClaimedDelivery, report: DrainReport): Promise<void> {
    const log = logger.child({ delivery: d.id, key: d.dedupeKey, method: d.method });
    const payload = asPayload(d.payload);
    if (!isMethod(d.method)) return fail(d, payload, "invalid_method", report, log);
    let parent: { channel: string | null; ts: string | null } | undefined;
    if (d.afterKey) {
      const p = await findDeliveryByKey(db, d.afterKey);
      if (p?.status === "FAILED") return fail(d, payload, "dependency_failed", report, log, false);
      if (p?.status !== "SENT") {
        await rescheduleDelivery(db, d.id, replicaId, {
          notBefore: new Date(now().getTime() + 1_000),
          lastError: "waiting for its earlier delivery",
          refund: true,
        });
        report.deferred += 1;
        return;
      }
      parent = { channel: p.resultChannel, ts: p.resultTs };
    }
    let result: SendResult;
    try {
      result = await sendDelivery(sendEnv, {
        id: d.id,
        method: d.method,
        payload,
        mayHaveBeenSent: d.attempts > 1,
        createdAt: d.createdAt,
        parent,
        saveProgress: async (next) => {
          const json = JSON.parse(JSON.stringify(next)) as Prisma.InputJsonObject;
          if (!(await saveHeldDeliveryPayload(db, d.id, replicaId, json))) {
            throw new Error("lease lost while sending: the next claimant carries on");
          }
        },
      });
      if (result.kind === "deferred") {
        await rescheduleDelivery(db, d.id, replicaId, {
          notBefore: result.until,
          lastError: null,
          refund: true,
        });
        report.deferred += 1;
        return;
      }
      await recordSent(d, result, log);
      report[result.adopted ? "adopted" : "sent"] += 1;
      metrics?.deliveries.inc({ method: d.method, outcome: result.adopted ? "adopted" : "sent" });
    } catch (error) {
      await handleError(d, payload, error, report, log);
    }
  }

  async function recordSent(
    d: ClaimedDelivery,
    result: Extract<SendResult, { kind: "sent" }>,
    log: Logger,
  ): Promise<void> {
    await db.prisma.$transaction(async (tx) => {
      const { channel, ts } = result;
      const held = await markDeliverySent(tx, d.id, replicaId, { channel, ts, at: now() });
      if (!held) {
        // Lease lost (the next claimant adopts the message) or superseded by a newer update.
        log.warn("no longer held when recording the send: not recorded here");
        return;
      }
      if (!d.resultRef || !channel || !ts) return;
      const handler = resultHandlerFor(options.resultHandlers ?? {}, d.resultRef);
      if (handler) await handler(tx, d.resultRef, { channel, ts });
      else log.warn({ ref: d.resultRef }, "no result handler registered for this ref");
    });
    log.info({ adopted: result.adopted, ts: result.ts }, "delivered");
  }

  async function handleError(
    d: ClaimedDelivery,
    payload: DeliveryPayload,
    error: unknown,
    report: DrainReport,
    log: Logger,
  ): Promise<void> {
    const failure = classifyFailure(error);
    if (failure.kind === "permanent") return fail(d, payload, failure.error, report, log);
    if (failure.kind === "transient" && d.attempts >= maxAttempts) {
      log.warn({ err: error }, "giving up after repeated transient failures");
      return fail(d, payload, "gave_up", report, log, true, failure.error);
    }
    const delay =
      failure.kind === "rate-limited" ? failure.retryAfterMs : backoffMs(d.attempts, random);
    await rescheduleDelivery(db, d.id, replicaId, {
      notBefore: new Date(now().getTime() + delay),
      lastError: failure.error,
      // Neither a 429 nor a connection that never opened reached Slack's method.
      refund: failure.kind === "rate-limited" || failure.kind === "unreachable",
    });
    report.retried += 1;
    const reason =
      failure.kind === "rate-limited"
        ? "rate_limited"
        : failure.kind === "unreachable"
          ? "unreachable"
          : "transient";
    metrics?.deliveryRetries.inc({ reason });
    log.warn({ err: error, delayMs: delay, attempt: d.attempts }, "delivery will be retried");
  }

  async function fail(
    d: ClaimedDelivery,
    payload: DeliveryPayload,
    error: string,
    report: DrainReport,
    log: Logger,
    notify = true,
    detail?: string,
  ): Promise<void> {
    const lastError = detail ? `${error}: ${detail}` : error;
    await db.prisma.$transaction(async (tx) => {
      const at = now();
      const held = await markDeliveryFailed(tx, d.id, replicaId, { lastError });
      if (!held || !notify) return;
      const reports = await reportFailure(tx, { ...d, payload }, error);
      if (reports > 0) await markDeliveryReported(tx, d.id, at);
    });
    report.failed += 1;
    metrics?.deliveries.inc({ method: d.method, outcome: "failed" });
    log.error({ error: lastError }, "delivery failed");
  }

  async function drainOnce(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, adopted: 0, failed: 0, retried: 0, deferred: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_DRAIN; batch += 1) {
      const at = now();
      const claimed = await claimDeliveries(db, {
        claimant: replicaId,
        now: at,
        leaseUntil: new Date(at.getTime() + leaseMs),
        limit: options.batchSize ?? 10,
      });
      if (claimed.length === 0) break;
      await processInLanes(claimed, options.lanes ?? DEFAULT_LANES, (d) => processOne(d, report));
    }
    return report;
  }

  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = drainOnce()
      .catch((err) => logger.error({ err }, "delivery drain failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.pollMs ?? 1_000);
      });
  };

  return {
    drainOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const worker = createDeliveryWorker(options);
  worker.start();
  return worker;
}

/**
 * Runs `fn` over the batch with at most `lanes` conversations at a time. Deliveries to one
 * conversation (a channel, a person's DM, or the replies to one earlier delivery) stay in their
 * claimed order: a thread reply must not overtake its parent, nor an older update a newer one.
 */
export async function processInLanes<
  D extends Pick<ClaimedDelivery, "id" | "payload" | "afterKey">,
>(batch: D[], lanes: number, fn: (d: D) => Promise<void>): Promise<void> {
  const queue = [...groupBy(batch, conversationOf).values()];
  const runLanes = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      for (const d of lane) await fn(d);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, queue.length)) }, runLanes));
}

function conversationOf(d: Pick<ClaimedDelivery, "id" | "payload" | "afterKey">): string {
  const payload = asPayload(d.payload);
  const channel = nonEmptyString(payload.channel);
  if (channel) return `channel:${channel}`;
  const user = nonEmptyString(payload.user);
  if (user) return `user:${user}`;
  return d.afterKey ? `after:${d.afterKey}` : `delivery:${d.id}`;
}

function isMethod(method: string): method is DeliveryMethod {
  return (DELIVERY_METHODS as readonly string[]).includes(method);
}

function asPayload(value: unknown): DeliveryPayload {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as DeliveryPayload)
    : {};
}
