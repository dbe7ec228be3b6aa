/**
 * The org file as users write it (`examples/org.en.yml`: `#channel` names and e-mail addresses)
 * applied through the local Slack, with exactly the scopes `manifest.yml` requests: names and
 * e-mails resolved (conversations.list page by page, users.lookupByEmail), public channels the
 * bot is not in joined, and each refusal reported with its line, nothing applied or joined.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { loadOrg } from "../../src/db/repositories/org.ts";
import { createSlackEmulator, type SlackEmulator } from "../../src/localslack/index.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { slackResolver } from "../../src/services/org/resolver.ts";
import { createTestDatabase } from "../helpers/database.ts";
import { manifestBotScopes } from "../helpers/manifest.ts";

const EXAMPLE = path.resolve(import.meta.dirname, "../../examples/org.en.yml");
const PEOPLE = [
  "U0CHAIR",
  "U0DEPUTY",
  "U0COMM3",
  "U0SEC1",
  "U0SEC2",
  "U0SEC3",
  "U0A",
  "U0B",
  "U0C",
  "U0D",
  "U0E",
  "U0F",
];

/** A workspace with what the example names, and 250 other channels before them (2 pages). */
async function workspace(extra: { archived?: string[] } = {}): Promise<SlackEmulator> {
  const filler = Array.from({ length: 250 }, (_, i) => ({ name: `team-${i}`, members: [] }));
  const emulator = createSlackEmulator({
    scopes: await manifestBotScopes(),
    users: [
      ...PEOPLE.map((id) => ({ id, email: `${id.toLowerCase()}@example.org` })),
      { id: "U0ITADMIN", name: "it.admin", email: "it.admin@example.org" },
      { id: "U0FANG", name: "fang.wang", email: "Fang.Wang@example.org" },
      { id: "U0GONE", name: "gone", email: "gone@example.org", deleted: true },
    ],
    channels: [
      ...filler,
      { name: "party-committee", members: ["U0CHAIR"] },
      { id: "C0RESETTLE", name: "resettlement", botMember: true },
      { id: "C0SERVICE", name: "services", private: true, botMember: true },
      { id: "C0RIGHTS", name: "rights", botMember: true },
      {
        name: "office-branch",
        members: ["U0F"],
        archived: extra.archived?.includes("office-branch") ?? false,
      },
      { name: "lecture-hall", botMember: true },
      { name: "secret-room", private: true, members: ["U0CHAIR"] },
      { id: "G0HIDDEN", name: "hidden", private: true, members: ["U0CHAIR"] },
    ],
  });
  await emulator.start();
  return emulator;
}

const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("the example org file against the local Slack", () => {
  let emulator: SlackEmulator | undefined;
  let db: Database | undefined;
  afterEach(async () => {
    await emulator?.stop();
    await db?.close();
  });

  it("resolves names and e-mails, joins the public channels the bot is not in, and applies", async () => {
    emulator = await workspace();
    db = await createTestDatabase("pglite");
    const text = await readFile(EXAMPLE, "utf8");
    const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
    const outcome = await applyOrgText(db, slackResolver(client), text, "org.en.yml", {
      actor: "test",
      source: "test",
    });
    expect(outcome.status).toBe("applied");

    const ws = emulator.workspace;
    const id = (name: string) => ws.channel(name)?.id;
    const org = await loadOrg(db);
    expect(org?.committee.channel).toBe(id("party-committee"));
    expect(org?.committee.admins).toEqual(["U0CHAIR", "U0ITADMIN"]);
    expect(org?.branches.map((b) => b.channel)).toEqual([
      "C0RESETTLE",
      "C0SERVICE",
      "C0RIGHTS",
      id("office-branch"),
    ]);
    expect(org?.branches[2]?.members).toEqual(["U0E", "U0FANG"]);
    expect(org?.lectureHall?.channel).toBe(id("lecture-hall"));

    // Joined: the two public channels it was not in; nothing else.
    const joined = emulator.calls.of("conversations.join").map((c) => c.args.channel);
    expect(joined.sort()).toEqual([id("office-branch"), id("party-committee")].sort());
    expect(ws.channel("party-committee")?.members.has(ws.bot.userId)).toBe(true);
    // The names were found on the second page of conversations.list (250 channels before).
    const pages = emulator.calls.of("conversations.list");
    expect(pages).toHaveLength(2);
    expect(pages[1]?.args.cursor).toEqual(expect.any(String));
    expect(emulator.calls.of("users.lookupByEmail").map((c) => c.args.email)).toEqual([
      "it.admin@example.org",
      "fang.wang@example.org",
    ]);
    // Every call was allowed by the manifest's scopes.
    expect(emulator.calls.all().filter((c) => c.response?.error === "missing_scope")).toEqual([]);
  });

  it("reports each refusal with its line, and applies and joins nothing", async () => {
    emulator = await workspace({ archived: ["office-branch"] });
    db = await createTestDatabase("pglite");
    const example = await readFile(EXAMPLE, "utf8");
    const text = example
      .replace("admins: [U0CHAIR, it.admin@example.org]", "admins: [U0CHAIR, nobody@example.org]")
      .replace("secretaries: [U0SEC3]", "secretaries: [gone@example.org]")
      .replace("channel: C0SERVICE", "channel: G0HIDDEN")
      .replace('channel: "#lecture-hall"', 'channel: "#secret-room"');
    expect(text).not.toBe(example);
    const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
    const outcome = await applyOrgText(db, slackResolver(client), text, "org.en.yml", {
      actor: "test",
      source: "test",
    });

    expect(outcome.status).toBe("invalid");
    const lines = outcome.status === "invalid" ? outcome.lines : [];
    const at = (needle: string) => `org.en.yml:${lineOf(text, needle)}:`;
    expect(lines.sort()).toEqual(
      [
        `${at("nobody@example.org")} committee.admins[1]: nobody@example.org not found in Slack`,
        `${at("gone@example.org")} branches[2].secretaries[0]: gone@example.org is deactivated in Slack`,
        `${at('"#secret-room"')} lectureHall.channel: no channel named #secret-room that the bot can see`,
        `${at("channel: G0HIDDEN")} branches[1].channel: G0HIDDEN not found: check the id, or invite the bot to the private channel`,
        `${at('"#office-branch"')} branches[3].channel: #office-branch is archived: unarchive it or name another channel`,
      ].sort(),
    );
    expect(await loadOrg(db)).toBeNull();
    expect(emulator.calls.of("conversations.join")).toEqual([]);
    const ws = emulator.workspace;
    expect(ws.channel("party-committee")?.members.has(ws.bot.userId)).toBe(false);
  });
});
