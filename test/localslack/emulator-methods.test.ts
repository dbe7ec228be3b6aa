import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackEmulator } from "../../src/localslack/index.ts";
import { api, startEmulator } from "./helpers.ts";

describe("Web API emulator: auth and errors", () => {
  let emulator: SlackEmulator;
  const now = Date.UTC(2026, 10, 28, 8, 0, 0);

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("auth.test returns the bot identity", async () => {
    const { status, body } = await api(emulator, "auth.test");
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0LOCAL" });
    expect(body.url).toBe("https://pbb-local.slack.com/");
  });

  it("answers not_authed without a token and invalid_auth with an unknown one", async () => {
    expect((await api(emulator, "auth.test", {}, null)).body.error).toBe("not_authed");
    expect((await api(emulator, "auth.test", {}, "xoxb-nope")).body.error).toBe("invalid_auth");
    expect(
      (await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", text: "t" }, "xapp-test"))
        .body.error,
    ).toBe("not_allowed_token_type");
  });

  it("accepts JSON bodies with the token in the header", async () => {
    const res = await fetch(`${emulator.url}chat.postMessage`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        Authorization: "Bearer xoxb-test",
      },
      body: JSON.stringify({ channel: "C0RESETTLE", text: "json", blocks: [{ type: "divider" }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, message: { text: "json" } });
  });

  it.each([
    ["an unknown channel", { channel: "C0NOPE", text: "t" }, "channel_not_found"],
    ["a private channel without the bot", { channel: "G0SECRET", text: "t" }, "channel_not_found"],
    ["a public channel without the bot", { channel: "C0NOBOT", text: "t" }, "not_in_channel"],
    ["an archived channel", { channel: "C0OLD", text: "t" }, "is_archived"],
    ["a DM with a deleted user", { channel: "U0GONE", text: "t" }, "account_inactive"],
    ["no text and no blocks", { channel: "C0RESETTLE" }, "no_text"],
    ["a missing channel", { text: "t" }, "invalid_arguments"],
  ])("chat.postMessage to %s answers %s", async (_name, args, error) => {
    const { status, body } = await api(emulator, "chat.postMessage", args);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error });
  });

  it("posts to public channels without membership when the app has chat:write.public", async () => {
    emulator.workspace.chatWritePublic = true;
    const { body } = await api(emulator, "chat.postMessage", { channel: "C0NOBOT", text: "hello" });
    emulator.workspace.chatWritePublic = false;
    expect(body.ok).toBe(true);
  });

  it("answers missing_scope when the workspace has a scope set without the method's scope", async () => {
    const scoped = await startEmulator({ scopes: ["chat:write"] });
    const { body } = await api(scoped, "users.lookupByEmail", { email: "sec1@example.com" });
    await scoped.stop();
    expect(body).toMatchObject({
      ok: false,
      error: "missing_scope",
      needed: "users:read.email",
      provided: "chat:write",
    });
  });

  it("chat.update/delete: message_not_found, cant_update_message for a user's message", async () => {
    const userMsg = emulator.workspace.addMessage({
      channel: "C0RESETTLE",
      user: "U0SEC1",
      text: "mine",
    });
    expect(
      (await api(emulator, "chat.update", { channel: "C0RESETTLE", ts: "1.000001", text: "x" }))
        .body.error,
    ).toBe("message_not_found");
    expect(
      (await api(emulator, "chat.update", { channel: "C0RESETTLE", ts: userMsg.ts, text: "x" }))
        .body.error,
    ).toBe("cant_update_message");
    expect(
      (await api(emulator, "chat.delete", { channel: "C0RESETTLE", ts: userMsg.ts })).body.error,
    ).toBe("cant_delete_message");
  });
});

describe("Web API emulator: conversations, threads, metadata, users", () => {
  let emulator: SlackEmulator;
  let client: WebClient;
  let now = Date.UTC(2026, 10, 28, 8, 0, 0);

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
    client = new WebClient("xoxb-test", { slackApiUrl: emulator.url, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("mints increasing ts strings from the clock", async () => {
    const a = await client.chat.postMessage({ channel: "C0RESETTLE", text: "a" });
    const b = await client.chat.postMessage({ channel: "C0RESETTLE", text: "b" });
    expect(a.ts).toBe("1795852800.000000");
    expect(b.ts).toBe("1795852800.000100");
    now += 1000;
  });

  it("threads: replies count on the parent, conversations.replies lists the thread", async () => {
    const parent = await client.chat.postMessage({ channel: "C0RESETTLE", text: "parent" });
    await client.chat.postMessage({ channel: "C0RESETTLE", text: "r1", thread_ts: parent.ts });
    await client.chat.postMessage({ channel: "C0RESETTLE", text: "r2", thread_ts: parent.ts });

    const replies = await client.conversations.replies({
      channel: "C0RESETTLE",
      ts: String(parent.ts),
    });
    expect(replies.messages?.map((m) => m.text)).toEqual(["parent", "r1", "r2"]);
    expect(replies.messages?.[0]).toMatchObject({ reply_count: 2, thread_ts: parent.ts });
    const history = await client.conversations.history({ channel: "C0RESETTLE", limit: 1 });
    expect(history.messages?.[0]?.text).toBe("parent");
    expect(history.has_more).toBe(true);
  });

  it("returns message metadata only with include_all_metadata", async () => {
    await client.chat.postMessage({
      channel: "C0RESETTLE",
      text: "list submitted",
      metadata: { event_type: "task_list_submitted", event_payload: { list_id: "L1" } },
    });
    const without = await client.conversations.history({ channel: "C0RESETTLE", limit: 1 });
    const withMeta = await client.conversations.history({
      channel: "C0RESETTLE",
      limit: 1,
      include_all_metadata: true,
    });
    expect(without.messages?.[0]?.metadata).toBeUndefined();
    expect(withMeta.messages?.[0]?.metadata).toEqual({
      event_type: "task_list_submitted",
      event_payload: { list_id: "L1" },
    });
  });

  it("conversations.open creates then reuses a D… id; ephemerals are kept per user", async () => {
    const a = await client.conversations.open({ users: "U0SEC1" });
    const b = await client.conversations.open({ users: "U0SEC1" });
    expect(a.channel?.id).toMatch(/^D/);
    expect(b.channel?.id).toBe(a.channel?.id);
    await client.chat.postEphemeral({ channel: "C0RESETTLE", user: "U0MEM1", text: "only you" });
    expect(emulator.workspace.ephemeralsFor("U0MEM1").map((e) => e.text)).toEqual(["only you"]);
    const notMember = await api(emulator, "chat.postEphemeral", {
      channel: "C0RESETTLE",
      user: "U0GONE",
      text: "x",
    });
    expect(notMember.body.error).toBe("user_not_in_channel");
  });

  it("paginates conversations.members and conversations.list with cursors", async () => {
    const first = await client.conversations.members({ channel: "C0RESETTLE", limit: 2 });
    expect(first.members).toEqual(["U0SEC1", "U0MEM1"]);
    const cursor = first.response_metadata?.next_cursor ?? "";
    expect(cursor).not.toBe("");
    const second = await client.conversations.members({ channel: "C0RESETTLE", limit: 2, cursor });
    expect(second.members).toEqual(["U0BOT"]);
    expect(second.response_metadata?.next_cursor).toBe("");

    const all: string[] = [];
    for await (const page of client.paginate("conversations.list", {
      limit: 1,
      types: "public_channel,private_channel",
    })) {
      const channels = (page as { channels?: Array<{ id: string }> }).channels ?? [];
      all.push(...channels.map((c) => c.id));
    }
    expect(all).toEqual(["C0RESETTLE", "G0COMMITTEE", "C0NOBOT", "C0OLD"]);
  });

  it("conversations.join adds the bot to a public channel", async () => {
    await client.conversations.join({ channel: "C0NOBOT" });
    const info = await client.conversations.info({ channel: "C0NOBOT" });
    expect(info.channel?.is_member).toBe(true);
  });

  it("users.info, users.list and users.lookupByEmail (users_not_found, user_not_found)", async () => {
    const info = await client.users.info({ user: "U0MEM1", include_locale: true });
    expect(info.user).toMatchObject({
      id: "U0MEM1",
      real_name: "Member One",
      locale: "zh-CN",
      tz: "Asia/Shanghai",
    });
    const list = await client.users.list({});
    expect(list.members?.map((m) => m.id)).toContain("U0GONE");
    const byEmail = await client.users.lookupByEmail({ email: "sec1@example.com" });
    expect(byEmail.user?.id).toBe("U0SEC1");
    expect(
      (await api(emulator, "users.lookupByEmail", { email: "nobody@example.com" })).body.error,
    ).toBe("users_not_found");
    expect((await api(emulator, "users.info", { user: "U0NOPE" })).body.error).toBe(
      "user_not_found",
    );
  });

  it("chat.getPermalink builds Slack's archive URL", async () => {
    const m = await client.chat.postMessage({ channel: "C0RESETTLE", text: "link me" });
    const link = await client.chat.getPermalink({
      channel: "C0RESETTLE",
      message_ts: String(m.ts),
    });
    expect(link.permalink).toBe(
      `https://pbb-local.slack.com/archives/C0RESETTLE/p${String(m.ts).replace(".", "")}`,
    );
  });
});
