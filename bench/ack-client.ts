/**
 * The load generator of the ack benchmark: clients replaying captured Slack payloads as freshly
 * signed HTTP requests, back to back (closed loop) or with a pause between clicks. Runs in-process (`runClients`) or, forked by
 * `bench/ack-latency.ts`, in its own process so it does not share the server's event loop.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { httpTransport, type Transport } from "../src/localslack/driver/transport.ts";
import type { Json } from "../src/localslack/emulator/types.ts";
import { pooledTransport } from "./pooled-transport.ts";

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  /** Non-2xx answers. */
  failures: number;
  /** No answer within 3 s, Slack's ack deadline. */
  timeouts: number;
  /** Wall-clock start of the measured run (epoch ms), to line it up with system samples. */
  startedAtEpochMs: number;
  /** When (seconds into the run) the first timeouts were sent: a burst at the start or spread. */
  timeoutsSentAt: number[];
  /** Each client's pause between an answer and its next request (0: closed loop). */
  thinkMs: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * The load generator's own longest event-loop stall (ms): a request it could not send or
   * whose answer it could not read meanwhile shows late, the server's doing or not.
   */
  clientLoopMaxMs: number;
  /** p50/p99/max per replayed payload kind. */
  byKind: Record<string, { n: number; p50: number; p99: number; max: number }>;
}

/** A payload to replay and, for clicks, response_urls to give it in turn (5 uses each). */
export interface ReplayItem {
  /** A name for the per-kind figures ("approve", "submitList" …). */
  name?: string;
  payload: Json;
  responseUrls?: string[];
}

export interface LoadJob {
  url: string;
  signingSecret: string;
  items: ReplayItem[];
  clients: number;
  seconds?: number;
  perClient?: number;
  /**
   * Mean pause of a client between an answer and its next click (uniform in 0.5–1.5× this).
   * 0 or absent: closed loop, each client sends again at once, so the server runs saturated and
   * latency measures its CPU cost per request; with a pause the load is a fixed offered rate.
   */
  thinkMs?: number;
}

export const quantile = (sorted: number[], q: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);

const round = (x: number, d = 1) => Number(x.toFixed(d));

/**
 * `uses` counts each item's response_url uses; pass the same array to a warm-up and the run
 * after it, so the run goes on with fresh urls instead of re-using the warm-up's (5 uses each).
 */
export async function runClients(
  job: LoadJob,
  uses: number[] = job.items.map(() => 0),
  transport: Transport = httpTransport({
    appUrl: job.url,
    signingSecret: job.signingSecret,
    ackTimeoutMs: 3000,
    signingNow: () => Date.now(),
  }),
): Promise<LoadResult> {
  const next = (n: number): Json => {
    const item = job.items[n] as ReplayItem;
    const pool = item.responseUrls;
    if (!pool || pool.length === 0) return item.payload;
    const use = uses[n] ?? 0;
    uses[n] = use + 1;
    const url = pool[Math.floor(use / 5) % pool.length] as string;
    return { ...item.payload, response_url: url };
  };
  const latencies: number[] = [];
  const perKind = job.items.map((): number[] => []);
  let failures = 0;
  let timeouts = 0;
  const timeoutsSentAt: number[] = [];
  const think = job.thinkMs ?? 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const startedAtEpochMs = Date.now();
  const deadline = started + (job.seconds ?? Number.POSITIVE_INFINITY) * 1000;
  const perClient = job.perClient ?? Number.POSITIVE_INFINITY;
  const client = async (k: number) => {
    for (let i = 0; i < perClient && performance.now() < deadline; i++) {
      const n = (k + i) % job.items.length;
      const payload = next(n);
      const t0 = performance.now();
      const d = await transport.deliver("interactive", payload);
      const ms = performance.now() - t0;
      latencies.push(ms);
      perKind[n]?.push(ms);
      if (d.timedOut) {
        timeouts += 1;
        if (timeoutsSentAt.length < 20) timeoutsSentAt.push(round((t0 - started) / 1000));
      } else if (d.status < 200 || d.status >= 300) failures += 1;
      if (think > 0) await new Promise((r) => setTimeout(r, think * (0.5 + Math.random())));
    }
  };
  await Promise.all(Array.from({ length: job.clients }, (_, k) => client(k)));
  loop.disable();
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    clients: job.clients,
    seconds: round(seconds),
    requests: sorted.length,
    startedAtEpochMs,
    failures,
    timeouts,
    timeoutsSentAt,
    thinkMs: think,
    throughput: round(sorted.length / seconds),
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    clientLoopMaxMs: round(loop.max / 1e6),
    byKind: Object.fromEntries(
      job.items.map((item, n) => {
        const xs = (perKind[n] ?? []).sort((a, b) => a - b);
        const stats = {
          n: xs.length,
          p50: round(quantile(xs, 0.5)),
          p99: round(quantile(xs, 0.99)),
          max: round(xs.at(-1) ?? Number.NaN),
        };
        return [item.name ?? String(n), stats];
      }),
    ),
  };
}

// Forked: one job in, one result out.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once("message", (job: LoadJob & { warmupSeconds?: number }) => {
    void (async () => {
      const uses = job.items.map(() => 0);
      const transport = pooledTransport({
        url: job.url,
        signingSecret: job.signingSecret,
        ackTimeoutMs: 3000,
        connections: job.clients,
      });
      // Each client's connection opened first, one request each at once, then a warm-up (JIT)
      // before measuring.
      await runClients({ ...job, seconds: undefined, perClient: 1 }, uses, transport);
      if (job.warmupSeconds)
        await runClients({ ...job, seconds: job.warmupSeconds }, uses, transport);
      const result = await runClients(job, uses, transport);
      transport.close();
      process.send?.(result, () => process.exit(0));
    })();
  });
}
