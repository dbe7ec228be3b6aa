/**
 * `npm start` while Slack's Web API cannot be reached (SLACK_API_URL at a port where nothing
 * listens): the bot starts anyway — `/healthz` 200 once the store is ready, `/readyz` 503 with
 * the reason — a job records its messages in the outbox, and once Slack answers (the local Slack
 * starts on that port) the identity check, retried with backoff, succeeds and every message is
 * delivered exactly once. Wrong credentials instead: one clear line, exit code 2.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/app/runtime.ts";
import type { EnvConfig } from "../../src/config/env.ts";
import { parseOrgFile } from "../../src/config/org-file.ts";
import type { Org } from "../../src/config/org-schema.ts";
import { createDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { EXAMPLE_ORG, emulatorForOrg, SIGNING_SECRET } from "../helpers/bot.ts";
import { createTestDatabase, migratedPgliteDir } from "../helpers/database.ts";
import {
  type BotProcess,
  freePort,
  get,
  pollUntil,
  runPbb,
  spawnBot,
} from "../helpers/processes.ts";

let org: Org;
let dir: string;

beforeAll(async () => {
  const parsed = parseOrgFile(await readFile(EXAMPLE_ORG, "utf8"), "org.yml");
  if (!parsed.ok) throw new Error("the example org does not parse");
  org = parsed.org;
  dir = await mkdtemp(path.join(os.tmpdir(), "pbb-unreachable-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("pbb start while Slack cannot be reached", () => {
  let bot: BotProcess | undefined;
  let emulator: SlackEmulator | undefined;
  afterAll(async () => {
    await bot?.stop();
    await emulator?.stop();
  });

  it("starts, says why it is not ready, records the job's work, and delivers it once when Slack answers", async () => {
    const store = `pglite:${await migratedPgliteDir(path.join(dir, "store"))}`;
    const applied = await runPbb(["org", "apply", EXAMPLE_ORG], { DATABASE_URL: store });
    expect(applied.code, applied.stderr).toBe(0);

    const slackPort = await freePort();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      DATABASE_URL: store,
      PORT: String(port),
      LOG_LEVEL: "error",
    };
    const running = spawnBot(env);
    bot = running;
    const alive = () => {
      if (running.child.exitCode !== null) {
        throw new Error(`the bot exited (${running.child.exitCode}):\n${running.output()}`);
      }
    };

    const healthy = await pollUntil(`${base}/healthz`, (a) => a.status === 200, { alive });
    expect(JSON.parse(healthy.body)).toEqual({
      ok: true,
      checks: { startup: true, database: true },
    });
    const notReady = await get(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    const why = JSON.parse(notReady.body) as { checks: Record<string, boolean>; reason: string };
    expect(why.checks).toEqual({ startup: true, database: true, slack: false });
    expect(why.reason).toContain("did not answer auth.test");
    expect(why.reason).toContain("ECONNREFUSED");

    // A job while Slack is away: its messages wait in the outbox (run inside the bot, handed off).
    const ran = await runPbb(
      ["jobs", "run", "monthly-reminder", "--backfill", "--at", "2026-12-01T09:00"],
      { DATABASE_URL: store },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("monthly-reminder 2026-12: ran");
    const metrics = await get(`${base}/metrics`);
    expect(metrics.body).toMatch(/pbb_delivery_queue_depth\{status="PENDING"\} [1-9]/);
    alive();

    // Slack answers from now on, on the port the bot was given.
    emulator = emulatorForOrg(org, { port: slackPort });
    await emulator.start();
    const ready = await pollUntil(`${base}/readyz`, (a) => a.status === 200, {
      alive,
      timeoutMs: 30_000,
    });
    expect(JSON.parse(ready.body)).toEqual({
      ok: true,
      checks: { startup: true, database: true, slack: true },
    });
    const branchChannels = org.branches.map((b) => b.channel);
    const slack = emulator;
    await waitUntil(
      () => branchChannels.every((c) => slack.workspace.history(c).length > 0),
      30_000,
      alive,
    );
    await pollUntil(
      `${base}/metrics`,
      (a) => /pbb_delivery_queue_depth\{status="PENDING"\} 0/.test(a.body),
      {
        alive,
      },
    );
    // Exactly one reminder in each branch channel: nothing lost, nothing doubled.
    for (const channel of branchChannels) {
      expect(slack.workspace.history(channel), channel).toHaveLength(1);
    }
    expect(await running.stop()).toBe(0);
    expect(running.output()).not.toMatch(/\s+at .*\.(ts|js):\d+/);
  }, 180_000);

  it("when Slack refuses the token (invalid_auth), start prints one clear line and exits 2", async () => {
    const slack = emulatorForOrg(org);
    await slack.start();
    try {
      const port = await freePort();
      const started = spawnBot({
        SLACK_BOT_TOKEN: "xoxb-wrong",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DATABASE_URL: `pglite:${await migratedPgliteDir(path.join(dir, "refused"))}`,
        PORT: String(port),
        LOG_LEVEL: "error",
      });
      const code = await started.exited;
      expect(code).toBe(2);
      const lines = started.output().trim().split("\n");
      expect(lines.filter((l) => l.includes("invalid_auth"))).toEqual([
        "Slack refused SLACK_BOT_TOKEN (invalid_auth): check the bot token (Install App → Bot User OAuth Token) and SLACK_API_URL",
      ]);
      expect(started.output()).not.toMatch(/\s+at /);
    } finally {
      await slack.stop();
    }
  }, 120_000);
});

async function waitUntil(cond: () => boolean, timeoutMs: number, alive: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    alive();
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("Socket Mode while Slack cannot be reached at start", () => {
  it("runs on without a connection, then connects by itself once Slack answers", async () => {
    const slackPort = await freePort();
    const db = await createTestDatabase("pglite");
    const env: EnvConfig = {
      mode: "socket",
      botToken: "xoxb-test",
      appToken: "xapp-test",
      port: 0,
      databaseUrl: "pglite:memory",
      database: { kind: "pglite-memory" },
      logLevel: "silent",
      slackApiUrl: `http://127.0.0.1:${slackPort}/api/`,
      nodeEnv: "test",
      isProduction: false,
      isTest: true,
      isCI: false,
    };
    const bot = await startBot(env, { db, log: () => {}, scheduler: false });
    const slack = emulatorForOrg(org, { port: slackPort });
    try {
      const base = `http://127.0.0.1:${bot.port}`;
      await pollUntil(`${base}/healthz`, (a) => a.status === 200, { timeoutMs: 30_000 });
      const notReady = await get(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(notReady.body).toContain("ECONNREFUSED");

      await slack.start();
      await slack.socket.waitForConnections(1, 30_000);
      expect(slack.calls.of("apps.connections.open")[0]?.token).toBe("xapp-test");
      await pollUntil(`${base}/readyz`, (a) => a.status === 200, { timeoutMs: 30_000 });
      const driver = createDriver({ emulator: slack, transport: "socket" });
      const ack = await driver.as("U0SEC1").slashCommand("/pbb", "help", { channel: "C0RESETTLE" });
      expect(ack.status).toBe(200);
    } finally {
      await bot.stop();
      await slack.socket.waitUntilClosed();
      await slack.stop();
    }
  }, 120_000);
});
