/**
 * Ack latency set-up shared by `bench/ack-latency.ts` and `bench/ack-ratio.ts` (the wall-clock guard) and `test/bench/ack-calls.test.ts`:
 * the real bot (startBot, HTTP receiver) on the example org with a real round trip seeded,
 * a bare Bolt app on the same receiver that only acknowledges, realistic captured payloads
 * (an Approve click, a Mark done click, a task-list modal submission), and a closed-loop load
 * generator that replays them as freshly signed HTTP requests.
 */
import { fork } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { type RunningBot, startBot } from "../src/app/runtime.ts";
import { jobEnvOf } from "../src/app/wire.ts";
import type { EnvConfig } from "../src/config/env.ts";
import { parseOrgFile } from "../src/config/org-file.ts";
import type { Org } from "../src/config/org-schema.ts";
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
import { processPacer } from "../src/services/outbox/index.ts";
import { ITEM_INPUT_ACTION, itemBlockId, TASKLIST_ACTION } from "../src/slack/ids/tasklist.ts";
import type { LoadJob, LoadResult, ReplayItem } from "./ack-client.ts";
import { type BareBolt, startAckOnlyBolt } from "./bare-bolt.ts";
import { applyOrgLongAgo, benchDatabase, cpuPercentSince, untilWorkDone } from "./lib.ts";
import { withQueryDelay } from "./query-delay.ts";
import type {
  GcPauses,
  LoadEnd,
  ServerReply,
  ServerRequest,
  ServerSpec,
} from "./server-process.ts";

export type { BareBolt };

export const SIGNING_SECRET = "bench-signing-secret";
const EXAMPLE_ORG = path.resolve(import.meta.dirname, "../examples/org.yml");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  /**
   * Slows every database query of the bot from now on (`ms`, 0: none), counts them (`queries`)
   * and names them in `seen` while it is an array; needs `slowable`.
   */
  delay: { ms: number; queries?: number; seen?: string[] };
  /**
   * Stops the bot in this process, its store kept, and says how a bot in another process opens
   * that store at the business time the seeding ended (`forkServer`). `close` still cleans up.
   */
  handOver(): Promise<{ env: Extract<EnvConfig, { mode: "http" }>; now: string }>;
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
    /** PGlite in this directory instead of in memory, so that a bot in another process can take it over. */
    pgliteDir?: string;
  } = {},
): Promise<RealBot> {
  let current = new Date(options.now ?? "2026-12-01T01:00:00Z").getTime();
  const now = () => new Date(current);
  const orgText = await readFile(EXAMPLE_ORG, "utf8");
  const parsed = parseOrgFile(orgText, "org.yml");
  if (!parsed.ok) throw new Error("example org does not parse");
  const emulator = emulatorForOrg(parsed.org, () => current);
  await emulator.start();
  const store = await benchDatabase(
    options.postgresUrl,
    options.pgliteDir ? { pgliteDir: options.pgliteDir } : {},
  );
  // The bot stops without closing the store: a handed-over store lives on in another process.
  const base = { ...store, close: async () => {} };
  await applyOrgLongAgo(base, emulator, orgText, "org.yml");
  const delay = { ms: 0 };
  let handedOver = false;
  const db = options.slowable ? withQueryDelay(base, delay) : base;
  const env: Extract<EnvConfig, { mode: "http" }> = {
    mode: "http",
    botToken: emulator.workspace.bot.token,
    signingSecret: SIGNING_SECRET,
    port: 0,
    databaseUrl: store.target.kind === "postgres" ? store.target.url : "pglite:memory",
    database: store.target,
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
      { ...jobEnvOf(bot.ctx), logger: silentLogger, runner: "bench" },
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
      async handOver() {
        if (store.target.kind === "pglite-memory")
          throw new Error("a store in memory cannot be handed over: pass pgliteDir");
        handedOver = true;
        await bot.stop();
        // PGlite has one owner at a time; PostgreSQL stays open here to be dropped on close.
        if (store.target.kind === "pglite") await store.close();
        const { target } = store;
        const databaseUrl = target.kind === "postgres" ? target.url : `pglite:${target.dir}`;
        return { env: { ...env, databaseUrl, database: target }, now: now().toISOString() };
      },
      async close() {
        if (!handedOver) {
          delay.ms = 0;
          // Let the work after the last acks finish (outbox empty, process idle) before the store closes.
          await untilWorkDone(db, { maxMs: 10_000, work: bot.work });
          await bot.stop();
        }
        if (!handedOver || store.target.kind === "postgres") await store.close();
        await emulator.stop();
      },
    };
  } finally {
    delete (pacer as { waitMs?: unknown }).waitMs;
  }
}

// ---------------------------------------------------------------------------------------------
// The bare Bolt app

/** Bolt on the same HTTP receiver (createBoltApp), listeners that only acknowledge. */
export function startBareBolt(emulator: SlackEmulator): Promise<BareBolt> {
  return startAckOnlyBolt(bareBoltOptions(emulator));
}

export const bareBoltOptions = (emulator: SlackEmulator) => ({
  botToken: emulator.workspace.bot.token,
  signingSecret: SIGNING_SECRET,
  slackApiUrl: emulator.url,
});

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

// ---------------------------------------------------------------------------------------------
// Servers under load

/** A server the load runs against, in this process or its own. */
export interface BenchServer {
  url: string;
  /** Runs `load`, reporting the server process's event-loop delay meanwhile (a stall shows there). */
  measure<T>(load: () => Promise<T>): Promise<
    T & {
      loopDelayMs: { p99: number; max: number };
      cpuPercent: number;
      gc?: GcPauses;
      workRefused?: number;
      atEnd?: LoadEnd;
    }
  >;
  /** Slows every query of the bot by `ms` (a bot started `slowable`). */
  setQueryDelay(ms: number): Promise<void>;
  /** Waits until the bot has sent what its work after the acks queued. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** `server` in this process: the event-loop delay is this process's. */
export function inProcessServer(
  url: string,
  hooks: { delay?: { ms: number }; settle?: () => Promise<void>; close: () => Promise<void> },
): BenchServer {
  return {
    url,
    async measure(load) {
      const h = monitorEventLoopDelay({ resolution: 10 });
      h.enable();
      const cpu = { usage: process.cpuUsage(), at: performance.now() };
      const result = await load();
      h.disable();
      return {
        ...result,
        loopDelayMs: { p99: nsToMs(h.percentile(99)), max: nsToMs(h.max) },
        cpuPercent: cpuPercentSince(cpu),
      };
    },
    async setQueryDelay(ms) {
      if (hooks.delay) hooks.delay.ms = ms;
    },
    settle: hooks.settle ?? (async () => {}),
    close: hooks.close,
  };
}

const nsToMs = (ns: number) => Number((ns / 1e6).toFixed(1));

/**
 * Starts a server in its own process (bench/server-process.ts). With BENCH_CPU_PROF_DIR set,
 * the process writes a V8 CPU profile of each measured load there (open it in Chrome's
 * DevTools); BENCH_SERVER_NODE_ARGS adds Node flags (e.g. `--trace-gc`, printed on stdout).
 */
export async function forkServer(spec: ServerSpec): Promise<BenchServer> {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = fork(path.join(import.meta.dirname, "server-process.ts"), [], {
    execArgv: ["--import", "tsx", ...nodeArgs],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let exited: Error | undefined;
  const waiting: { resolve: (r: ServerReply) => void; reject: (e: Error) => void }[] = [];
  child.on("message", (reply: ServerReply) => waiting.shift()?.resolve(reply));
  child.once("exit", (code) => {
    exited = new Error(`the ${spec.kind} server process exited ${code}`);
    for (const w of waiting.splice(0)) w.reject(exited);
  });
  const next = () =>
    new Promise<ServerReply>((resolve, reject) => {
      if (exited) reject(exited);
      else waiting.push({ resolve, reject });
    });
  const ask = (request: ServerRequest) => {
    const reply = next();
    child.send(request);
    return reply;
  };
  const ready = next();
  child.send(spec);
  const started = await ready;
  if (!("ready" in started)) throw new Error(`the ${spec.kind} server did not start`);
  return {
    url: `http://127.0.0.1:${started.port}/slack/events`,
    async measure(load) {
      await ask({ cmd: "loop-start" });
      const result = await load();
      const reply = await ask({ cmd: "loop-stop" });
      if (!("loopDelayMs" in reply)) throw new Error("no event-loop delay from the server");
      const { loopDelayMs, cpuPercent, gc, workRefused, atEnd } = reply;
      return {
        ...result,
        loopDelayMs,
        cpuPercent,
        gc,
        ...(spec.kind === "bot" ? { workRefused } : {}),
        atEnd,
      };
    },
    async setQueryDelay(ms) {
      await ask({ cmd: "delay", ms });
    },
    async settle() {
      await ask({ cmd: "settle" });
    },
    async close() {
      if (!exited) await ask({ cmd: "close" });
    },
  };
}
