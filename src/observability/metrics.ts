/**
 * Prometheus metrics. One registry per process (`metrics`); tests create their own with
 * `createMetrics()` so counts never leak between them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  /** Deliveries finished, by method and outcome (sent, adopted, failed). */
  deliveries: Counter<"method" | "outcome">;
  /** Delivery attempts scheduled again, by reason (rate_limited, transient, dependency). */
  deliveryRetries: Counter<"reason">;
  /** HTTP 429 answers from Slack, by method. */
  rateLimited: Counter<"method">;
  /** Deliveries waiting, by status; read from the database on scrape. */
  queueDepth: Gauge<"status">;
  /** Job occurrences, by job and outcome (ran, already-ran, not-due, failed, missed). */
  jobRuns: Counter<"job" | "outcome">;
  /**
   * Seconds from routing a Slack request (Bolt has read, verified and parsed it) to its ack, by
   * kind (action, view, command). Time spent before, waiting to be read, shows as event-loop lag.
   */
  ackSeconds: Histogram<"kind">;
  /** Requests' work after the ack, running and waiting for its turn; read on scrape. */
  afterAckWork: Gauge<"state">;
  /** Requests whose work was refused for want of room (the person was told), by kind. */
  workRefused: Counter<"kind">;
  /** Where the queue-depth gauge reads from on scrape (the outbox passes its repository). */
  setQueueDepthReader(reader: QueueDepthReader): void;
  /** Where the after-ack work gauge reads from on scrape (the router passes its gate). */
  setWorkReader(reader: WorkReader): void;
}

export type WorkReader = () => { running: number; waiting: number };

export type QueueDepthReader = () => Promise<Record<string, number>>;

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  let readQueueDepth: QueueDepthReader | undefined;
  let readWork: WorkReader | undefined;
  const metrics: Metrics = {
    registry,
    deliveries: new Counter({
      name: "pbb_deliveries_total",
      help: "Outbox deliveries finished, by method and outcome",
      labelNames: ["method", "outcome"],
      registers,
    }),
    deliveryRetries: new Counter({
      name: "pbb_delivery_retries_total",
      help: "Outbox delivery attempts scheduled again, by reason",
      labelNames: ["reason"],
      registers,
    }),
    rateLimited: new Counter({
      name: "pbb_slack_rate_limited_total",
      help: "HTTP 429 answers from the Slack Web API, by method",
      labelNames: ["method"],
      registers,
    }),
    queueDepth: new Gauge({
      name: "pbb_delivery_queue_depth",
      help: "Outbox deliveries by status",
      labelNames: ["status"],
      registers,
      async collect() {
        if (!readQueueDepth) return;
        this.reset();
        for (const [status, count] of Object.entries(await readQueueDepth())) {
          this.set({ status }, count);
        }
      },
    }),
    jobRuns: new Counter({
      name: "pbb_job_runs_total",
      help: "Job occurrences handled, by job and outcome",
      labelNames: ["job", "outcome"],
      registers,
    }),
    ackSeconds: new Histogram({
      name: "pbb_slack_ack_seconds",
      help: "Seconds from routing a Slack request (read, verified, parsed) to acknowledging it",
      labelNames: ["kind"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5],
      registers,
    }),
    afterAckWork: new Gauge({
      name: "pbb_after_ack_work",
      help: "Slack requests acknowledged whose work is running or waiting for its turn",
      labelNames: ["state"],
      registers,
      collect() {
        if (!readWork) return;
        const { running, waiting } = readWork();
        this.set({ state: "running" }, running);
        this.set({ state: "waiting" }, waiting);
      },
    }),
    workRefused: new Counter({
      name: "pbb_work_refused_total",
      help: "Slack requests acknowledged but refused as too busy (the person was told), by kind",
      labelNames: ["kind"],
      registers,
    }),
    setQueueDepthReader(reader) {
      readQueueDepth = reader;
    },
    setWorkReader(reader) {
      readWork = reader;
    },
  };
  return metrics;
}

/**
 * Records an ack's seconds in `ackSeconds`: a histogram child per kind, looked up once (this is
 * on every request's path to its ack).
 */
export function ackTimer(target: Metrics): (kind: string, seconds: number) => void {
  const children = new Map<string, ReturnType<Metrics["ackSeconds"]["labels"]>>();
  return (kind, seconds) => {
    let child = children.get(kind);
    if (!child) {
      child = target.ackSeconds.labels({ kind });
      children.set(kind, child);
    }
    child.observe(seconds);
  };
}

/** The process-wide metrics. */
export const metrics = createMetrics();

/** `GET /metrics` in Prometheus text exposition, for Bolt's customRoutes or a plain server. */
export function metricsHandler(
  target: Metrics = metrics,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    try {
      const body = await target.registry.metrics();
      res.writeHead(200, { "Content-Type": target.registry.contentType });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
