/**
 * End-to-end harness: a local Slack (emulator + driver), the real bot on its HTTP receiver,
 * and a migrated test database with an org applied. Tests drive it like users in Slack.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { type RunningBot, startBot } from "../../src/app/runtime.ts";
import type { StartupPlaceholder } from "../../src/app/startup-placeholder.ts";
import type { EnvConfig } from "../../src/config/env.ts";
import { parseOrgFile } from "../../src/config/org-file.ts";
import type { Org } from "../../src/config/org-schema.ts";
import type { Database } from "../../src/db/client.ts";
import {
  createDriver,
  createSlackEmulator,
  type SlackDriver,
  type SlackEmulator,
} from "../../src/localslack/index.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { slackResolver } from "../../src/services/org/resolver.ts";
import { processPacer } from "../../src/services/outbox/index.ts";
import { createTestDatabase, type StoreKind } from "./database.ts";
import { MANIFEST } from "./manifest.ts";

/** The bot scopes manifest.yml requests: the local Slack grants exactly these (missing_scope). */
const MANIFEST_SCOPES: string[] = parseYaml(readFileSync(MANIFEST, "utf8")).oauth_config.scopes.bot;

export const SIGNING_SECRET = "test-signing-secret";
export const EXAMPLE_ORG = path.resolve(import.meta.dirname, "../../examples/org.yml");

export interface TestBot {
  emulator: SlackEmulator;
  slack: SlackDriver;
  bot: RunningBot;
  db: Database;
  org: Org;
  /** The clock the bot and the emulator read; move it with `clock.set(…)`. */
  clock: { now(): Date; set(at: Date | string): void; advance(ms: number): void };
  /** Runs a job as the scheduler would at the clock's time (or `at`), like `pbb jobs run`. */
  tick(at?: Date | string): ReturnType<RunningBot["ctx"]["scheduler"]["tick"]>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  store?: StoreKind;
  /** Org file text; the example org by default. */
  orgText?: string;
  /** Start of the bot's clock. */
  now?: Date | string;
  /** Extra users (ids) the workspace knows besides everyone in the org. */
  extraUsers?: string[];
  /** How Slack reaches the bot: signed HTTP requests (default) or Socket Mode envelopes. */
  mode?: "http" | "socket";
  /** OPS_PORT (0: any free port; `bot.opsPort` says which). */
  opsPort?: number;
  /** A store of the test's own (closed with the bot) instead of a fresh one of `store`'s kind. */
  db?: Database;
  /** PORT (default 0: any free port) and what answers there while the bot starts. */
  port?: number;
  placeholder?: StartupPlaceholder;
}

function peopleOf(org: Org): string[] {
  const ids = new Set<string>([...org.committee.members, ...org.committee.admins]);
  for (const b of org.branches) for (const id of [...b.secretaries, ...b.members]) ids.add(id);
  for (const id of org.lectureHall?.roster ?? []) ids.add(id);
  return [...ids];
}

/** A local Slack whose workspace has the org's people and channels, the bot in every channel. */
export function emulatorForOrg(
  org: Org,
  options: { extraUsers?: string[]; now?: () => number; port?: number } = {},
): SlackEmulator {
  const users = [...peopleOf(org), ...(options.extraUsers ?? [])];
  const channel = (id: string, name: string, members: string[]) => ({
    id,
    name,
    members,
    botMember: true,
  });
  return createSlackEmulator({
    scopes: MANIFEST_SCOPES,
    users: users.map((id) => ({
      id,
      name: id.toLowerCase(),
      email: `${id.toLowerCase()}@example.org`,
    })),
    channels: [
      channel(org.committee.channel, "committee", org.committee.members),
      ...org.branches.map((b) =>
        channel(b.channel, `branch-${b.key}`, [...b.secretaries, ...b.members]),
      ),
      ...(org.lectureHall
        ? [channel(org.lectureHall.channel, "lecture-hall", org.lectureHall.roster)]
        : []),
    ],
    ...(options.now ? { now: options.now } : {}),
    ...(options.port ? { port: options.port } : {}),
  });
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  let current = new Date(options.now ?? "2026-12-01T01:00:00Z").getTime();
  const clock = {
    now: () => new Date(current),
    set: (at: Date | string) => {
      current = new Date(at).getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
  const orgText = options.orgText ?? (await readFile(EXAMPLE_ORG, "utf8"));
  const parsed = parseOrgFile(orgText, "org.yml");
  if (!parsed.ok) throw new Error(`test org does not parse: ${JSON.stringify(parsed.errors)}`);
  const org = parsed.org;
  const emulator = emulatorForOrg(org, {
    extraUsers: options.extraUsers ?? [],
    now: () => clock.now().getTime(),
  });
  await emulator.start();
  const db = options.db ?? (await createTestDatabase(options.store ?? "pglite"));
  const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
  const applied = await applyOrgText(db, slackResolver(client), orgText, "org.yml", {
    actor: "test",
    source: "test harness",
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
  // An org applied "long ago", so jobs may fire for any time a test picks.
  await db.prisma.organization.update({
    where: { id: 1 },
    data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
  });

  const common = {
    botToken: emulator.workspace.bot.token,
    port: options.port ?? 0,
    databaseUrl: "pglite:memory",
    database: { kind: "pglite-memory" as const },
    logLevel: "silent" as const,
    slackApiUrl: emulator.url,
    nodeEnv: "test" as const,
    isProduction: false,
    isTest: true,
    isCI: false,
    ...(options.opsPort === undefined ? {} : { opsPort: options.opsPort }),
  };
  const env: EnvConfig =
    options.mode === "socket"
      ? { ...common, mode: "socket", appToken: emulator.workspace.bot.appToken }
      : { ...common, mode: "http", signingSecret: SIGNING_SECRET };
  const bot = await startBot(env, {
    db,
    log: () => {},
    now: clock.now,
    scheduler: false,
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  });
  if (options.mode === "socket") await emulator.socket.waitForConnections(1, 30_000);
  const slack =
    options.mode === "socket"
      ? createDriver({ emulator, transport: "socket" })
      : createDriver({
          emulator,
          appUrl: `http://127.0.0.1:${bot.port}/slack/events`,
          signingSecret: SIGNING_SECRET,
        });
  return {
    emulator,
    slack,
    bot,
    db,
    org,
    clock,
    tick: (at) => bot.ctx.scheduler.tick(at ? new Date(at) : clock.now()),
    async close() {
      await bot.stop();
      await emulator.socket.waitUntilClosed();
      await emulator.stop();
    },
  };
}

/**
 * The outbox paces Web API calls like Slack wants (chat.update at most every 1.2 s across the
 * workspace, …) on the wall clock; these tests are about content and order, not pacing.
 */
export function withoutPacing(): void {
  vi.spyOn(processPacer, "waitMs").mockReturnValue(0);
}

export interface UseTestBotOptions extends TestBotOptions {
  /**
   * Keep the outbox's real pacing (seconds between posts, on the wall clock). Off by default
   * (`withoutPacing`): the tests are about content and order, and wait on the bot, not on time.
   */
  paced?: boolean;
  /** What the block needs of the bot before its first test (jobs run, rows seeded, …). */
  setUp?: (t: TestBot) => Promise<void> | void;
  /** Run before the bot is closed after the block's last test. */
  beforeClose?: (t: TestBot) => Promise<void> | void;
  /** How long starting and `setUp` may take (the run's hook timeout by default). */
  setUpTimeout?: number;
}

/**
 * One bot for the enclosing describe block: started (then `setUp`) before its first test and
 * closed after its last. Returns the running bot; reading it before the block starts throws.
 */
export function useTestBot(options: UseTestBotOptions = {}): () => TestBot {
  const { paced, setUp, beforeClose, setUpTimeout, ...start } = options;
  let running: TestBot | undefined;
  beforeAll(async () => {
    if (!paced) withoutPacing();
    running = await startTestBot(start);
    await setUp?.(running);
  }, setUpTimeout);
  afterAll(async () => {
    if (!running) return;
    const t = running;
    running = undefined;
    try {
      await beforeClose?.(t);
    } finally {
      await t.close();
    }
  });
  return () => {
    if (!running) throw new Error("the test bot is not running (used outside its describe block)");
    return running;
  };
}
