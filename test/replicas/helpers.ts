/**
 * The multi-process replica harness: N real bot processes (`node bin/pbb.js start`) on one fresh
 * PostgreSQL database, talking to one Slack emulator in the test process (rate limits and faults
 * switched on by the test), each started, health-checked, SIGKILLed and restarted like a
 * deployment would. `pbb` commands run as child processes with the same environment.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { createSlackEmulator, type SlackEmulator } from "../../src/localslack/index.ts";
import { postgresUrlFor, TEST_DATABASE_URL } from "../helpers/database.ts";
import { type OrgFixture, orgFixture } from "./org-fixture.ts";
import {
  type BotProcess,
  type CommandResult,
  childEnv,
  runPbb,
  startBotProcess,
} from "./process.ts";

export { sleep, waitUntil } from "./process.ts";

export const SIGNING_SECRET = "test-signing-secret";

export interface ClusterOptions {
  branches: number;
  /** Load the test-only "replica-probe" job (fixtures/probe-job.ts) into every process. */
  probe?: boolean;
  /** Seed of the emulator's fault dice, so an error rate hits the same calls run after run. */
  seed?: number;
}

export interface Cluster {
  emulator: SlackEmulator;
  fixture: OrgFixture;
  databaseUrl: string;
  orgFile: string;
  /** The replicas started and not killed or stopped. */
  readonly running: BotProcess[];
  /** Starts `count` replicas at once and waits until every one answers /healthz. */
  start(count: number, env?: Record<string, string>): Promise<BotProcess[]>;
  /** SIGKILL (or `signal`) and wait for the exit. */
  kill(replica: BotProcess, signal?: NodeJS.Signals): Promise<void>;
  /** A new process in the killed one's place (same environment), healthy. */
  restart(replica: BotProcess, env?: Record<string, string>): Promise<BotProcess>;
  /** SIGTERM every running replica (a clean stop). */
  stopAll(): Promise<void>;
  pbb(args: string[], env?: Record<string, string>): Promise<CommandResult>;
  /** The cluster's database, opened from the test process. */
  db(): Promise<Database>;
  /** Everything the replicas printed, for a failing test's message. */
  logs(): string;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh database on the TEST_DATABASE_URL server, with no migrations applied. */
export async function createFreshDatabase(prefix = "pbb_rep"): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    name,
    url: postgresUrlFor(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function createCluster(options: ClusterOptions): Promise<Cluster> {
  const fixture = orgFixture(options.branches);
  const emulator = createSlackEmulator({
    users: fixture.users,
    channels: fixture.channels,
    random: seeded(options.seed ?? 20261128),
  });
  await emulator.start();
  const database = await createFreshDatabase();
  const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-replicas-"));
  const orgFile = path.join(dir, "org.yml");
  await writeFile(orgFile, fixture.text);
  const baseEnv = childEnv({
    SLACK_BOT_TOKEN: emulator.workspace.bot.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.url,
    PORT: "0",
    DATABASE_URL: database.url,
    ORG_FILE: orgFile,
  });
  const running: BotProcess[] = [];
  const all: BotProcess[] = [];
  const envOf = new Map<BotProcess, Record<string, string>>();
  let counter = 0;
  let db: Database | undefined;

  const spawnOne = (env: Record<string, string> = {}) => {
    counter += 1;
    const replica = startBotProcess(`replica-${counter}`, {
      env: { ...baseEnv, ...env },
      probe: options.probe,
    });
    running.push(replica);
    all.push(replica);
    envOf.set(replica, env);
    return replica;
  };
  const forget = (replica: BotProcess) => {
    const i = running.indexOf(replica);
    if (i >= 0) running.splice(i, 1);
  };

  return {
    emulator,
    fixture,
    databaseUrl: database.url,
    orgFile,
    running,
    async start(count, env) {
      const started = Array.from({ length: count }, () => spawnOne(env));
      await Promise.all(started.map((r) => r.ready()));
      return started;
    },
    async kill(replica, signal = "SIGKILL") {
      forget(replica);
      await replica.kill(signal);
    },
    async restart(replica, env) {
      const next = spawnOne(env ?? envOf.get(replica));
      await next.ready();
      return next;
    },
    async stopAll() {
      const stopping = [...running];
      running.length = 0;
      await Promise.all(stopping.map((r) => r.kill("SIGTERM")));
    },
    pbb: (args, env = {}) => runPbb(args, { env: { ...baseEnv, ...env }, probe: options.probe }),
    async db() {
      db ??= await openDatabase({ kind: "postgres", url: database.url });
      return db;
    },
    logs: () => all.map((r) => `--- ${r.name} (pid ${r.pid})\n${r.output()}`).join("\n"),
    async close() {
      await Promise.all(all.map((r) => r.kill("SIGKILL")));
      await db?.close();
      await emulator.stop();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the PostgreSQL suite runs here; logs one line when it is skipped. */
export function replicasEnabled(suite: string): boolean {
  if (!TEST_DATABASE_URL) {
    console.log(`${suite}: skipped, TEST_DATABASE_URL is not set (required with CI=true)`);
    return false;
  }
  return true;
}

/** chat.postMessage calls Slack accepted, per channel (optionally only those `match` accepts). */
export function acceptedPosts(
  emulator: SlackEmulator,
  match: (args: Record<string, unknown>) => boolean = () => true,
): Map<string, number> {
  const perChannel = new Map<string, number>();
  for (const call of emulator.calls.of("chat.postMessage")) {
    const ok =
      call.status === 200 &&
      typeof call.response === "object" &&
      call.response !== null &&
      !Array.isArray(call.response) &&
      call.response.ok === true;
    if (!ok || !match(call.args)) continue;
    const channel = String(call.args.channel);
    perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  }
  return perChannel;
}

/** Top-level messages in each channel's history (optionally only those `match` accepts). */
export function postedMessages(
  emulator: SlackEmulator,
  channels: string[],
  match: (text: string) => boolean = () => true,
): Map<string, number> {
  return new Map(
    channels.map((ch) => [
      ch,
      emulator.workspace
        .history(ch)
        .filter((m) => m.thread_ts === undefined && match(String(m.text ?? ""))).length,
    ]),
  );
}

/** Channels whose count is not exactly one, for a readable failure. */
export function notExactlyOnce(channels: string[], counts: Map<string, number>): string[] {
  return channels
    .filter((ch) => (counts.get(ch) ?? 0) !== 1)
    .map((ch) => `${ch}: ${counts.get(ch) ?? 0}`);
}

/** Logs how long each phase of a long test took ("[replicas] started 3: 8.1 s"). */
export function phases(label: string): (what: string) => void {
  let last = Date.now();
  return (what) => {
    const now = Date.now();
    console.log(`[${label}] ${what}: ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
}

/** A command's stderr without Node's own warnings (deprecations from dependencies). */
export function errorLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^\(node:\d+\) \w*Warning:|--trace-\w+/.test(l));
}
