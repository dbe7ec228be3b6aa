/**
 * `npm start` without a Slack token: the local sandbox. The Web API emulator plays Slack, the
 * bot runs through its real start-up (HTTP mode, SLACK_API_URL = the emulator, a generated
 * signing secret), the driver signs what a person does on the page exactly as Slack would, and
 * the page is served on PORT. A demo organisation is applied on first start; the workspace is
 * kept in <data dir>/sandbox-workspace.json.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { features, resultHandlersOf } from "../app/features.ts";
import { type RunningBot, startBot } from "../app/runtime.ts";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import { loadOrg, loadOrgRecord } from "../db/repositories/org.ts";
import {
  createDriver,
  createSlackEmulator,
  type SlackDriver,
  type SlackEmulator,
} from "../localslack/index.ts";
import { applyOrgText } from "../services/org/apply-org.ts";
import { slackResolver } from "../services/org/resolver.ts";
import {
  createDeliveryClient,
  createDeliveryWorker,
  DEFAULT_METHOD_INTERVAL_MS,
  Pacer,
} from "../services/outbox/index.ts";
import { type BusinessClock, createBusinessClock } from "./clock.ts";
import { demoChannels, demoOrgYaml, demoUsers } from "./demo-org.ts";
import { rolesOf } from "./roles.ts";
import { startSandboxServer } from "./server/index.ts";
import { createTimeControl, type PostCount } from "./time-control.ts";
import {
  latestMessageMs,
  loadSnapshot,
  restoreInto,
  snapshotOf,
  startAutosave,
} from "./workspace-store.ts";

const UNPACED = Object.fromEntries(Object.keys(DEFAULT_METHOD_INTERVAL_MS).map((m) => [m, 0]));

export const WORKSPACE_FILE = "sandbox-workspace.json";
export const DEMO_ORG_FILE = "sandbox-org.yml";
export const BOT_NAME = "party-building-bot";

export interface SandboxOptions {
  log: (line: string) => void;
  /** Where the workspace file lives: beside a PGlite directory by default, else ./data. */
  dataDir?: string;
  /** An already open database (tests). */
  db?: Database;
}

export interface RunningSandbox {
  /** The page, e.g. http://127.0.0.1:3000/ */
  url: string;
  port: number;
  bot: RunningBot;
  emulator: SlackEmulator;
  driver: SlackDriver;
  clock: BusinessClock;
  stop(): Promise<void>;
}

export function sandboxDataDir(env: EnvConfig): string {
  return env.database.kind === "pglite" ? path.dirname(env.database.dir) : path.resolve("data");
}

export async function startSandbox(
  env: EnvConfig,
  options: SandboxOptions,
): Promise<RunningSandbox> {
  const { log } = options;
  const dataDir = options.dataDir ?? sandboxDataDir(env);
  const file = path.join(dataDir, WORKSPACE_FILE);
  const loaded = await loadSnapshot(file);
  if (loaded.status === "unreadable") {
    log(
      `could not read ${file} (${loaded.problem}); kept it as ${loaded.movedTo}, starting a fresh workspace`,
    );
  }
  const snapshot = loaded.status === "loaded" ? loaded.snapshot : undefined;
  const clock = createBusinessClock(snapshot?.clockOffsetMs ?? 0);
  if (snapshot) clock.advanceTo(new Date(latestMessageMs(snapshot) + 1000));

  const emulator = createSlackEmulator({
    team: { name: "pbb-local sandbox" },
    bot: { name: BOT_NAME },
    now: clock.nowMs,
    ...(snapshot ? {} : { users: demoUsers(), channels: demoChannels() }),
  });
  if (snapshot) restoreInto(emulator.workspace, snapshot);
  await emulator.start();
  const stops: (() => Promise<void>)[] = [() => emulator.stop()];
  const unwind = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };

  // Saved after everything else stopped, so the bot's last posts are in the file.
  const autosave = startAutosave(
    file,
    () => snapshotOf(emulator.workspace, clock.offsetMs()),
    1000,
    (e) => log(`could not save ${file}: ${e.message}`),
  );
  stops.push(() => autosave.stop());
  try {
    const signingSecret = randomBytes(24).toString("hex");
    const bot = await startBot(
      {
        ...env,
        mode: "http",
        botToken: emulator.workspace.bot.token,
        signingSecret,
        slackApiUrl: emulator.url,
        port: 0,
      },
      {
        log,
        now: clock.now,
        scheduler: false,
        // Only the page (a proxy on this machine) talks to the bot: never the network.
        host: "127.0.0.1",
        ...(options.db ? { db: options.db } : {}),
      },
    );
    stops.push(() => bot.stop());
    await seedOrg(bot, dataDir, log);
    await bot.ctx.scheduler.catchUp(clock.now());

    const appBase = `http://127.0.0.1:${bot.port}`;
    const driver = createDriver({
      emulator,
      appUrl: `${appBase}/slack/events`,
      signingSecret,
      // A page waiting minutes for Slack's event retries helps no one.
      retryDelaysMs: [],
    });
    const clockWorker = createDeliveryWorker({
      db: bot.ctx.db,
      client: createDeliveryClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url }),
      replicaId: `${bot.ctx.replicaId}-clock`,
      resultHandlers: resultHandlersOf(features),
      logger: bot.ctx.logger,
      pacer: new Pacer({ perChannelMs: 0, methodIntervalMs: UNPACED }),
      leaseMs: 30_000,
    });
    const time = createTimeControl({
      clock,
      db: bot.ctx.db,
      runner: bot.ctx.replicaId,
      logger: bot.ctx.logger,
      jobs: () => bot.ctx.jobs,
      services: { homes: bot.ctx.homes, slack: bot.ctx.client },
      tick: (at) => bot.ctx.scheduler.tick(at),
      posts: () => botPosts(emulator),
      // A second worker of the same outbox, on the wall clock like the bot's (a worker on the
      // business clock, always ahead, took every lease the bot held for expired and posted its
      // messages again), without the pacing meant for real Slack: a jump waits for each fire's
      // messages, and the local Slack has no budget to spare them.
      drain: async () => {
        await clockWorker.drainOnce();
      },
      log,
    });
    const org = orgCache(bot.ctx.db);
    await org.refresh();
    const server = await startSandboxServer({
      driver,
      port: env.port,
      timezone: org.timezone,
      clock: time,
      describePerson: org.describe,
      appBase,
    });
    stops.push(() => server.stop());
    time.start();
    stops.push(() => time.stop());
    org.start();
    stops.push(async () => org.stop());
    return { url: server.url, port: server.port, bot, emulator, driver, clock, stop: unwind };
  } catch (error) {
    await unwind();
    throw error;
  }
}

/** The bot's messages so far, in channels and in DMs (a jump counts what each fire posted). */
function botPosts(emulator: SlackEmulator): PostCount {
  const ws = emulator.workspace;
  const count = { channel: 0, dm: 0 };
  for (const [id, list] of ws.messages) {
    const kind = ws.channels.get(id)?.kind;
    for (const m of list) {
      if (m.deleted || m.user !== ws.bot.userId) continue;
      if (kind === "im" || kind === "mpim") count.dm += 1;
      else count.channel += 1;
    }
  }
  return count;
}

/** On first start (no org in the database), applies the demo org through the emulator. */
async function seedOrg(
  bot: RunningBot,
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  if (await loadOrgRecord(bot.ctx.db)) return;
  const text = demoOrgYaml();
  const orgFile = path.join(dataDir, DEMO_ORG_FILE);
  const outcome = await applyOrgText(bot.ctx.db, slackResolver(bot.ctx.client), text, orgFile, {
    actor: "sandbox",
    source: "sandbox demo organisation",
  });
  if (outcome.status === "invalid")
    throw new Error(`the demo org does not apply:\n${outcome.lines.join("\n")}`);
  await mkdir(dataDir, { recursive: true });
  await writeFile(orgFile, text);
  log(`applied the demo organisation (${orgFile})`);
}

/** The org's time zone and people's roles, reread every few seconds (`pbb org apply` may change them). */
function orgCache(db: Database) {
  let timezone = "UTC";
  let roles = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    const org = await loadOrg(db).catch(() => null);
    if (!org) return;
    timezone = org.organization.timezone;
    roles = rolesOf(org);
  };
  return {
    refresh,
    timezone: () => timezone,
    describe: (id: string) => roles.get(id),
    start() {
      timer = setInterval(() => void refresh(), 5000);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
