/**
 * Start-up and shutdown of one bot process: database, migrations and ORG_FILE (once across
 * replicas, under a database lock), the CLI hand-off, Bolt, and the background workers.
 */
import { readFile } from "node:fs/promises";
import { WebClient } from "@slack/web-api";
import { type HandoffServer, handoffSocketPath, startHandoffServer } from "../cli/handoff.ts";
import { runProgram } from "../cli/program.ts";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import { applyMigrations } from "../db/migrations.ts";
import { markEventProcessed } from "../db/repositories/processed-events.ts";
import { newReplicaId } from "../db/repositories/replicas.ts";
import { startHeartbeat } from "../jobs/heartbeat.ts";
import { createScheduler } from "../jobs/scheduler.ts";
import { createLogger } from "../observability/logger.ts";
import { ackTimer, metrics, metricsHandler } from "../observability/metrics.ts";
import { Homes } from "../services/home/refresh.ts";
import { applyOrgText } from "../services/org/apply-org.ts";
import { slackResolver } from "../services/org/resolver.ts";
import { createDeliveryClient, createDeliveryWorker } from "../services/outbox/index.ts";
import { orgText, overloadAnswer } from "../slack/overload.ts";
import { guardRequests } from "../slack/request-guard.ts";
import { ListenerRouter } from "../slack/router.ts";
import type { WorkGate } from "../slack/work-gate.ts";
import { type BoltAppHandle, createBoltApp } from "./bolt-app.ts";
import type { AppContext, FeatureHttp } from "./context.ts";
import {
  assessmentSourcesOf,
  features,
  jobsOf,
  orgWrittenOf,
  reportsOf,
  resultHandlersOf,
} from "./features.ts";
import { healthRoutes, within } from "./health-routes.ts";
import { startOpsServer } from "./ops-server.ts";
import { presenters } from "./presenters.ts";
import { type IdentityCheck, type SlackAuthError, startIdentityCheck } from "./slack-identity.ts";
import { createSlackProbe, probeClient } from "./slack-probe.ts";
import type { StartupPlaceholder } from "./startup-placeholder.ts";
import { openStore, StartupError } from "./store.ts";
import { wireFeatures } from "./wire.ts";

export { StartupError };

export interface RunningBot {
  port: number;
  /** Where OPS_PORT's server listens (127.0.0.1), when OPS_PORT is set. */
  opsPort?: number;
  ctx: AppContext;
  /** The work after the acks: what runs and what waits (benchmarks, shutdown). */
  work: Pick<WorkGate, "active" | "backlog">;
  stop(): Promise<void>;
}

export interface StartOptions {
  log: (line: string) => void;
  /** false: no cron ticks or catch-up (tests drive `scheduler.tick` themselves). Default true. */
  scheduler?: boolean;
  now?: () => Date;
  /** An already open store (tests; `pbb start` opens it while the modules load), closed on stop. */
  db?: Database;
  /** The gate for requests' work after their ack (bench). Default: the router's adaptive one. */
  workGate?: WorkGate;
  /** What answers on PORT while starting (`pbb start`); closed just before Bolt listens there. */
  placeholder?: StartupPlaceholder;
  /**
   * Slack refused the bot token (found by the identity check, during start-up or after): the
   * caller reports the line and stops the bot. Default: logged.
   */
  onWrongCredentials?: (error: SlackAuthError) => void;
  /** Waits of the identity check between attempts (tests); default 1 s doubling to 10 s. */
  identityRetry?: { initialDelayMs: number; maxDelayMs: number };
  /** Listen on this address only (the sandbox's bot: 127.0.0.1). Default: every interface. */
  host?: string;
}

type SlackEnv = Extract<EnvConfig, { mode: "http" | "socket" }>;

export async function startBot(env: SlackEnv, options: StartOptions): Promise<RunningBot> {
  const db = options.db ?? (await openStore(env));
  let ready = false;
  const client = new WebClient(env.botToken, {
    ...(env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200 },
  });
  const logger = createLogger(env.logLevel);
  const replicaId = newReplicaId();
  const now = options.now ?? (() => new Date());
  const homes = new Homes(db);
  const jobs = jobsOf(features);
  let listeningPort = env.port;
  const http: FeatureHttp = {
    baseUrl: () => env.publicUrl ?? `http://127.0.0.1:${listeningPort}`,
  };
  const ctx: AppContext = {
    env,
    db,
    client,
    now,
    logger,
    metrics,
    replicaId,
    // Leases and retry times are operational: they follow the wall clock, not the business clock.
    deliveries: createDeliveryWorker({
      db,
      client: createDeliveryClient(
        env.botToken,
        env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {},
      ),
      replicaId,
      resultHandlers: resultHandlersOf(features),
      logger,
      metrics,
      pollMs: 500,
      // A send ends within the client's 15 s timeout plus a short pacing wait, so a replica
      // killed mid-send hands its claims back after half a minute, not two.
      leaseMs: 30_000,
    }),
    scheduler: createScheduler({
      db,
      logger,
      replicaId,
      metrics,
      now,
      jobs: () => jobs,
      homes,
    }),
    jobs,
    reports: reportsOf(features),
    homes,
    http,
    presenters,
    orgWritten: orgWrittenOf(features),
  };
  const stoppers: (() => Promise<void>)[] = [];
  let bolt: BoltAppHandle | undefined;
  let handoff: HandoffServer | undefined;
  // Who the bot is in Slack, asked in the background: an unreachable Slack does not stop the
  // start (see slack-identity.ts). Its own client makes no retries: the check has its backoff.
  const identity: IdentityCheck = startIdentityCheck(
    new WebClient(env.botToken, {
      ...(env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: 10_000,
    }),
    {
      logger,
      onWrongCredentials: (error) =>
        options.onWrongCredentials
          ? options.onWrongCredentials(error)
          : logger.error(error.message),
      ...(options.identityRetry ?? {}),
    },
  );
  stoppers.push(async () => identity.stop());
  try {
    await db.withExclusiveLock("pbb:startup", async () => {
      const applied = await applyMigrations(db.adapter);
      for (const name of applied) options.log(`applied migration ${name}`);
      if (env.orgFile) await applyOrgFile(ctx, env.orgFile, options.log);
    });

    const router = new ListenerRouter({
      ...(options.workGate ? { gate: options.workGate } : {}),
      overload: overloadAnswer(ctx),
      firstDelivery: (eventId) => markEventProcessed(db, eventId),
      acked: ackTimer(metrics),
      retiredButton: orgText(ctx, "common.retiredButton"),
    });
    const featureRoutes = wireFeatures(features, router, ctx);
    // /readyz is unauthenticated: its auth.test goes through a probe with its own client and
    // a 30 s cache, never through the shared client's queue (see slack-probe.ts).
    const probe = createSlackProbe(probeClient(env.botToken, env.slackApiUrl));
    const health = healthRoutes({
      startupComplete: () => ready,
      databaseAnswers: () => within(2000, () => db.prisma.$queryRaw`SELECT 1`),
      slackProblem: async () => identity.pending() ?? (await probe.problem()),
    });
    const metricsRoute = { path: "/metrics", method: ["GET"], handler: metricsHandler(metrics) };
    let opsPort: number | undefined;
    if (env.opsPort !== undefined) {
      const ops = await startOpsServer(env.opsPort, [...health, metricsRoute]);
      stoppers.push(() => ops.close());
      opsPort = ops.port;
      options.log(`ops endpoints (/metrics, /healthz, /readyz) on 127.0.0.1:${ops.port}`);
    }
    bolt = createBoltApp(
      {
        botToken: env.botToken,
        ...(env.mode === "socket"
          ? { appToken: env.appToken }
          : { signingSecret: env.signingSecret }),
        ...(env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {}),
        identity: identity.current,
      },
      // With OPS_PORT, /metrics is served there only (see ops-server.ts).
      [...health, ...(env.opsPort === undefined ? [metricsRoute] : []), ...featureRoutes],
      env.port,
      undefined,
      options.host,
    );
    metrics.setWorkReader(() => ({ running: router.gate.active, waiting: router.gate.backlog }));
    router.mount(bolt.app);
    guardRequests(bolt.app, {
      installedTeam: () => identity.current()?.teamId,
      refused: (reason) => logger.warn({ reason }, "a Slack request with an impossible shape"),
      failed: (error) => logger.error(error, "a Slack request failed before its ack"),
    });
    for (const feature of features) {
      await feature.start?.(ctx);
      const { stop } = feature;
      if (stop) stoppers.push(async () => stop(ctx));
    }
    stoppers.push(async () => router.gate.stop());

    if (env.database.kind === "pglite") {
      handoff = await startHandoffServer(handoffSocketPath(env.database.dir), ({ argv, cwd }, io) =>
        runProgram(argv, io, async () => ({
          ctx: {
            db,
            io,
            cwd,
            resolver: slackResolver(client),
            insideBot: true,
            now: ctx.now,
            client,
            deliveries: ctx.deliveries,
            bot: { homes },
          },
          release: async () => {},
        })),
      );
    }
    await options.placeholder?.close();
    const port = await bolt.start();
    listeningPort = port;
    const heartbeat = startHeartbeat(db, replicaId, logger);
    stoppers.push(() => heartbeat.stop());
    ctx.deliveries.start();
    stoppers.push(() => ctx.deliveries.stop());
    if (options.scheduler !== false) {
      const caughtUp = await ctx.scheduler.start();
      stoppers.push(() => ctx.scheduler.stop());
      for (const missed of caughtUp?.missed ?? []) {
        options.log(
          `missed ${missed.job} ${missed.key} (fired ${missed.fireAt.toISOString()}): too old to catch up, not sent`,
        );
      }
    }
    ready = true;
    options.log(`party-building-bot is running (${env.mode} mode) on port ${port}`);
    const started = bolt;
    return {
      port,
      ...(opsPort === undefined ? {} : { opsPort }),
      ctx,
      work: router.gate,
      async stop() {
        ready = false;
        // Stop taking new work first, then let in-flight work finish, then close the store.
        for (const stop of stoppers.reverse()) await stop();
        await started.stop().catch(() => {});
        await handoff?.close();
        await db.close();
      },
    };
  } catch (error) {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    await bolt?.stop().catch(() => {});
    await handoff?.close();
    await db.close();
    throw error;
  }
}

async function applyOrgFile(
  ctx: AppContext,
  file: string,
  log: (line: string) => void,
): Promise<void> {
  const text = await readFile(file, "utf8");
  const outcome = await applyOrgText(ctx.db, slackResolver(ctx.client!), text, file, {
    actor: "ORG_FILE",
    source: `ORG_FILE ${file}`,
    onlyIfFileChanged: true,
    assessmentSources: assessmentSourcesOf(features).map((s) => s.name),
    afterWrite: ctx.orgWritten,
  });
  if (outcome.status === "invalid") {
    throw new StartupError(`ORG_FILE ${file} was not applied:\n${outcome.lines.join("\n")}`);
  }
  if (outcome.status === "applied")
    log(`ORG_FILE ${file} applied (${outcome.changes.length} changes)`);
}
