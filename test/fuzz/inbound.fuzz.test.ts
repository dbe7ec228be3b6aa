/**
 * Thousands of signed requests with mutated payloads against the real bot: every answer is 200
 * or 4xx (never 5xx, never Bolt's 404 for a request nobody acknowledged), the bot stays healthy,
 * the store does not change and nothing is posted.
 *
 * The requests start from one well-formed payload per thing the bot listens to (read from the
 * features' registrations), each aimed at nothing that exists (no list, no session), so a
 * mutation can make it invalid but never valid; fast-check mutates them from a fixed seed, so a
 * failure reproduces. Timing is counted, not raced: a request nobody acknowledges gets Bolt's 404
 * after 3 s, which fails the test; the driver waits 10 s, and answers slower than Slack's 3 s
 * are counted, allowing 5% for a loaded machine (the shared CI runner).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { t as translate } from "../../src/i18n/index.ts";
import type { Json } from "../../src/localslack/emulator/types.ts";
import { createDriver, type DeliveryKind, type SlackDriver } from "../../src/localslack/index.ts";
import { SIGNING_SECRET, startTestBot, type TestBot } from "../helpers/bot.ts";
import { listenedTo } from "../helpers/listened.ts";

const SEED = 20_261_206;
const RANDOM_REQUESTS = 3000;
const CONCURRENCY = 4;
const SLACK_ACK_MS = 3000;

type Request = { kind: DeliveryKind; payload: Record<string, unknown>; label: string };

const USER = "U0CHAIR";
const TEAM = "T0LOCAL";
const APP = "A0LOCAL";
const NO_SUCH_REF = JSON.stringify({ listId: 987_654, revision: 3 });

function click(actionId: string): Request {
  return {
    kind: "interactive",
    label: `click ${actionId}`,
    payload: {
      type: "block_actions",
      team: { id: TEAM, domain: "pbb-local" },
      user: { id: USER, username: "u0chair", name: "u0chair", team_id: TEAM },
      api_app_id: APP,
      token: "localslack-verification-token",
      trigger_id: "1234567890.123456.abcdef",
      response_url: "http://127.0.0.1:1/nowhere",
      container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0NONE" },
      channel: { id: "C0NONE", name: "gone" },
      message: { ts: "1700000000.000100", text: "an old message", type: "message" },
      actions: [
        {
          type: "button",
          action_id: actionId,
          block_id: "b1",
          value: NO_SUCH_REF,
          action_ts: "1700000001.000200",
        },
      ],
      enterprise: null,
      is_enterprise_install: false,
    },
  };
}

function view(type: "view_submission" | "view_closed", callbackId: string): Request {
  return {
    kind: "interactive",
    label: `${type} ${callbackId}`,
    payload: {
      type,
      team: { id: TEAM, domain: "pbb-local" },
      user: { id: USER, username: "u0chair", name: "u0chair", team_id: TEAM },
      api_app_id: APP,
      token: "localslack-verification-token",
      ...(type === "view_submission" ? { trigger_id: "1234567890.123456.abcdef" } : {}),
      view: {
        id: "V0NONE",
        team_id: TEAM,
        type: "modal",
        callback_id: callbackId,
        private_metadata: NO_SUCH_REF,
        hash: "1700000000.abcdef",
        root_view_id: "V0NONE",
        previous_view_id: null,
        app_id: APP,
        bot_id: "B0BOT",
        blocks: [{ type: "input", block_id: "title", label: { type: "plain_text", text: "T" } }],
        state: { values: { title: { title: { type: "plain_text_input", value: "x" } } } },
      },
      ...(type === "view_closed" ? { is_cleared: false } : {}),
      enterprise: null,
      is_enterprise_install: false,
    },
  };
}

function event(type: string, n: number): Request {
  const inner: Record<string, unknown> =
    type === "app_home_opened"
      ? { type, user: "U0NOBODY", channel: "D0NONE", tab: "home", event_ts: "1700000000.1" }
      : type === "message"
        ? {
            type,
            channel: "C0NONE",
            user: USER,
            text: "a reply",
            ts: "1700000000.000300",
            thread_ts: "1700000000.000100",
            channel_type: "channel",
            event_ts: "1700000000.000300",
          }
        : { type, user: "U0NOBODY", channel: "C0NONE", team: TEAM, event_ts: "1700000000.2" };
  return {
    kind: "events_api",
    label: `event ${type}`,
    payload: {
      token: "localslack-verification-token",
      team_id: TEAM,
      api_app_id: APP,
      event: inner,
      type: "event_callback",
      event_id: `Ev0FUZZ${n}`,
      event_time: 1_700_000_000,
      authorizations: [{ team_id: TEAM, user_id: "U0BOT", is_bot: true, enterprise_id: null }],
    },
  };
}

function command(text: string): Request {
  return {
    kind: "slash_commands",
    label: `command /pbb ${text}`,
    payload: {
      token: "localslack-verification-token",
      command: "/pbb",
      text,
      team_id: TEAM,
      team_domain: "pbb-local",
      channel_id: "C0NONE",
      channel_name: "gone",
      user_id: "U0NOBODY",
      user_name: "nobody",
      api_app_id: APP,
      response_url: "http://127.0.0.1:1/nowhere",
      trigger_id: "1234567890.123456.abcdef",
    },
  };
}

function baseRequests(): Request[] {
  const listened = listenedTo();
  return [
    ...listened.actions.map(click),
    ...listened.views.map((v) => view(v.type, v.callbackId)),
    ...listened.events.map((type, i) => event(type, i)),
    command("status"),
    command("admin"),
    command("report month 2026-13"),
  ];
}

/** Replacement values: wrong types, unknown ids, other teams, broken JSON, huge strings. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(""),
  fc.constant("T0OTHERTEAM"),
  fc.constant("U0NOBODY"),
  fc.constant("C0NOWHERE"),
  fc.constant("E0OTHERORG"),
  fc.constant("retired_button_from_v0"),
  fc.constant('{"listId":'),
  fc.constant("{not json"),
  fc.constant("[1,2"),
  fc.constant('{"listId":"1; DROP TABLE"}'),
  fc.string({ maxLength: 40 }),
  fc.nat({ max: 2 }).map((k) => "页".repeat(10 ** (k + 2))),
  fc.constant("x".repeat(100_000)),
);

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function mutate(payload: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? {} : (replacement ?? null);
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

const mutation = fc.record({ at: fc.nat(), value: junk, remove: fc.boolean() });

function fuzzed(bases: Request[]): Request[] {
  const arbitrary = fc.record({
    base: fc.nat({ max: bases.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  });
  return fc
    .sample(arbitrary, { seed: SEED, numRuns: RANDOM_REQUESTS })
    .map(({ base, mutations }) => {
      const from = bases[base] as Request;
      let payload: unknown = from.payload;
      const did: string[] = [];
      for (const m of mutations) {
        // A slash command is form fields: there is no body to replace, only fields.
        const all = paths(payload).filter((p) => from.kind !== "slash_commands" || p.length > 0);
        if (all.length === 0) break;
        const path = all[m.at % all.length] as Path;
        payload = mutate(payload, path, m.value, m.remove);
        const shown = typeof m.value === "string" ? m.value.slice(0, 20) : String(m.value);
        did.push(`${path.join(".") || "(body)"} ${m.remove ? "removed" : `= ${shown}`}`);
      }
      return { kind: from.kind, label: `${from.label}: ${did.join("; ")}`, payload } as Request;
    });
}

/** The shapes known to have failed before (500, or no ack at all), each sent on purpose. */
function knownFailures(bases: Request[]): Request[] {
  const anEvent = bases.find((r) => r.kind === "events_api") as Request;
  const aClose = bases.find((r) => r.payload.type === "view_closed") as Request;
  const aClick = bases.find((r) => r.payload.type === "block_actions") as Request;
  const withEvent = (value: unknown, label: string): Request => ({
    ...anEvent,
    label,
    payload: { ...anEvent.payload, event: value },
  });
  const { event: _dropped, ...noEvent } = anEvent.payload;
  const clickOn = (actionId: string) =>
    mutate(aClick.payload, ["actions", 0, "action_id"], actionId, false);
  return [
    { ...anEvent, label: "event callback without event", payload: noEvent },
    withEvent(null, "event null"),
    withEvent("member_joined_channel", "event a string"),
    withEvent(42, "event a number"),
    withEvent([{ type: "message" }], "event a list"),
    withEvent({ user: USER, channel: "C0NONE" }, "event without type"),
    withEvent({ type: 7 }, "event type a number"),
    withEvent({ type: "message", channel: null }, "event channel null"),
    withEvent({ type: "reaction_added", item: "C0NONE" }, "event item a string"),
    { ...aClose, label: "view_closed, view null", payload: { ...aClose.payload, view: null } },
    { ...aClose, label: "view_closed, view a string", payload: { ...aClose.payload, view: "V1" } },
    {
      ...aClose,
      label: "view_closed, view without callback_id",
      payload: mutate(aClose.payload, ["view", "callback_id"], undefined, true) as Json & object,
    },
    {
      ...aClose,
      label: "view_closed, state a string",
      payload: mutate(aClose.payload, ["view", "state"], "x", false) as Json & object,
    },
    { ...aClick, label: "click, unknown action id", payload: clickOn("tasklist_v1_open") },
    { ...aClick, label: "click, actions empty", payload: { ...aClick.payload, actions: [] } },
    { ...aClick, label: "click, user a string", payload: { ...aClick.payload, user: USER } },
    { ...aClick, label: "no type at all", payload: { ...aClick.payload, type: undefined } },
  ] as Request[];
}

async function storeSnapshot(db: Database): Promise<string> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  // The heartbeat's row and the event-id ledger change with every process and every event.
  const skip = new Set(["Replica", "ProcessedEvent", "_prisma_migrations"]);
  const out: Record<string, unknown> = {};
  for (const { table_name } of tables) {
    if (skip.has(table_name)) continue;
    out[table_name] = await db.prisma.$queryRawUnsafe(`SELECT * FROM "${table_name}" ORDER BY 1`);
  }
  return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

interface Answer {
  label: string;
  status: number;
  ms: number;
}

async function sendAll(
  driver: SlackDriver,
  requests: Request[],
  concurrency: number,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++] as Request;
      const started = performance.now();
      const d = await driver.deliver(r.kind, r.payload as Json);
      answers.push({
        label: r.label,
        status: d.timedOut ? 0 : d.status,
        ms: performance.now() - started,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

async function idle(t: TestBot): Promise<void> {
  for (let i = 0; i < 2400; i++) {
    if (t.bot.work.active === 0 && t.bot.work.backlog === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the bot's work after the acks did not finish");
}

describe("fuzzed inbound requests", () => {
  let t: TestBot;
  let driver: SlackDriver;

  beforeAll(async () => {
    t = await startTestBot();
    driver = createDriver({
      emulator: t.emulator,
      appUrl: `http://127.0.0.1:${t.bot.port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      ackTimeoutMs: 10_000,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers each at once with 200 or 4xx, changes nothing and posts nothing", async () => {
    const bases = baseRequests();
    expect(bases.length).toBeGreaterThan(40);
    const known = knownFailures(bases);
    const requests = [...known, ...bases, ...fuzzed(bases)];
    const before = await storeSnapshot(t.db);
    const messagesBefore = [...t.emulator.workspace.messages.values()].flat().length;
    t.emulator.calls.clear();

    // The shapes that once got a 500 or no ack at all, one at a time: each answered 200.
    const knownAnswers = [];
    for (const r of known) knownAnswers.push(...(await sendAll(driver, [r], 1)));
    expect(knownAnswers.filter((a) => a.status !== 200)).toEqual([]);

    const answers = await sendAll(driver, requests.slice(known.length), CONCURRENCY);
    await idle(t);

    expect(answers).toHaveLength(requests.length - known.length);
    const wrong = answers.filter((a) => a.status < 200 || a.status >= 500);
    expect(wrong.slice(0, 10), `${wrong.length} wrong answers`).toEqual([]);
    // Bolt answers 404 when nothing acknowledged a request within 3 s. A handler that does its
    // checks before its ack can pass 3 s on a loaded machine; a request nobody acknowledges
    // gets it every time (the known shapes above).
    const late = answers.filter((a) => a.status === 404 || a.ms > SLACK_ACK_MS);
    expect(
      late.length,
      late
        .slice(0, 5)
        .map((a) => `${a.status} ${Math.round(a.ms)} ms ${a.label}`)
        .join("\n"),
    ).toBeLessThanOrEqual(Math.ceil(answers.length / 20));

    expect(await storeSnapshot(t.db)).toBe(before);
    expect([...t.emulator.workspace.messages.values()].flat().length).toBe(messagesBefore);
    const posting = ["chat.postMessage", "chat.update", "chat.delete", "conversations.join"];
    const posted = t.emulator.calls
      .all()
      .filter((c) => posting.includes(c.method) || c.method.startsWith("files."));
    expect(posted.map((c) => c.method)).toEqual([]);

    const health = await fetch(`http://127.0.0.1:${t.bot.port}/healthz`);
    expect(health.status).toBe(200);
  }, 480_000);

  it("acknowledges a click on a button the bot no longer has, and tells the clicker", async () => {
    t.emulator.calls.clear();
    const earlier = t.slack.ephemeralsFor(USER).length;
    const committee = t.org.committee.channel;
    const retired = mutate(
      click("tasklist_open_modal").payload,
      ["actions", 0, "action_id"],
      "tasklist_v1_open",
      false,
    ) as Record<string, unknown>;
    const inMessage = {
      ...retired,
      channel: { id: committee, name: "committee" },
      response_url: t.emulator.mintResponseUrl({ channel: committee, user: USER }),
    };
    const { response_url: _none, channel: _nowhere, ...onHome } = retired;
    const answers = [
      await driver.deliver("interactive", inMessage as Json),
      await driver.deliver("interactive", { ...onHome, container: { type: "view" } } as Json),
    ];
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    // In a message: through its response_url; on the Home tab (none): in the DM with the bot.
    await t.emulator.calls.waitFor("response_url");
    await t.emulator.calls.waitFor("chat.postEphemeral");
    const said = t.slack.ephemeralsFor(USER).slice(earlier);
    // The example org speaks zh-CN.
    const text = translate("zh-CN", "common.retiredButton");
    expect(said.map((e) => [e.channel === committee, e.text])).toEqual([
      [true, text],
      [false, text],
    ]);
    await idle(t);
  });
});
