/**
 * `manifest.yml` against the code: its scopes cover every Web API method the code calls (in
 * every kind of conversation it uses), every event and command the code listens to is
 * subscribed, and nothing is requested that the code does not use.
 *
 * The methods are read from the source (`client.<ns>.<method>(`, method names passed as strings
 * to the outbox and `paginate`, `filesUploadV2`); the scopes each needs from the local Slack's
 * table (src/localslack/emulator/scopes.ts, from Slack's method reference), which the end-to-end
 * tests also enforce with exactly the manifest's scopes.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METHOD_SCOPES, requiredScopes } from "../../src/localslack/emulator/scopes.ts";
import type { ChannelKind } from "../../src/localslack/emulator/types.ts";
import { listenedTo } from "../helpers/listened.ts";
import { readManifest } from "../helpers/manifest.ts";

const SRC = path.resolve(import.meta.dirname, "../../src");
const NAMESPACES = "chat|conversations|users|views|files|auth|apps";

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => {
      const rel = path.relative(SRC, file);
      // The local Slack and the sandbox's page are Slack's side, not the bot's; generated code.
      return !/^(localslack|sandbox|generated)\//.test(rel);
    });
}

/** Every Web API method the bot's code calls. */
async function methodsCalled(): Promise<string[]> {
  const called = new Set<string>();
  for (const file of await sources(SRC)) {
    const text = await readFile(file, "utf8");
    for (const m of text.matchAll(new RegExp(`\\bclient\\.(${NAMESPACES})\\.(\\w+)\\(`, "g"))) {
      called.add(`${m[1]}.${m[2]}`);
    }
    for (const m of text.matchAll(new RegExp(`"((?:${NAMESPACES})\\.\\w+)"`, "g"))) {
      called.add(m[1] as string);
    }
    if (text.includes("filesUploadV2(")) {
      called.add("files.getUploadURLExternal");
      called.add("files.completeUploadExternal");
    }
  }
  return [...called].sort();
}

/** Whether a view of the bot's takes file uploads (Block Kit's file_input element). */
async function usesFileInput(): Promise<boolean> {
  for (const file of await sources(SRC)) {
    if ((await readFile(file, "utf8")).includes('type: "file_input"')) return true;
  }
  return false;
}

/** The conversations the bot works in: public and private channels, DMs with one person. */
const KINDS: ChannelKind[] = ["public", "private", "im"];
/** Those only ever asked about the org's channels (the org file, the lecture roster), not DMs. */
const KINDS_OF: Record<string, ChannelKind[]> = {
  "conversations.join": ["public"],
  "conversations.list": ["public", "private"],
  "conversations.info": ["public", "private"],
  "conversations.members": ["public", "private"],
  "conversations.open": ["im"],
};

/** The Events API types a listened-to event arrives as (message events come per channel kind). */
const SUBSCRIPTIONS: Record<string, string[]> = {
  message: ["message.channels", "message.groups"],
};

describe("manifest.yml against the code", () => {
  it("grants a scope for every Web API method the code calls, in every kind of conversation", async () => {
    const manifest = await readManifest();
    const granted = new Set(manifest.botScopes);
    const called = await methodsCalled();
    // The scan finds what the bot is known to call (a broken scan would prove nothing).
    expect(called).toEqual(
      expect.arrayContaining([
        "chat.postMessage",
        "conversations.history",
        "conversations.join",
        "users.lookupByEmail",
        "views.open",
        "files.getUploadURLExternal",
      ]),
    );
    const missing = called.flatMap((method) =>
      requiredScopes(method, KINDS_OF[method] ?? KINDS)
        .filter((anyOf) => !anyOf.some((s) => granted.has(s)))
        .map((anyOf) => `${method} needs ${anyOf.join(" or ")}`),
    );
    expect(missing).toEqual([]);
  });

  it("requests no scope the code does not use", async () => {
    const manifest = await readManifest();
    const called = await methodsCalled();
    const used = new Set(
      called.flatMap((method) => requiredScopes(method, KINDS_OF[method] ?? KINDS).flat()),
    );
    if (manifest.commands.length > 0) used.add("commands");
    // A view with a file_input needs files:read ("your app must have the files:read scope",
    // Slack's file input element reference).
    if (await usesFileInput()) used.add("files:read");
    expect(manifest.botScopes.filter((s) => !used.has(s))).toEqual([]);
    // Every method with a scope in the table is one the code calls or the local Slack answers.
    expect(Object.keys(METHOD_SCOPES).length).toBeGreaterThan(10);
  });

  it("requests files:read when a modal takes file uploads", async () => {
    if (await usesFileInput()) expect((await readManifest()).botScopes).toContain("files:read");
  });

  it("requests users:read with users:read.email, as Slack's scope page asks", async () => {
    // https://api.slack.com/scopes/users:read.email: "This scope must be requested at the same
    // time as users:read."
    const scopes = (await readManifest()).botScopes;
    if (scopes.includes("users:read.email")) expect(scopes).toContain("users:read");
  });

  it("subscribes every event the code listens to, and no other", async () => {
    const manifest = await readManifest();
    const wanted = listenedTo().events.flatMap((type) => SUBSCRIPTIONS[type] ?? [type]);
    expect([...manifest.botEvents].sort()).toEqual([...new Set(wanted)].sort());
  });

  it("declares exactly the slash commands the code handles, and interactivity", async () => {
    const manifest = await readManifest();
    expect(manifest.commands.sort()).toEqual(listenedTo().commands);
    expect(manifest.interactivity).toBe(true);
    expect(listenedTo().actions.length).toBeGreaterThan(0);
  });
});
