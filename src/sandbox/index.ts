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
import { assessmentSourcesOf, features, orgWrittenOf, resultHandlersOf } from "../app/features.ts";
import { type RunningBot, startBot } from "../app/runtime.ts";
import type { EnvConfig } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import { loadOrg, loadOrgRecord } from "../db/repositories/org.ts";
import { type Locale, translator } from "../i18n/index.ts";
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
import { demoStart, seedDemoHistory } from "./demo-history.ts";
import {
  DEMO_TIMEZONE,
  type DemoLocale,
  demoChannels,
  demoOrgYaml,
  demoUsers,
} from "./demo-org.ts";
import type { PersonGroup } from "./render/screen.ts";
import { switcherGroups } from "./roles.ts";
import { startSandboxServer } from "./server/index.ts";
import { createTimeControl, type PostCount } from "./time-control.ts";
import { currentStep, type TourState, tourStrip } from "./tour.ts";
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
    if (!(await loadOrgRecord(bot.ctx.db))) await seedDemo(bot, clock, dataDir, log, "zh-CN");
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
      services: { homes: bot.ctx.homes },
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
    const org = orgCache(bot.ctx.db, clock);
    const tour: TourState = { homeSeen: false };
    let lastStep = "";
    await org.refresh();
    const server = await startSandboxServer({
      driver,
      port: env.port,
      timezone: org.timezone,
      clock: time,
      locale: org.locale,
      groups: org.groups,
      tour: async (user) => {
        const step = await currentStep(
          bot.ctx.db,
          emulator.workspace,
          clock.now(),
          org.timezone(),
          tour,
        );
        lastStep = step.name;
        return tourStrip(step, emulator.workspace, org.locale(), user);
      },
      onHomeOpened: () => {
        if (lastStep === "home") tour.homeSeen = true;
      },
      appBase,
      reset: (locale) =>
        time.exclusive(async () => {
          await emptyDatabase(bot.ctx.db);
          resetWorkspace(emulator, locale);
          await seedDemo(bot, clock, dataDir, log, locale);
          tour.homeSeen = false;
          await bot.ctx.scheduler.catchUp(clock.now());
          await org.refresh();
        }),
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

/**
 * Applies the demo org through the emulator (on first start, and on "reset demo"), moves the
 * clock to the 1st of the next month 08:30 and writes the months before into the database.
 */
async function seedDemo(
  bot: RunningBot,
  clock: BusinessClock,
  dataDir: string,
  log: (line: string) => void,
  locale: DemoLocale,
): Promise<void> {
  const start = demoStart(clock.now(), DEMO_TIMEZONE);
  const text = demoOrgYaml(locale, start);
  const orgFile = path.join(dataDir, DEMO_ORG_FILE);
  const outcome = await applyOrgText(bot.ctx.db, slackResolver(bot.ctx.client), text, orgFile, {
    actor: "sandbox",
    source: "sandbox demo organisation",
    assessmentSources: assessmentSourcesOf(features).map((s) => s.name),
    afterWrite: orgWrittenOf(features),
  });
  if (outcome.status === "invalid")
    throw new Error(`the demo org does not apply:\n${outcome.lines.join("\n")}`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 }); // data/ is the bot user's alone (issue 26)
  await writeFile(orgFile, text);
  clock.advanceTo(start);
  await seedDemoHistory(bot.ctx.db, start, DEMO_TIMEZONE, locale);
  log(`applied the demo organisation (${orgFile}); the demo starts ${start.toISOString()}`);
}

/** Every table but the migrations' and the replicas' (the bot's heartbeat) is emptied. */
async function emptyDatabase(db: Database): Promise<void> {
  const rows = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()
       AND tablename NOT IN ('_prisma_migrations', 'Replica')`,
  );
  if (rows.length === 0) return;
  const list = rows.map((r) => `"${r.name.replace(/"/g, '""')}"`).join(", ");
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

/** The workspace as on first start: the demo's people and channels, nothing posted. */
function resetWorkspace(emulator: SlackEmulator, locale: DemoLocale): void {
  const ws = emulator.workspace;
  ws.messages.clear();
  ws.ephemerals.length = 0;
  ws.modalStacks.clear();
  ws.homeViews.clear();
  ws.files.clear();
  ws.channels.clear();
  for (const id of [...ws.users.keys()]) if (id !== ws.bot.userId) ws.users.delete(id);
  for (const u of demoUsers(locale)) ws.addUser(u);
  for (const c of demoChannels()) ws.addChannel(c);
}

/**
 * The org's time zone, language and the switcher's groups (with this week's lecture speaker),
 * reread every few seconds (`pbb org apply` may change them, the clock moves).
 */
function orgCache(db: Database, clock: BusinessClock) {
  let timezone = "UTC";
  let locale: Locale = "zh-CN";
  let groups: PersonGroup[] = [];
  let timer: NodeJS.Timeout | undefined;
  const refresh = async () => {
    const org = await loadOrg(db).catch(() => null);
    if (!org) return;
    timezone = org.organization.timezone;
    locale = org.organization.locale;
    groups = switcherGroups(org, translator(locale), await speakersThisWeek(db, clock.now()));
  };
  return {
    refresh,
    timezone: () => timezone,
    locale: () => locale,
    groups: () => groups,
    start() {
      timer = setInterval(() => void refresh(), 3000);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}

/** Speakers of the next lecture session, when it is within a week. */
async function speakersThisWeek(db: Database, now: Date): Promise<Set<string>> {
  const session = await db.prisma.lectureSession
    .findFirst({
      where: {
        series: "lecture",
        startsAt: { gt: now, lte: new Date(now.getTime() + 7 * 86_400_000) },
      },
      orderBy: { startsAt: "asc" },
      include: { turns: { where: { state: { in: ["ASSIGNED", "CONFIRMED"] } } } },
    })
    .catch(() => null);
  return new Set(session?.turns.map((t) => t.userId) ?? []);
}
