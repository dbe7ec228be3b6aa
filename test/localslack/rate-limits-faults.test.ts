import { ErrorCode, WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SlackEmulator } from "../../src/localslack/index.ts";
import { api, startEmulator } from "./helpers.ts";

describe("rate limits (injected clock)", () => {
  let emulator: SlackEmulator;
  let now = 1_795_852_800_000;

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => now });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("are off by default", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await api(emulator, "conversations.list")).status).toBe(200);
    }
  });

  it("Tier 2: 20 per minute, then HTTP 429 ratelimited with an integer Retry-After", async () => {
    emulator.setRateLimits(true);
    for (let i = 0; i < 20; i++)
      expect((await api(emulator, "conversations.list")).status).toBe(200);
    const limited = await api(emulator, "conversations.list");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ ok: false, error: "ratelimited" });
    expect(limited.headers.get("retry-after")).toBe("3");
    // Other methods are not restricted.
    expect((await api(emulator, "users.list")).status).toBe(200);
    now += 3000;
    expect((await api(emulator, "conversations.list")).status).toBe(200);
  });

  it("chat.postMessage: about 1 per second per channel after a short burst", async () => {
    emulator.setRateLimits({ postPerChannel: { perMinute: 60, burst: 2 } });
    const post = (channel: string) => api(emulator, "chat.postMessage", { channel, text: "hi" });
    expect((await post("C0RESETTLE")).status).toBe(200);
    expect((await post("C0RESETTLE")).status).toBe(200);
    const third = await post("C0RESETTLE");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect((await post("G0COMMITTEE")).status).toBe(200);
    now += 1000;
    expect((await post("C0RESETTLE")).status).toBe(200);
  });

  it("chat.postMessage: a workspace-wide posting budget", async () => {
    emulator.setRateLimits({ postPerWorkspace: { perMinute: 6, burst: 3 } });
    const channels = ["C0RESETTLE", "G0COMMITTEE", "C0NOBOT", "C0RESETTLE"];
    emulator.workspace.chatWritePublic = true;
    const statuses: number[] = [];
    for (const channel of channels)
      statuses.push((await api(emulator, "chat.postMessage", { channel, text: "x" })).status);
    emulator.workspace.chatWritePublic = false;
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retry = await api(emulator, "chat.postMessage", { channel: "G0COMMITTEE", text: "x" });
    expect(retry.headers.get("retry-after")).toBe("10");
  });

  it("WebClient sees the 429 as a rate-limited error with retryAfter", async () => {
    emulator.setRateLimits({ tiers: { 4: { perMinute: 100, burst: 1 } } });
    const client = new WebClient("xoxb-test", {
      slackApiUrl: emulator.url,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    await client.users.info({ user: "U0SEC1" });
    await expect(client.users.info({ user: "U0SEC1" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    emulator.setRateLimits(false);
  });
});

describe("fault injection", () => {
  let emulator: SlackEmulator;
  let rolls: number[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ random: () => rolls.shift() ?? 0.99 });
  });
  afterEach(() => {
    emulator.clearFaults();
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("an error rate answers HTTP 500/503 for the unlucky calls", async () => {
    emulator.setFaults({ errorRate: 0.05 });
    rolls = [0.5, 0.01, 0.9, 0.5];
    const first = await api(emulator, "auth.test");
    const second = await api(emulator, "auth.test");
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(emulator.calls.last("auth.test")?.status).toBe(503);
  });

  it("error X for channel C on method M", async () => {
    emulator.setFaults({
      rules: [
        { method: "chat.postMessage", channel: "G0COMMITTEE", error: "fatal_error", times: 1 },
      ],
    });
    expect(
      (await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", text: "ok" })).body.ok,
    ).toBe(true);
    expect(
      (await api(emulator, "chat.postMessage", { channel: "G0COMMITTEE", text: "x" })).body.error,
    ).toBe("fatal_error");
    expect(
      (await api(emulator, "chat.postMessage", { channel: "G0COMMITTEE", text: "x" })).body.ok,
    ).toBe(true);
  });

  it("a timeout holds the request without answering", async () => {
    emulator.setFaults({ rules: [{ method: "users.info", timeout: true }] });
    const client = new WebClient("xoxb-test", {
      slackApiUrl: emulator.url,
      timeout: 200,
      retryConfig: { retries: 0 },
    });
    await expect(client.users.info({ user: "U0SEC1" })).rejects.toMatchObject({
      code: ErrorCode.RequestError,
    });
    expect(emulator.calls.last("users.info")).toMatchObject({ status: 0, response: undefined });
  });

  it("added latency delays the answer", async () => {
    emulator.setFaults({ latencyMs: 50 });
    const started = performance.now();
    await api(emulator, "auth.test");
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("is driven over HTTP by POST /_admin/faults, and the call log is readable there", async () => {
    const set = await fetch(`${emulator.baseUrl}/_admin/faults`, {
      method: "POST",
      body: JSON.stringify({ rules: [{ method: "views.open", status: 500 }] }),
    });
    expect(await set.json()).toMatchObject({
      ok: true,
      faults: { rules: [{ method: "views.open", status: 500 }] },
    });
    expect((await api(emulator, "views.open", {})).status).toBe(500);
    const calls = (await (await fetch(`${emulator.baseUrl}/_admin/calls`)).json()) as {
      calls: unknown[];
    };
    expect(calls.calls.at(-1)).toMatchObject({ method: "views.open", status: 500 });
  });
});
