/**
 * Socket Mode end to end, the way the manifest installs the app: the real bot connects to the
 * local Slack's Socket Mode server (apps.connections.open with the app-level token, `hello`,
 * envelopes acknowledged by envelope_id) and people go through the round trip — reminder →
 * modal → submit → approve — and a slash command. A dropped connection and Slack's `disconnect`
 * (refresh) are survived: the bot reconnects by itself, nothing is lost and an event Slack sends
 * again after the reconnection is handled once. PORT still serves /healthz, /readyz, /metrics and
 * the calendar feeds. Last, `pbb start` itself with SLACK_APP_TOKEN, in its own process.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import { createDriver } from "../../src/localslack/index.ts";
import { TASKLIST_ACTION } from "../../src/slack/ids/tasklist.ts";
import { EXAMPLE_ORG, emulatorForOrg, type TestBot, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { untilIdle } from "../helpers/idle.ts";
import { freePort, pollUntil, runPbb, spawnBot } from "../helpers/processes.ts";
import { allText, field, runJob, settle, waitCall } from "./round-trip-helpers.ts";

/** Waits until the bot has opened a new connection (`opens` apps.connections.open calls so far). */
async function reconnected(t: TestBot, opens: number): Promise<void> {
  await t.emulator.calls.waitFor("apps.connections.open", { count: opens + 1, timeoutMs: 30_000 });
  await t.emulator.socket.waitForConnections(1, 30_000);
}

describe.each(STORES)("Socket Mode end to end (%s)", (store) => {
  const bot = useTestBot({ store, mode: "socket", now: "2026-12-01T01:00:00Z" });

  it("connects with the app-level token and gets Slack's hello", async () => {
    const t = bot();
    const opens = t.emulator.calls.of("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(t.emulator.workspace.bot.appToken);
    expect(String(opens[0]?.response?.url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    expect(t.emulator.socket.connectionCount).toBe(1);
  });

  it("answers /healthz, /readyz and /metrics on PORT", async () => {
    const t = bot();
    const base = `http://127.0.0.1:${t.bot.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { startup: true, database: true } });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      checks: { startup: true, database: true, slack: true },
    });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("pbb_deliveries_total");
    // No Slack endpoint in this mode: events come over the socket only.
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("goes through the round trip, surviving a dropped connection and a refresh without losing or repeating anything", async () => {
    const t = bot();
    // ---- the reminder
    expect((await runJob(t, "monthly-reminder", "2026-12-01T09:00")).status).toBe("ran");
    await settle(t);
    await waitCall(t, "chat.postMessage", "C0RESETTLE");

    // ---- the secretary opens the modal from the reminder's button and submits a list
    t.clock.set("2026-12-02T02:00:00Z");
    const sec = t.slack.as("U0SEC1");
    const click = await sec.clickButton({ channel: "C0RESETTLE", label: "填报任务清单" });
    expect(click.status).toBe(200);
    await t.emulator.calls.waitFor("views.open");
    expect(t.slack.openView("U0SEC1")?.title).toMatchObject({ text: "月度任务清单" });
    const submitted = await sec.submitModal({
      [field(0, "title")]: "学习贯彻全会精神",
      [field(0, "category")]: "THEORY_STUDY",
      [field(0, "due")]: "2026-12-20",
    });
    expect(submitted.outcome).toBe("closed");
    await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    const committee = t.slack.lastMessage("C0COMMITTEE");
    expect(committee?.text).toBe("移交安置处党支部2026年12月任务清单（第1版，共1项）待审核。");

    // ---- the connection drops (no goodbye): the bot opens a new one by itself
    let opens = t.emulator.calls.of("apps.connections.open").length;
    t.emulator.socket.dropAll();
    await reconnected(t, opens);

    // A member comments in the reminder's thread; Slack sends the event again on the new
    // connection after a refresh (as it does when it is not sure of the ack): recorded once.
    const reminderTs = t.slack.messages("C0RESETTLE")[0]?.ts ?? "";
    const reply = await t.slack.as("U0B").replyInThread("C0RESETTLE", reminderTs, "建议增加一项");
    expect(reply.event?.ok).toBe(true);
    opens = t.emulator.calls.of("apps.connections.open").length;
    t.emulator.socket.disconnectAll("refresh_requested");
    await reconnected(t, opens);
    if (!reply.event) throw new Error("the reply was not sent as an event");
    const again = await t.slack.deliver("events_api", reply.event.envelope, {
      retryNum: 1,
      retryReason: "timeout",
    });
    expect(again.status).toBe(200);
    await untilIdle(t.bot);
    expect(await t.db.prisma.listComment.count()).toBe(1);

    // ---- another committee member approves on the new connection: the plan goes out once
    t.clock.set("2026-12-04T01:30:00Z");
    const approve = await t.slack.as("U0DEPUTY").clickButton({
      channel: "C0COMMITTEE",
      messageTs: committee?.ts ?? "",
      actionId: TASKLIST_ACTION.approve,
    });
    expect(approve.status).toBe(200);
    await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => String(c.args.text).includes("任务清单（已通过）"),
    });
    await untilIdle(t.bot);
    const approved = t.emulator.workspace.message("C0COMMITTEE", committee?.ts ?? "");
    expect(approved?.text).toBe("移交安置处党支部2026年12月任务清单（第1版）已审核通过。");
    const plans = t.slack
      .messages("C0RESETTLE")
      .filter((m) => String(m.text).includes("任务清单（已通过）"));
    expect(plans.map((m) => m.text)).toEqual([
      "移交安置处党支部2026年12月任务清单（已通过）：已完成0/1项。",
    ]);
    const decisions = await t.db.prisma.decision.findMany();
    expect(decisions.map((d) => [d.kind, d.decidedBy])).toEqual([["APPROVED", "U0DEPUTY"]]);
  });

  it("answers a slash command over the socket, and serves the calendar feed it hands out on PORT", async () => {
    const t = bot();
    const before = t.emulator.calls.of("response_url").length;
    const ack = await t.slack.as("U0A").slashCommand("/pbb", "lectures calendar", {
      channel: "C0LECTURE",
    });
    expect(ack.status).toBe(200);
    const answer = await t.emulator.calls.waitFor("response_url", {
      count: before + 1,
      timeoutMs: 20_000,
    });
    expect(answer.args.response_type ?? "ephemeral").toBe("ephemeral");
    const urls = [
      ...allText(answer.args).matchAll(
        /http:\/\/127\.0\.0\.1:(\d+)\/calendar\/lectures\/[\w-]+\.ics/g,
      ),
    ];
    expect(urls.length).toBeGreaterThan(0);
    for (const [url, port] of urls) {
      expect(Number(port)).toBe(t.bot.port);
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toContain("text/calendar");
      expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    }
  });
});

describe("pbb start with SLACK_APP_TOKEN", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-socket-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs in Socket Mode: connects, answers a slash command, serves /healthz on PORT, stops on SIGTERM", async () => {
    const parsed = parseOrgFile(await readFile(EXAMPLE_ORG, "utf8"), "org.yml");
    if (!parsed.ok) throw new Error("the example org does not parse");
    const emulator = emulatorForOrg(parsed.org);
    await emulator.start();
    const store = `pglite:${path.join(dir, "store")}`;
    const port = await freePort();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: emulator.workspace.bot.token,
      SLACK_APP_TOKEN: emulator.workspace.bot.appToken,
      SLACK_API_URL: emulator.url,
      DATABASE_URL: store,
      ORG_FILE: EXAMPLE_ORG,
      PORT: String(port),
      LOG_LEVEL: "error",
    });
    try {
      const alive = () => {
        if (bot.child.exitCode !== null) throw new Error(`the bot exited:\n${bot.output()}`);
      };
      const health = await pollUntil(`http://127.0.0.1:${port}/healthz`, (a) => a.status === 200, {
        alive,
        timeoutMs: 120_000,
      });
      await emulator.socket.waitForConnections(1, 10_000).catch((error: Error) => {
        throw new Error(`${error.message}; the bot said:\n${bot.output()}`);
      });
      expect(JSON.parse(health.body)).toEqual({
        ok: true,
        checks: { startup: true, database: true },
      });
      expect(bot.output()).toContain("(socket mode)");
      const slack = createDriver({ emulator, transport: "socket" });
      const ack = await slack.as("U0SEC1").slashCommand("/pbb", "help", { channel: "C0RESETTLE" });
      expect(ack.status).toBe(200);
      const answer = await emulator.calls.waitFor("response_url", { timeoutMs: 20_000 });
      expect(String(answer.args.text)).toContain("可用命令");
      expect(await bot.stop()).toBe(0);
      // The store was left clean for the next command.
      const show = await runPbb(["org", "show"], { DATABASE_URL: store });
      expect(show.code, show.stderr).toBe(0);
    } finally {
      await bot.stop();
      await emulator.socket.waitUntilClosed();
      await emulator.stop();
    }
  }, 180_000);
});
