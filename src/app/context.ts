import type { WebClient } from "@slack/web-api";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import type { AnyJob } from "../jobs/define.ts";
import type { Scheduler } from "../jobs/scheduler.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Homes } from "../services/home/refresh.ts";
import type { OrgWrittenHook } from "../services/org/apply-org.ts";
import type { DeliveryWorker } from "../services/outbox/index.ts";
import type { ReportDefinition } from "../services/reports/definition.ts";
import type { Presenters } from "./presenters.ts";

/** The bot's own HTTP server, for links a feature hands out. */
export interface FeatureHttp {
  /** e.g. "http://127.0.0.1:3000"; the real port once the server listens. */
  baseUrl(): string;
}

/**
 * What listeners, jobs and commands share in one running bot. Everything a bot holds is here
 * (one per bot: two bots in one process share nothing).
 */
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
  /** The jobs of the bot's features. */
  jobs: readonly AnyJob[];
  /** The reports of the bot's features (`/pbb report <kind>`). */
  reports: readonly ReportDefinition[];
  /** Re-publishes the Homes a change concerns. */
  homes: Homes;
  /** Where this bot's HTTP routes are reached. */
  http: FeatureHttp;
  /** How the features' messages look (their presenters at the Slack edge). */
  presenters: Presenters;
  /** The features' part of an org write (the admin modals pass it to writeOrg). */
  orgWritten?: OrgWrittenHook;
}
