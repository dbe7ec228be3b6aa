import type { AddressInfo } from "node:net";
import { App, type CustomRoute, LogLevel } from "@slack/bolt";
import {
  createSlackEmulator,
  type SlackEmulator,
  type SlackEmulatorOptions,
} from "../../src/localslack/index.ts";

export const SIGNING_SECRET = "test-signing-secret";

/** A small workspace: two branch members, a deleted user, channels of every kind. */
export function workspaceOptions(extra: SlackEmulatorOptions = {}): SlackEmulatorOptions {
  return {
    users: [
      { id: "U0SEC1", name: "sec1", real_name: "Secretary One", email: "sec1@example.com" },
      {
        id: "U0MEM1",
        name: "mem1",
        real_name: "Member One",
        email: "mem1@example.com",
        locale: "zh-CN",
      },
      { id: "U0GONE", name: "gone", deleted: true },
    ],
    channels: [
      { id: "C0RESETTLE", name: "branch-resettle", members: ["U0SEC1", "U0MEM1"], botMember: true },
      { id: "G0COMMITTEE", name: "committee", private: true, members: ["U0SEC1"], botMember: true },
      { id: "C0NOBOT", name: "random", members: ["U0SEC1"] },
      { id: "G0SECRET", name: "secret", private: true, members: ["U0SEC1"] },
      { id: "C0OLD", name: "old", archived: true, botMember: true },
    ],
    ...extra,
  };
}

export async function startEmulator(extra: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const emulator = createSlackEmulator(workspaceOptions(extra));
  await emulator.start();
  return emulator;
}

/** A real Bolt App over HTTP, its WebClient pointed at the emulator (not started yet). */
export function createBoltApp(
  emulator: SlackEmulator,
  opts: { customRoutes?: CustomRoute[] } = {},
): App {
  return new App({
    token: emulator.workspace.bot.token,
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: emulator.url, retryConfig: { retries: 0 } },
    customRoutes: opts.customRoutes ?? [],
  });
}

/** Starts the app's HTTPReceiver on a free port; returns its base URL. */
export async function listen(app: App): Promise<string> {
  const server = (await app.start(0)) as { address(): AddressInfo | string | null };
  const address = server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls a Web API method the way WebClient does (form-encoded, objects as JSON strings). */
export async function api(
  emulator: SlackEmulator,
  method: string,
  args: Record<string, unknown> = {},
  token: string | null = emulator.workspace.bot.token,
): Promise<RawAnswer> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) {
    if (v !== undefined) form.set(k, typeof v === "string" ? v : JSON.stringify(v));
  }
  const res = await fetch(`${emulator.url}${method}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: form.toString(),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}
