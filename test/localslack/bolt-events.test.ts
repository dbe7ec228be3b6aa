import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { listen, SIGNING_SECRET, startEmulator } from "./helpers.ts";

const homeView = {
  type: "home" as const,
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "*Your tasks*" } }],
};

describe("Events API delivery to a real Bolt app", () => {
  let emulator: SlackEmulator;
  let app: App;
  let appUrl: string;
  let authorizeCalls = 0;
  let releaseFirst: () => void = () => {};
  const seen: Array<{ retryNum?: number; retryReason?: string; eventId: string }> = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    const firstGate = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const { bot } = emulator.workspace;
    app = new App({
      signingSecret: SIGNING_SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: emulator.url, retryConfig: { retries: 0 } },
      // Bolt acks events only after authorize: holding the first call makes the first ack late.
      authorize: async () => {
        authorizeCalls += 1;
        if (authorizeCalls === 1) await firstGate;
        else releaseFirst();
        return { botToken: bot.token, botId: bot.botId, botUserId: bot.userId };
      },
    });
    app.event("app_home_opened", async ({ event, context, body, client }) => {
      seen.push({
        ...(context.retryNum !== undefined ? { retryNum: context.retryNum } : {}),
        ...(context.retryReason !== undefined ? { retryReason: context.retryReason } : {}),
        eventId: body.event_id,
      });
      await client.views.publish({ user_id: event.user, view: homeView });
    });
    appUrl = `${await listen(app)}/slack/events`;
  });

  afterAll(async () => {
    await app.stop();
    await emulator.stop();
  });

  it("when the first ack is late, then Slack re-sends the same event_id with retry headers", async () => {
    const slack = createDriver({
      emulator,
      appUrl,
      signingSecret: SIGNING_SECRET,
      ackTimeoutMs: 300,
      retryDelaysMs: [0, 0, 0],
    });

    const result = await slack.as("U0SEC1").openAppHome();

    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.timedOut)).toEqual([true, false]);
    await emulator.calls.waitFor("views.publish", { count: 2 });
    const eventId = String(result.envelope.event_id);
    expect(seen).toContainEqual({ retryNum: 1, retryReason: "http_timeout", eventId });
    expect(seen).toContainEqual({ eventId });
    expect(slack.homeView("U0SEC1")?.blocks[0]).toMatchObject({ type: "section" });
  });
});

describe("Events API retry schedule", () => {
  let server: Server;
  let url: string;
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // An app that never answers.
    server = createServer((req) => {
      received.push(req.headers);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("when the app never acks, then Slack retries 3 times: immediately, +1 min, +5 min", async () => {
    const emulator = await startEmulator();
    const waits: number[] = [];
    const slack = createDriver({
      emulator,
      appUrl: url,
      signingSecret: SIGNING_SECRET,
      ackTimeoutMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

    const result = await slack.sendEvent({ type: "app_home_opened", user: "U0SEC1", tab: "home" });

    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(4);
    expect(waits).toEqual([0, 60_000, 300_000]);
    expect(received.map((h) => [h["x-slack-retry-num"], h["x-slack-retry-reason"]])).toEqual([
      [undefined, undefined],
      ["1", "http_timeout"],
      ["2", "http_timeout"],
      ["3", "http_timeout"],
    ]);
    await emulator.stop();
  });
});
