import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type BlockAction, type ButtonAction, LogLevel, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createSlackEmulator } from "../../src/localslack/index.ts";
import { ListenerRouter } from "../../src/slack/router.ts";
import { WorkGate } from "../../src/slack/work-gate.ts";

/** A Bolt App that never listens: requests go straight to `processEvent`. */
function boltApp(): App {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  // botId and botUserId given: Bolt asks auth.test for nothing.
  return new App({
    token: "xoxb-test",
    botId: "B0TEST",
    botUserId: "U0BOT",
    receiver,
    tokenVerificationEnabled: false,
  });
}

/** Sends a body through Bolt as its receiver would; resolves with what was acked. */
async function send(app: App, body: Record<string, unknown>) {
  const acks: unknown[] = [];
  await app.processEvent({
    body,
    ack: async (response?: unknown) => {
      acks.push(response ?? null);
    },
  });
  return acks;
}

const click = (actionId: string, value: string) => ({
  type: "block_actions",
  team: { id: "T0TEST" },
  user: { id: "U0CLICKER", team_id: "T0TEST" },
  api_app_id: "A0TEST",
  token: "verification",
  trigger_id: "1.2.3",
  container: { type: "message", channel_id: "C0TEST", message_ts: "1.000001" },
  channel: { id: "C0TEST" },
  actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1.1" }],
});

const view = (type: "view_submission" | "view_closed", callbackId: string) => ({
  type,
  team: { id: "T0TEST" },
  user: { id: "U0CLICKER", team_id: "T0TEST" },
  api_app_id: "A0TEST",
  token: "verification",
  view: { id: "V0TEST", callback_id: callbackId, type: "modal", state: { values: {} } },
});

describe("the listener router", () => {
  it("sends a click to the one handler of its action_id, with Bolt's arguments", async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    router.app.action<BlockAction<ButtonAction>>("approve", async ({ ack, action, body, next }) => {
      await ack();
      seen.push(`approve ${action.value} by ${body.user.id}`);
      // As Bolt gives its listeners: a no-op, not the rest of Bolt's chain.
      await next();
    });
    router.app.action("return", async ({ ack }) => {
      await ack();
      seen.push("return");
    });
    const app = boltApp();
    router.mount(app);
    app.action("approve", async () => {
      seen.push("Bolt's own listener");
    });
    expect(await send(app, click("approve", "list-7"))).toEqual([null]);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(["approve list-7 by U0CLICKER"]);
  });

  it("keeps a modal's submission and its closing apart", async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    router.app.view("list", async ({ ack, view }) => {
      await ack({ response_action: "clear" });
      seen.push(`submitted ${view.id}`);
    });
    router.app.view({ callback_id: "list", type: "view_closed" }, async ({ ack }) => {
      await ack();
      seen.push("closed");
    });
    const app = boltApp();
    router.mount(app);
    expect(await send(app, view("view_submission", "list"))).toEqual([
      { response_action: "clear" },
    ]);
    expect(await send(app, view("view_closed", "list"))).toEqual([null]);
    expect(await send(app, view("view_submission", "other"))).toEqual([]);
    expect(seen).toEqual(["submitted V0TEST", "closed"]);
  });

  it("reports each ack's kind and time, events aside (Bolt acked them itself)", async () => {
    const timed: [string, number][] = [];
    const router = new ListenerRouter({
      acked: (kind, seconds) => void timed.push([kind, seconds]),
    });
    router.app.action("approve", async ({ ack }) => {
      await new Promise((r) => setTimeout(r, 20));
      await ack();
    });
    router.app.view("list", async ({ ack }) => {
      await ack();
    });
    router.app.event("app_home_opened", async () => {});
    const app = boltApp();
    router.mount(app);
    await send(app, click("approve", "x"));
    await send(app, view("view_submission", "list"));
    await send(app, {
      type: "event_callback",
      team_id: "T0TEST",
      api_app_id: "A0TEST",
      event_id: "Ev9",
      event_time: 1,
      event: { type: "app_home_opened", user: "U0CLICKER", tab: "home", event_ts: "1.1" },
    });
    expect(timed.map(([kind]) => kind)).toEqual(["action", "view"]);
    expect(timed[0]?.[1]).toBeGreaterThanOrEqual(0.019);
    expect(timed[0]?.[1]).toBeLessThan(1);
  });

  it("acks a click no feature handles (an old message's button) and tells the clicker it is retired", async () => {
    const slack = createSlackEmulator({
      users: [{ id: "U0CLICKER", name: "clicker" }],
      channels: [],
    });
    await slack.start();
    try {
      const router = new ListenerRouter({ retiredButton: async () => "no longer in use" });
      const ran: string[] = [];
      router.app.action("approve", async ({ ack }) => {
        await ack();
        ran.push("approve");
      });
      const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
      const app = new App({
        token: slack.workspace.bot.token,
        botId: "B0TEST",
        botUserId: "U0BOT",
        receiver,
        clientOptions: { slackApiUrl: slack.url },
        tokenVerificationEnabled: false,
      });
      router.mount(app);
      expect(await send(app, click("something-else", "x"))).toEqual([null]);
      const told = await slack.calls.waitFor("chat.postEphemeral");
      expect(told.args).toMatchObject({ user: "U0CLICKER", text: "no longer in use" });
      expect(ran).toEqual([]);
    } finally {
      await slack.stop();
    }
  });

  it("runs every handler registered for one event type", async () => {
    const router = new ListenerRouter();
    const seen: string[] = [];
    router.app.event("member_joined_channel", async ({ event }) => {
      seen.push(`roster ${event.user}`);
    });
    router.app.event("member_joined_channel", async ({ event }) => {
      seen.push(`home ${event.user}`);
    });
    router.app.event("app_home_opened", async () => {
      seen.push("home opened");
    });
    const app = boltApp();
    router.mount(app);
    await send(app, {
      type: "event_callback",
      team_id: "T0TEST",
      api_app_id: "A0TEST",
      event_id: "Ev1",
      event_time: 1,
      event: { type: "member_joined_channel", user: "U0NEW", channel: "C0TEST", event_ts: "1.1" },
    });
    expect(seen.sort()).toEqual(["home U0NEW", "roster U0NEW"]);
  });

  it("runs an event's handlers once per event_id, and passes what it does not route on to Bolt", async () => {
    const firsts = new Set<string>();
    const router = new ListenerRouter({
      firstDelivery: async (eventId) => !firsts.has(eventId) && Boolean(firsts.add(eventId)),
    });
    const seen: string[] = [];
    router.app.event("member_joined_channel", async ({ event }) => {
      seen.push(`joined ${event.user}`);
    });
    const app = boltApp();
    router.mount(app);
    app.shortcut("not-routed", async ({ ack }) => {
      await ack();
      seen.push("Bolt's own listener");
    });
    const joined = (eventId: string) => ({
      type: "event_callback",
      team_id: "T0TEST",
      api_app_id: "A0TEST",
      event_id: eventId,
      event_time: 1,
      event: { type: "member_joined_channel", user: "U0NEW", channel: "C0TEST", event_ts: "1.1" },
    });
    await send(app, joined("Ev1"));
    await send(app, joined("Ev1"));
    await send(app, joined("Ev2"));
    const shortcut = {
      type: "shortcut",
      callback_id: "not-routed",
      trigger_id: "1.2.3",
      team: { id: "T0TEST" },
      user: { id: "U0CLICKER", team_id: "T0TEST" },
      token: "verification",
      action_ts: "1.1",
    };
    expect(await send(app, shortcut)).toEqual([null]);
    expect(seen).toEqual(["joined U0NEW", "joined U0NEW", "Bolt's own listener"]);
    expect([...firsts]).toEqual(["Ev1", "Ev2"]);
  });

  it("refuses at registration what it cannot route by a plain id", () => {
    const router = new ListenerRouter();
    expect(() => router.app.action(/approve/, async () => {})).toThrow(/plain action_id/);
    expect(() => router.app.action({ block_id: "b" }, async () => {})).toThrow(/plain action_id/);
    expect(() =>
      router.app.action(
        "two",
        async ({ next }) => next(),
        async () => {},
      ),
    ).toThrow(/one handler/);
  });
  it("acks every request at once and runs their work after the acks, as many at a time as the gate admits", async () => {
    const gate = new WorkGate(1);
    const router = new ListenerRouter({ gate });
    const log: string[] = [];
    const finish = new Map<string, () => void>();
    router.app.action<BlockAction<ButtonAction>>("approve", async ({ ack, action }) => {
      await ack();
      log.push(`work ${action.value}`);
      await new Promise<void>((resolve) => finish.set(action.value ?? "", resolve));
      log.push(`done ${action.value}`);
    });
    const app = boltApp();
    router.mount(app);
    const acks: string[] = [];
    const boltDone: string[] = [];
    for (const v of ["1", "2", "3"]) {
      app
        .processEvent({ body: click("approve", v), ack: async () => void acks.push(v) })
        .then(() => boltDone.push(v));
    }
    const turn = () => new Promise((r) => setImmediate(r));
    await turn();
    await turn();
    expect(acks).toEqual(["1", "2", "3"]);
    expect(log).toEqual(["work 1"]);
    expect(gate.backlog).toBe(2);
    // Bolt is done with each request at its ack (and lets go of its HTTP request and response),
    // though the work behind it is still running or waiting.
    expect(boltDone).toEqual(["1", "2", "3"]);
    finish.get("1")?.();
    await turn();
    await turn();
    expect(log).toEqual(["work 1", "done 1", "work 2"]);
    finish.get("2")?.();
    await turn();
    await turn();
    finish.get("3")?.();
    await turn();
    expect(log).toEqual(["work 1", "done 1", "work 2", "done 2", "work 3", "done 3"]);
    expect([gate.active, gate.backlog]).toEqual([0, 0]);
  });
  it("with no room, a Home-tab click (no response_url) hears why in the person's DM", async () => {
    const slack = createSlackEmulator({
      users: [{ id: "U0CLICKER", name: "clicker" }],
      channels: [],
    });
    await slack.start();
    try {
      const router = new ListenerRouter({
        gate: new (class extends WorkGate {
          override get full() {
            return true;
          }
        })(1),
        overload: { text: async () => "too busy", shouldTell: () => true, refused: () => {} },
      });
      const ran: string[] = [];
      router.app.action("home_approve", async ({ ack }) => {
        await ack();
        ran.push("approve");
      });
      const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
      const app = new App({
        token: slack.workspace.bot.token,
        botId: "B0TEST",
        botUserId: "U0BOT",
        receiver,
        clientOptions: { slackApiUrl: slack.url },
        tokenVerificationEnabled: false,
      });
      router.mount(app);
      const homeClick = {
        ...click("home_approve", "x"),
        container: { type: "view", view_id: "V0HOME" },
        view: { id: "V0HOME", type: "home" },
        channel: undefined,
      };
      expect(await send(app, homeClick)).toEqual([null]);
      const told = await slack.calls.waitFor("chat.postEphemeral");
      expect(told.args).toMatchObject({ user: "U0CLICKER", text: "too busy" });
      expect(ran).toEqual([]);
    } finally {
      await slack.stop();
    }
  });

  it("an error after the ack is logged; one before it goes to Bolt's error handler", async () => {
    const router = new ListenerRouter({ gate: new WorkGate(1) });
    router.app.action("late", async ({ ack }) => {
      await ack();
      throw new Error("failed after the ack");
    });
    router.app.action("early", async () => {
      throw new Error("failed before the ack");
    });
    const logged: unknown[] = [];
    const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
    const logger = {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (...message: unknown[]) => void logged.push(...message),
      setLevel: () => {},
      getLevel: () => LogLevel.ERROR,
      setName: () => {},
    };
    const app = new App({
      token: "xoxb-test",
      botId: "B0TEST",
      botUserId: "U0BOT",
      receiver,
      logger,
      tokenVerificationEnabled: false,
    });
    const boltErrors: unknown[] = [];
    app.error(async (error) => void boltErrors.push(error.original ?? error));
    router.mount(app);
    expect(await send(app, click("late", "x"))).toEqual([null]);
    await new Promise((r) => setTimeout(r, 10));
    expect(logged.map(String)).toEqual(["Error: failed after the ack"]);
    expect(await send(app, click("early", "x"))).toEqual([]);
    expect(boltErrors.map(String)).toEqual(["Error: failed before the ack"]);
  });

  it("with no room left for waiting work, answers at once, runs no handler and says why", async () => {
    const gate = new WorkGate(1, { min: 1, max: 1, maxWaiting: 1 });
    const refused: string[] = [];
    const router = new ListenerRouter({
      gate,
      overload: {
        text: async () => "too busy",
        shouldTell: () => true,
        refused: (kind) => refused.push(kind),
      },
    });
    const ran: string[] = [];
    let release = () => {};
    router.app.action<BlockAction<ButtonAction>>("approve", async ({ ack, action }) => {
      await ack();
      ran.push(action.value ?? "");
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    router.app.view("list", async ({ ack }) => {
      await ack();
      ran.push("list");
    });
    const app = boltApp();
    router.mount(app);
    const turn = () => new Promise((r) => setImmediate(r));
    const running = app.processEvent({ body: click("approve", "1"), ack: async () => {} });
    const waiting = app.processEvent({ body: click("approve", "2"), ack: async () => {} });
    await turn();
    await turn();
    expect([gate.active, gate.backlog, gate.full]).toEqual([1, 1, true]);

    // The click's response_url: a local server standing in for Slack's, to hear the answer.
    const answered: unknown[] = [];
    const responseUrls = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        answered.push(JSON.parse(body));
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => responseUrls.listen(0, "127.0.0.1", resolve));
    const { port } = responseUrls.address() as AddressInfo;
    const acks: unknown[] = [];
    await app.processEvent({
      body: { ...click("approve", "3"), response_url: `http://127.0.0.1:${port}/respond` },
      ack: async (r?: unknown) => void acks.push(r ?? null),
    });
    responseUrls.close();
    const submitted = {
      ...view("view_submission", "list"),
      view: {
        ...view("view_submission", "list").view,
        blocks: [
          { type: "section", block_id: "intro" },
          { type: "input", block_id: "item_0" },
        ],
      },
    };
    await app.processEvent({ body: submitted, ack: async (r?: unknown) => void acks.push(r) });
    expect(ran).toEqual(["1"]);
    expect(answered).toEqual([
      { response_type: "ephemeral", replace_original: false, text: "too busy" },
    ]);
    expect(acks).toEqual([null, { response_action: "errors", errors: { item_0: "too busy" } }]);
    expect(refused).toEqual(["block_actions", "view_submission"]);

    release();
    await turn();
    await turn();
    release();
    await Promise.all([running, waiting]);
    expect(ran).toEqual(["1", "2"]);
    expect(gate.full).toBe(false);
  });
});
