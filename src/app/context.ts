import type { WebClient } from "@slack/web-api";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import type { Scheduler } from "../jobs/scheduler.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { DeliveryWorker } from "../services/outbox/index.ts";

/** What listeners, jobs and commands share in one running process. */
export interface AppContext {
  env: EnvConfig;
  db: Database;
  /** The bot's Web API client for calls that answer a user now (views.open, responses). */
  client: WebClient;
  /** The clock every business decision reads; tests and `jobs run --at` replace it. */
  now: () => Date;
  logger: Logger;
  metrics: Metrics;
  replicaId: string;
  /** Sends what the outbox holds; `drainOnce()` sends everything due now. */
  deliveries: DeliveryWorker;
  scheduler: Scheduler;
}
