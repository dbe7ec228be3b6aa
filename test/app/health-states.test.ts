/**
 * What /healthz says through a bot's life: 503 "start-up is not complete" from the moment PORT
 * answers until start-up is done (here: held waiting for the start-up lock, as behind another
 * replica's migrations), then 200; on PostgreSQL, 503 "the database does not answer" while the
 * server is unreachable (a proxy in front of it is cut), and 200 again once it is back, with
 * nothing lost: what was recorded before is there and delivered once, and the bot works on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenWhileStarting } from "../../src/app/startup-placeholder.ts";
import type { Database } from "../../src/db/client.ts";
import { openDatabase } from "../../src/db/client.ts";
import { runJob, settle, withoutPacing } from "../e2e/round-trip-helpers.ts";
import { startTestBot, type TestBot } from "../helpers/bot.ts";
import {
  createPostgresDatabase,
  createTestDatabase,
  STORES,
  TEST_DATABASE_URL,
} from "../helpers/database.ts";
import { freePort, get, pollUntil } from "../helpers/processes.ts";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.ts";

const body = (text: string) => JSON.parse(text) as { ok: boolean; reason?: string };

describe.each(STORES)("/healthz while the bot starts (%s)", (store) => {
  let t: TestBot | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it("answers 503 until start-up is complete, then 200", async () => {
    const db = await createTestDatabase(store);
    // Start-up waits for its lock, as it does while another replica migrates.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let waiting = false;
    const gated: Database = {
      ...db,
      async withExclusiveLock(name, fn) {
        waiting = true;
        await held;
        return db.withExclusiveLock(name, fn);
      },
    };
    const port = await freePort();
    const placeholder = await listenWhileStarting(port);
    const starting = startTestBot({ store, db: gated, port, placeholder });
    starting.catch(() => {});
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(() => waiting, { timeout: 60_000 }).toBe(true);
    for (const path of ["/healthz", "/readyz"]) {
      const answer = await get(`${base}${path}`);
      expect(answer.status, path).toBe(503);
      expect(body(answer.body)).toMatchObject({ ok: false, reason: "start-up is not complete" });
    }
    release();
    t = await starting;
    expect(t.bot.port).toBe(port);
    const healthy = await get(`${base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(body(healthy.body)).toEqual({ ok: true, checks: { startup: true, database: true } });
  }, 120_000);
});

describe.runIf(TEST_DATABASE_URL)("/healthz while PostgreSQL does not answer", () => {
  let proxy: TcpProxy;
  let server: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let t: TestBot;
  let base: string;

  beforeAll(async () => {
    withoutPacing();
    server = await createPostgresDatabase("pbb_health");
    const direct = new URL(server.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(server.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const db = await openDatabase({ kind: "postgres", url: viaProxy.toString() });
    t = await startTestBot({ db, now: "2026-12-01T01:00:00Z" });
    base = `http://127.0.0.1:${t.bot.port}`;
  }, 120_000);
  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
    await server?.close();
  });

  it("is 503 while the database is away and 200 once it is back, with nothing lost", async () => {
    expect((await get(`${base}/healthz`)).status).toBe(200);
    // The month's reminders recorded, not yet sent (the delivery worker is paused).
    await t.bot.ctx.deliveries.stop();
    expect((await runJob(t, "monthly-reminder", "2026-12-01T09:00")).status).toBe("ran");
    const recorded = await t.db.prisma.delivery.count({ where: { status: "PENDING" } });
    expect(recorded).toBeGreaterThan(0);
    const people = await t.db.prisma.person.count();

    await proxy.cut();
    const down = await pollUntil(`${base}/healthz`, (a) => a.status === 503, { timeoutMs: 30_000 });
    expect(body(down.body)).toEqual({
      ok: false,
      checks: { startup: true, database: false },
      reason: "the database does not answer",
    });
    const notReady = await get(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(body(notReady.body).reason).toBe("the database does not answer");

    await proxy.restore();
    const up = await pollUntil(`${base}/healthz`, (a) => a.status === 200, { timeoutMs: 30_000 });
    expect(body(up.body)).toEqual({ ok: true, checks: { startup: true, database: true } });
    expect(await t.db.prisma.person.count()).toBe(people);
    expect(await t.db.prisma.delivery.count({ where: { status: "PENDING" } })).toBe(recorded);

    // Delivered once each after the outage; the bot answers people again.
    t.bot.ctx.deliveries.start();
    await settle(t);
    const branches = t.org.branches.map((b) => b.channel);
    for (const channel of branches) {
      expect(t.emulator.workspace.history(channel), channel).toHaveLength(1);
    }
    await t.slack.as("U0SEC1").slashCommand("/pbb", "help", { channel: "C0RESETTLE" });
    const answer = await t.emulator.calls.waitFor("response_url", { timeoutMs: 20_000 });
    expect(String(answer.args.text)).toContain("/pbb");
  }, 120_000);
});
