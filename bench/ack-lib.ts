/**
 * Ack latency set-up shared by `bench/ack-latency.ts` and `test/bench/ack-ratio.test.ts`:
 * the real bot (startBot, HTTP receiver) on the example org with a real round trip seeded,
 * a bare Bolt app on the same receiver that only acknowledges, realistic captured payloads
 * (an Approve click, a Mark done click, a task-list modal submission), and a closed-loop load
 * generator that replays them as freshly signed HTTP requests.
 */
import { fork } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { createBoltApp } from "../src/app/bolt-app.ts";
import { type RunningBot, startBot } from "../src/app/runtime.ts";
import type { EnvConfig } from "../src/config/env.ts";
import { parseOrgFile } from "../src/config/org-file.ts";
import type { Org } from "../src/config/org-schema.ts";
import type { Database } from "../src/db/client.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { runJobByName } from "../src/jobs/manual.ts";
import { PayloadBuilder } from "../src/localslack/driver/payloads.ts";
import type { DriverCore } from "../src/localslack/driver/session.ts";
import {
  createDriver,
  createSlackEmulator,
  type Json,
  type SlackDriver,
  type SlackEmulator,
  UserSession,
} from "../src/localslack/index.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { applyOrgText } from "../src/services/org/apply-org.ts";
import { slackResolver } from "../src/services/org/resolver.ts";
import { processPacer } from "../src/services/outbox/index.ts";
import { ITEM_INPUT_ACTION, itemBlockId, TASKLIST_ACTION } from "../src/slack/ids/tasklist.ts";
import type { LoadJob, LoadResult, ReplayItem } from "./ack-client.ts";
import { benchDatabase } from "./lib.ts";

export const SIGNING_SECRET = "bench-signing-secret";
const EXAMPLE_ORG = path.resolve(import.meta.dirname, "../examples/org.yml");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Stores

/**
 * The same store, every Prisma query (model operations and raw SQL, inside transactions too)
 * preceded by `delay.ms` of sleep: a slow database. `delay.ms` may change at any time.
 */
export function withQueryDelay(db: Database, delay: { ms: number; queries?: number }): Database {
  const slow = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        delay.queries = (delay.queries ?? 0) + 1;
        if (delay.ms > 0) await sleep(delay.ms);
        return query(args);
      },
    },
  });
  return { ...db, prisma: slow as unknown as PrismaClient };
}

// ---------------------------------------------------------------------------------------------
// The real bot, seeded

function emulatorForOrg(org: Org, now: () => number): SlackEmulator {
  const ids = new Set<string>([...org.committee.members, ...org.committee.admins]);
  for (const b of org.branches) for (const id of [...b.secretaries, ...b.members]) ids.add(id);
  for (const id of org.lectureHall?.roster ?? []) ids.add(id);
  const channel = (id: string, name: string, members: string[]) => ({
    id,
    name,
    members,
    botMember: true,
  });
  return createSlackEmulator({
    users: [...ids].map((id) => ({ id, name: id.toLowerCase() })),
    channels: [
      channel(org.committee.channel, "committee", org.committee.members),
      ...org.branches.map((b) =>
        channel(b.channel, `branch-${b.key}`, [...b.secretaries, ...b.members]),
      ),
      ...(org.lectureHall
        ? [channel(org.lectureHall.channel, "lecture-hall", org.lectureHall.roster)]
        : []),
    ],
    now,
    // The Slack stand-in shares the bot's process; keeping every call of a long run would
    // grow its heap by gigabytes and charge the bot for that garbage collection.
    keepCalls: 10_000,
  });
}

export interface BenchPayloads {
  /** block_actions: a committee member clicks Approve on a submitted list. */
  approve: Json;
  /** block_actions: the secretary clicks Mark done on an item of an approved plan. */
  markDone: Json;
  /** view_submission of the task-list modal (a valid two-item list). */
  submitList: Json;
}

export interface RealBot {
  emulator: SlackEmulator;
  slack: SlackDriver;
  bot: RunningBot;
  url: string;
  payloads: BenchPayloads;
  /** Slows every database query of the bot from now on (0: none); needs `slowable`. */
  delay: { ms: number };
  close(): Promise<void>;
}

/** A driver core that records payloads instead of sending them. */
function capturingSession(emulator: SlackEmulator, user: string) {
  const captured: Json[] = [];
  const core: DriverCore = {
    emulator,
    payloads: new PayloadBuilder(emulator),
    async deliver(_kind, payload) {
      captured.push(payload);
      return { status: 200, body: undefined, timedOut: false, headers: {} };
    },
    sendEvent: () => Promise.reject(new Error("not captured")),
    channel: (id) => {
      const c = emulator.workspace.channel(id);
      if (!c) throw new Error(`no channel ${id}`);
      return c;
    },
  };
  return { session: new UserSession(core, user), captured };
}

const listFields = (title: string) => ({
  [`${itemBlockId(0, "title")}.${ITEM_INPUT_ACTION.title}`]: title,
  [`${itemBlockId(0, "category")}.${ITEM_INPUT_ACTION.category}`]: "THEORY_STUDY",
  [`${itemBlockId(0, "owner")}.${ITEM_INPUT_ACTION.owner}`]: "U0A",
  [`${itemBlockId(0, "due")}.${ITEM_INPUT_ACTION.due}`]: "2026-12-20",
});

async function until<T>(what: string, probe: () => T | undefined, bot: RunningBot): Promise<T> {
  for (let started = Date.now(); Date.now() - started < 30_000; ) {
    const hit = probe();
    if (hit !== undefined) return hit;
    await bot.ctx.deliveries.drainOnce();
    await sleep(20);
  }
  throw new Error(`bench seeding: timed out waiting for ${what}`);
}

/**
 * Starts the real bot (HTTP receiver, port 0) on the example org and seeds a round trip the way
 * people do it in Slack: the monthly reminder, two submitted lists, one approved. Captures the
 * payloads the load replays.
 */
export async function startRealBot(
  options: {
    postgresUrl?: string;
    now?: string;
    /** Route every query through the delay hook (a Prisma extension, itself a cost per query). */
    slowable?: boolean;
  } = {},
): Promise<RealBot> {
  let current = new Date(options.now ?? "2026-12-01T01:00:00Z").getTime();
  const now = () => new Date(current);
  const orgText = await readFile(EXAMPLE_ORG, "utf8");
  const parsed = parseOrgFile(orgText, "org.yml");
  if (!parsed.ok) throw new Error("example org does not parse");
  const emulator = emulatorForOrg(parsed.org, () => current);
  await emulator.start();
  const base = await benchDatabase(options.postgresUrl);
  const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
  const applied = await applyOrgText(base, slackResolver(client), orgText, "org.yml", {
    actor: "bench",
    source: "bench",
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  await base.prisma.organization.update({
    where: { id: 1 },
    data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
  });
  const delay = { ms: 0 };
  const db = options.slowable ? withQueryDelay(base, delay) : base;
  const env: EnvConfig = {
    mode: "http",
    botToken: emulator.workspace.bot.token,
    signingSecret: SIGNING_SECRET,
    port: 0,
    databaseUrl: options.postgresUrl ?? "pglite:memory",
    database: options.postgresUrl
      ? { kind: "postgres", url: options.postgresUrl }
      : { kind: "pglite-memory" },
    logLevel: "silent",
    slackApiUrl: emulator.url,
    nodeEnv: "production",
    isProduction: false,
    isTest: false,
    isCI: false,
  };
  const bot = await startBot(env, { db, log: () => {}, now, scheduler: false });
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  const slack = createDriver({ emulator, appUrl: url, signingSecret: SIGNING_SECRET });

  // Seeding is about content, not Slack's pacing of chat.update: no pacing while it runs.
  const pacer = processPacer as unknown as { waitMs: (...a: unknown[]) => number };
  pacer.waitMs = () => 0;
  try {
    const ran = await runJobByName(
      { db, logger: silentLogger, runner: "bench" },
      "monthly-reminder",
      "2026-12-01T09:00",
    );
    if (ran.status !== "ran") throw new Error(`monthly reminder did not run: ${ran.status}`);
    await until("the reminders", () => slack.lastMessage("C0SERVICE"), bot);
    current = new Date("2026-12-02T02:00:00Z").getTime();

    // Two branches submit a list (the second one stays waiting: its Approve is replayed).
    for (const [user, channel, title] of [
      ["U0SEC1", "C0RESETTLE", "学习贯彻全会精神"],
      ["U0SEC3", "C0RIGHTS", "开展主题党日活动"],
    ] as const) {
      const opens = emulator.calls.of("views.open").length;
      await slack.as(user).clickButton({ channel, actionId: TASKLIST_ACTION.openModal });
      await emulator.calls.waitFor("views.open", { count: opens + 1 });
      const posts = emulator.calls
        .of("chat.postMessage")
        .filter((c) => c.args.channel === "C0COMMITTEE").length;
      const r = await slack.as(user).submitModal(listFields(title));
      if (r.outcome !== "closed") throw new Error(`submission was ${r.outcome}`);
      await until(
        "the committee message",
        () => {
          const n = emulator.calls
            .of("chat.postMessage")
            .filter((c) => c.args.channel === "C0COMMITTEE").length;
          return n > posts ? true : undefined;
        },
        bot,
      );
    }
    const committee = slack.messages("C0COMMITTEE").filter((m) => !m.thread_ts);
    const [resettle, rights] = [committee.at(-2), committee.at(-1)];
    if (!resettle || !rights) throw new Error("no committee messages");

    // The chair's Approve on the rights list: captured, not sent.
    const chair = capturingSession(emulator, "U0CHAIR");
    await chair.session.clickButton({
      channel: "C0COMMITTEE",
      messageTs: rights.ts,
      actionId: TASKLIST_ACTION.approve,
    });

    // The deputy approves the resettlement list; its plan gets Mark done buttons.
    current = new Date("2026-12-04T01:30:00Z").getTime();
    await slack.as("U0DEPUTY").clickButton({
      channel: "C0COMMITTEE",
      messageTs: resettle.ts,
      actionId: TASKLIST_ACTION.approve,
    });
    const plan = await until(
      "the approved plan",
      () =>
        slack
          .messages("C0RESETTLE")
          .find((m) => JSON.stringify(m.blocks ?? []).includes(TASKLIST_ACTION.markDone)),
      bot,
    );
    const secretary = capturingSession(emulator, "U0SEC1");
    await secretary.session.clickButton({
      channel: "C0RESETTLE",
      messageTs: plan.ts,
      actionId: TASKLIST_ACTION.markDone,
    });

    // The services secretary opens the task-list modal; its submission is captured.
    const opens = emulator.calls.of("views.open").length;
    await slack.as("U0SEC2").clickButton({
      channel: "C0SERVICE",
      actionId: TASKLIST_ACTION.openModal,
    });
    await emulator.calls.waitFor("views.open", { count: opens + 1 });
    const sec2 = capturingSession(emulator, "U0SEC2");
    await sec2.session.submitModal(listFields("走访慰问困难退役军人"));
    current = new Date("2026-12-10T02:00:00Z").getTime();

    const [approve, markDone, submitList] = [
      chair.captured[0],
      secretary.captured[0],
      sec2.captured[0],
    ];
    if (!approve || !markDone || !submitList) throw new Error("payloads were not captured");
    return {
      emulator,
      slack,
      bot,
      url,
      payloads: { approve, markDone, submitList },
      delay,
      async close() {
        delay.ms = 0;
        // Let the work after the last acks finish before the store closes.
        for (let i = 0; i < 100; i++) {
          await sleep(100);
          const pending = await db.prisma.delivery.count({ where: { status: "PENDING" } });
          if (pending === 0) break;
        }
        await sleep(500);
        await bot.stop();
        await emulator.stop();
      },
    };
  } finally {
    delete (pacer as { waitMs?: unknown }).waitMs;
  }
}

// ---------------------------------------------------------------------------------------------
// The bare Bolt app

export interface BareBolt {
  url: string;
  close(): Promise<void>;
}

/** Bolt on the same HTTP receiver (createBoltApp), listeners that only acknowledge. */
export async function startBareBolt(emulator: SlackEmulator): Promise<BareBolt> {
  const handle = createBoltApp(
    {
      botToken: emulator.workspace.bot.token,
      signingSecret: SIGNING_SECRET,
      slackApiUrl: emulator.url,
    },
    [],
    0,
  );
  handle.app.action(/.*/, async ({ ack }) => {
    await ack();
  });
  handle.app.view(/.*/, async ({ ack }) => {
    await ack();
  });
  const port = await handle.start();
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => handle.stop() };
}

// ---------------------------------------------------------------------------------------------
// Load

/** The replay items of a run: clicks get a pool of fresh response_urls (5 uses each). */
export function replayItems(
  emulator: SlackEmulator,
  payloads: Record<string, Json>,
  urlsEach = 200,
): ReplayItem[] {
  return Object.entries(payloads).map(([name, payload]): ReplayItem => {
    const p = payload as {
      type?: string;
      user?: { id: string };
      container?: { channel_id?: string; message_ts?: string };
    };
    if (p.type !== "block_actions" || !p.user || !p.container?.channel_id) return { name, payload };
    const target = {
      channel: p.container.channel_id,
      user: p.user.id,
      ...(p.container.message_ts ? { messageTs: p.container.message_ts } : {}),
    };
    return {
      name,
      payload,
      responseUrls: Array.from({ length: urlsEach }, () => emulator.mintResponseUrl(target)),
    };
  });
}

/** Runs the load in its own process (bench/ack-client.ts), off the server's event loop. */
export function forkedLoad(job: LoadJob & { warmupSeconds?: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, "ack-client.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (m) => resolve(m as LoadResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load generator exited ${code}`));
    });
    child.send(job);
  });
}
