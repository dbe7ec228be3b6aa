import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver, type SlackDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { startEmulator } from "./helpers.ts";

function socketApp(emulator: SlackEmulator, name: string, handled: string[]): App {
  const app = new App({
    token: emulator.workspace.bot.token,
    appToken: emulator.workspace.bot.appToken,
    socketMode: true,
    logLevel: LogLevel.ERROR,
    // SocketModeReceiver hands App's clientOptions to its own WebClient (apps.connections.open).
    clientOptions: { slackApiUrl: emulator.url, retryConfig: { retries: 0 } },
  });
  app.action("approve", async ({ ack, body, client }) => {
    await ack();
    handled.push(`${name}:approve`);
    if (body.type === "block_actions" && body.channel) {
      await client.chat.postMessage({ channel: body.channel.id, text: "Approved" });
    }
  });
  app.view("topic_modal", async ({ ack }) => {
    handled.push(`${name}:view`);
    await ack({ response_action: "errors", errors: { topic: "Topic is required" } });
  });
  app.command("/pbb", async ({ ack }) => {
    handled.push(`${name}:command`);
    await ack({ text: "Working on it" });
  });
  app.event("app_mention", async () => {
    handled.push(`${name}:mention`);
  });
  return app;
}

describe("Socket Mode round trip with Bolt's SocketModeReceiver", () => {
  let emulator: SlackEmulator;
  let slack: SlackDriver;
  const apps: App[] = [];
  const handled: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    apps.push(socketApp(emulator, "a", handled), socketApp(emulator, "b", handled));
    for (const app of apps) await app.start();
    await emulator.socket.waitForConnections(2);
    slack = createDriver({ emulator, transport: "socket" });
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    await emulator.socket.waitUntilClosed();
    await emulator.stop();
  });

  it("opens the connections through apps.connections.open with the app-level token", () => {
    const opens = emulator.calls.of("apps.connections.open");
    expect(opens).toHaveLength(2);
    expect(opens[0]?.token).toBe("xapp-test");
    expect(String(opens[0]?.response?.url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
  });

  it("when a button is clicked, then the envelope is acked and the listener calls the Web API", async () => {
    await emulator.workspace.addMessage({
      channel: "C0RESETTLE",
      user: emulator.workspace.bot.userId,
      bot_id: emulator.workspace.bot.botId,
      text: "List from resettle",
      blocks: [
        {
          type: "actions",
          block_id: "b1",
          elements: [
            { type: "button", action_id: "approve", text: { type: "plain_text", text: "Approve" } },
          ],
        },
      ],
    });

    const click = await slack.as("U0MEM1").clickButton({ channel: "C0RESETTLE", label: "Approve" });

    expect(click.status).toBe(200);
    await emulator.calls.waitFor("chat.postMessage");
    expect(slack.lastMessage("C0RESETTLE")?.text).toBe("Approved");
  });

  it("returns the ack payload of a view_submission (response_action: errors)", async () => {
    const triggerId = emulator.mintTriggerId("U0SEC1");
    await apps[0]?.client.views.open({
      trigger_id: triggerId,
      view: {
        type: "modal",
        callback_id: "topic_modal",
        title: { type: "plain_text", text: "Lecture topic" },
        submit: { type: "plain_text", text: "Save" },
        blocks: [
          {
            type: "input",
            block_id: "topic",
            optional: true,
            label: { type: "plain_text", text: "Topic" },
            element: { type: "plain_text_input", action_id: "value" },
          },
        ],
      },
    });

    const result = await slack.as("U0SEC1").submitModal({});

    expect(result.outcome).toBe("errors");
    expect(result.errors).toEqual({ topic: "Topic is required" });
  });

  it("shows a slash command's ack body to the user as an ephemeral", async () => {
    await slack.as("U0SEC1").slashCommand("/pbb", "status", { channel: "C0RESETTLE" });
    expect(slack.ephemeralsFor("U0SEC1").at(-1)?.text).toBe("Working on it");
  });

  it("sends each envelope to one of the open connections", async () => {
    handled.length = 0;
    const bot = emulator.workspace.bot.userId;
    for (let i = 0; i < 4; i++) {
      const event = {
        type: "app_mention",
        user: "U0SEC1",
        channel: "C0RESETTLE",
        text: `<@${bot}> ${i}`,
      };
      const result = await slack.sendEvent({ ...event, ts: emulator.workspace.nextTs() });
      expect(result.ok).toBe(true);
    }
    await waitUntil(() => handled.filter((h) => h.endsWith(":mention")).length === 4);
    const byApp = new Set(
      handled.filter((h) => h.endsWith(":mention")).map((h) => h.split(":")[0]),
    );
    expect(byApp).toEqual(new Set(["a", "b"]));
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 10));
  }
}
