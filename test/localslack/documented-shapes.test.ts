/**
 * The local Slack's Web API responses and Socket Mode messages against the examples in Slack's
 * documentation (test/fixtures/slack/, sources in sources.json): every documented field present,
 * with the documented JSON type, recursively (test/localslack/shape.ts). A drift in the emulator
 * from Slack's shapes fails here.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createDriver, type SlackDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { documentedEventCallback, fixture } from "./documented.ts";
import { api, startEmulator } from "./helpers.ts";
import { shapeDiff } from "./shape.ts";

/** The view's content is the app's (blocks, typed values, its texts); its frame is Slack's. */
const VIEW_CONTENT = [
  "view.blocks",
  "view.state.values",
  "view.title",
  "view.submit",
  "view.close",
];

const MODAL = {
  type: "modal",
  callback_id: "identify_your_modals",
  title: { type: "plain_text", text: "Quite a plain modal" },
  submit: { type: "plain_text", text: "Create" },
  private_metadata: "Shh it is a secret",
  blocks: [
    {
      type: "input",
      block_id: "a_block_id",
      label: { type: "plain_text", text: "A simple label" },
      element: { type: "plain_text_input", action_id: "an_action_id" },
    },
  ],
};

describe("Web API responses have the shapes of Slack's documented examples", () => {
  let emulator: SlackEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("conversations.info (a public channel the bot is in)", async () => {
    const res = await api(emulator, "conversations.info", {
      channel: "C0RESETTLE",
      include_locale: true,
    });
    expect(shapeDiff(fixture("conversations_info_response.json"), res.body)).toEqual([]);
  });

  it("conversations.list, a page with a next cursor", async () => {
    const res = await api(emulator, "conversations.list", { limit: 1 });
    expect(shapeDiff(fixture("conversations_list_response.json"), res.body)).toEqual([]);
    const cursor = (res.body.response_metadata as { next_cursor: string }).next_cursor;
    expect(cursor).not.toBe("");
  });

  it("users.lookupByEmail", async () => {
    const res = await api(emulator, "users.lookupByEmail", { email: "sec1@example.com" });
    expect(shapeDiff(fixture("users_lookupByEmail_response.json"), res.body)).toEqual([]);
  });

  it("users.lookupByEmail of a deactivated user is users_not_found, as documented", async () => {
    const res = await api(emulator, "users.lookupByEmail", { email: "gone@example.com" });
    expect(res.body).toEqual({ ok: false, error: "users_not_found" });
  });

  it("users.info (image_original aside: Slack sends it only for a custom avatar)", async () => {
    const res = await api(emulator, "users.info", { user: "U0SEC1" });
    const documented = fixture("users_info_response.json") as {
      user: { profile: Record<string, unknown> };
    };
    delete documented.user.profile.image_original;
    expect(shapeDiff(documented, res.body)).toEqual([]);
  });

  it("views.open, views.update and views.publish", async () => {
    const opened = await api(emulator, "views.open", {
      trigger_id: emulator.mintTriggerId("U0SEC1"),
      view: MODAL,
    });
    expect(shapeDiff(fixture("views_open_response.json"), opened.body, VIEW_CONTENT)).toEqual([]);

    const updated = await api(emulator, "views.update", {
      view_id: (opened.body.view as { id: string }).id,
      view: {
        type: "modal",
        callback_id: "view_2",
        title: { type: "plain_text", text: "Updated Modal" },
        close: { type: "plain_text", text: "Close" },
        blocks: [
          { type: "section", block_id: "s_block", text: { type: "plain_text", text: "Updated" } },
        ],
      },
    });
    expect(shapeDiff(fixture("views_update_response.json"), updated.body, VIEW_CONTENT)).toEqual(
      [],
    );

    const published = await api(emulator, "views.publish", {
      user_id: "U0SEC1",
      view: {
        type: "home",
        callback_id: "identify_your_home_tab",
        private_metadata: "Shh it is a secret",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "A simple section" } }],
      },
    });
    expect(shapeDiff(fixture("views_publish_response.json"), published.body, VIEW_CONTENT)).toEqual(
      [],
    );
  });

  it("views.push onto an open modal", async () => {
    const trigger = emulator.mintTriggerId("U0SEC1");
    await api(emulator, "views.open", { trigger_id: trigger, view: MODAL });
    const pushed = await api(emulator, "views.push", {
      trigger_id: emulator.mintTriggerId("U0SEC1"),
      view: { ...MODAL, callback_id: "view_4", title: { type: "plain_text", text: "Pushed" } },
    });
    expect(shapeDiff(fixture("views_push_response.json"), pushed.body, VIEW_CONTENT)).toEqual([]);
  });

  it("conversations.history with include_all_metadata: messages, and the metadata they carry", async () => {
    const metadata = fixture("message_metadata.json");
    await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", text: "one" });
    await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", text: "two", metadata });
    const res = await api(emulator, "conversations.history", {
      channel: "C0RESETTLE",
      limit: 1,
      include_all_metadata: true,
    });
    expect(shapeDiff(fixture("conversations_history_response.json"), res.body)).toEqual([]);
    const [latest] = res.body.messages as { metadata?: unknown }[];
    expect(shapeDiff(metadata, latest?.metadata, ["event_payload"])).toEqual([]);
    expect(latest?.metadata).toEqual(metadata);
  });

  it("files.getUploadURLExternal and files.completeUploadExternal", async () => {
    const bytes = Buffer.from("a,b\n1,2\n");
    const url = await api(emulator, "files.getUploadURLExternal", {
      filename: "report.csv",
      length: bytes.length,
    });
    expect(shapeDiff(fixture("files_getUploadURLExternal_response.json"), url.body)).toEqual([]);

    const put = await fetch(String(url.body.upload_url), { method: "POST", body: bytes });
    expect(put.status).toBe(200);
    const done = await api(emulator, "files.completeUploadExternal", {
      files: [{ id: url.body.file_id, title: "slack-test" }],
      channel_id: "C0RESETTLE",
    });
    expect(shapeDiff(fixture("files_completeUploadExternal_response.json"), done.body)).toEqual([]);
  });
});

interface SocketMessage {
  type: string;
  envelope_id?: string;
  payload?: Record<string, unknown>;
  [k: string]: unknown;
}

describe("Socket Mode messages have the shapes of Slack's documented examples", () => {
  let emulator: SlackEmulator;
  let slack: SlackDriver;
  let socket: WebSocket;
  const received: SocketMessage[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    const open = await api(emulator, "apps.connections.open", {}, emulator.workspace.bot.appToken);
    socket = new WebSocket(String(open.body.url));
    socket.on("message", (data) => {
      const msg = JSON.parse(String(data)) as SocketMessage;
      received.push(msg);
      // Acknowledged as an app does: the envelope_id back, nothing else.
      if (msg.envelope_id) socket.send(JSON.stringify({ envelope_id: msg.envelope_id }));
    });
    await emulator.socket.waitForConnections(1);
    slack = createDriver({ emulator, transport: "socket" });
  });

  afterAll(async () => {
    socket.close();
    await emulator.socket.waitUntilClosed();
    await emulator.stop();
  });

  const lastOf = (type: string): SocketMessage => {
    const m = received.filter((r) => r.type === type).at(-1);
    if (!m) throw new Error(`no ${type} message among ${received.map((r) => r.type).join(", ")}`);
    return m;
  };

  it("hello", async () => {
    await expect.poll(() => received.some((r) => r.type === "hello")).toBe(true);
    expect(shapeDiff(fixture("socket_mode_hello.json"), lastOf("hello"))).toEqual([]);
  });

  it("slash_commands: the envelope and its payload", async () => {
    const result = await slack.as("U0SEC1").slashCommand("/pbb", "status", {
      channel: "C0RESETTLE",
    });
    expect(result.status).toBe(200);
    expect(shapeDiff(fixture("socket_mode_slash_commands.json"), lastOf("slash_commands"))).toEqual(
      [],
    );
  });

  it("interactive: the envelope, its block_actions payload as over HTTP", async () => {
    await emulator.workspace.addMessage({
      channel: "C0RESETTLE",
      user: emulator.workspace.bot.userId,
      bot_id: emulator.workspace.bot.botId,
      app_id: emulator.workspace.bot.appId,
      text: "Approve?",
      blocks: [
        {
          type: "actions",
          block_id: "actionblock789",
          elements: [
            {
              type: "button",
              action_id: "approve",
              text: { type: "plain_text", text: "Approve" },
              value: "click_me_123",
            },
          ],
        },
      ],
    });
    await slack.as("U0SEC1").clickButton({ channel: "C0RESETTLE", label: "Approve" });
    const envelope = lastOf("interactive");
    expect(shapeDiff(fixture("socket_mode_interactive.json"), envelope, ["payload"])).toEqual([]);
    expect(
      shapeDiff(fixture("block_actions.json"), envelope.payload, [
        "message.blocks",
        "state.values",
      ]),
    ).toEqual([]);
  });

  it("events_api: the envelope, its payload an Events API event_callback", async () => {
    await slack.as("U0SEC1").openAppHome();
    const envelope = lastOf("events_api");
    expect(shapeDiff(fixture("socket_mode_events_api.json"), envelope, ["payload"])).toEqual([]);
    expect(shapeDiff(documentedEventCallback(), envelope.payload)).toEqual([]);
  });

  it("the events the bot subscribes to: member_left_channel, member_joined_channel, message", async () => {
    const eventOf = () =>
      (lastOf("events_api").payload as { event: Record<string, unknown> }).event;
    const member = slack.as("U0MEM1");

    await member.leaveChannel("C0RESETTLE");
    expect(shapeDiff(fixture("event_member_left_channel.json"), eventOf())).toEqual([]);

    await member.joinChannel("C0RESETTLE", "U0SEC1");
    expect(shapeDiff(fixture("event_member_joined_channel.json"), eventOf())).toEqual([]);

    await member.postMessage("C0RESETTLE", "Live long and prospect.");
    const documented = fixture("event_message_channels.json") as { event: unknown };
    expect(shapeDiff(documented.event, eventOf())).toEqual([]);
    expect(eventOf()).toMatchObject({ channel: "C0RESETTLE", channel_type: "channel" });
  });

  it("disconnect (refresh_requested)", async () => {
    const before = received.length;
    emulator.socket.disconnectAll();
    await expect.poll(() => received.length).toBeGreaterThan(before);
    expect(shapeDiff(fixture("socket_mode_disconnect.json"), lastOf("disconnect"))).toEqual([]);
  });
});

describe("the fixtures' sources", () => {
  it("every fixture in test/fixtures/slack names the page it was taken from and when", () => {
    const dir = new URL("../fixtures/slack/", import.meta.url);
    const sources = fixture("sources.json") as Record<string, { url?: string; read?: string }>;
    const files = readdirSync(dir).filter((f) => f !== "sources.json");
    for (const f of files) {
      expect(sources[f]?.url, f).toMatch(/^https:\/\/(docs\.slack\.dev|api\.slack\.com)\//);
      expect(sources[f]?.read, f).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
