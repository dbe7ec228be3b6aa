/**
 * A benchmark regression guard that needs no clock: the Web API calls and the queries one click
 * costs, counted by the local Slack and the query hook once the bot is idle. (The wall-clock
 * comparison with bare Bolt is `npm run bench:ratio`, outside `npm test`.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RealBot, replayItems, startRealBot } from "../../bench/ack-lib.ts";
import { untilIdle } from "../helpers/idle.ts";

let real: RealBot;

/** Web API calls (and response_url posts) by method, once the work after the ack is done. */
async function callsOf(send: () => Promise<unknown>): Promise<Record<string, number>> {
  await untilIdle(real.bot);
  real.emulator.calls.clear();
  await send();
  // The work runs after the ack, then what it queued goes out through the outbox.
  await untilIdle(real.bot);
  const counts: Record<string, number> = {};
  for (const c of real.emulator.calls.all()) counts[c.method] = (counts[c.method] ?? 0) + 1;
  return counts;
}

describe("ack benchmark guard", () => {
  beforeAll(async () => {
    // slowable: every query goes through the delay hook, which counts them (no delay is set).
    real = await startRealBot({ slowable: true });
  }, 120_000);
  afterAll(async () => {
    await real?.close();
  });

  it("an Approve click makes a fixed set of Web API calls, and a repeated one only answers", async () => {
    const [approve] = replayItems(real.emulator, { approve: real.payloads.approve }, 2);
    if (!approve) throw new Error("no approve payload");
    const send = (url: string) => () =>
      real.slack.deliver("interactive", {
        ...approve.payload,
        response_url: url,
      });
    const first = await callsOf(send(approve.responseUrls?.[0] ?? ""));
    // The plan in the branch channel and the secretary's DM; the committee message and the
    // reminder updated in place.
    expect(messaging(first)).toEqual({
      "chat.postMessage": 2,
      "chat.update": 2,
      "conversations.open": 1,
    });
    // App Home refreshes are debounced: at most one per person of the org.
    expect(first["views.publish"] ?? 0).toBeLessThanOrEqual(ORG_PEOPLE);
    real.delay.seen = [];
    const again = await callsOf(send(approve.responseUrls?.[1] ?? ""));
    // Already decided: an ephemeral answer through the response_url, nothing else.
    expect(messaging(again)).toEqual({ response_url: 1 });
    expect(again["views.publish"] ?? 0).toBe(0);
    // The list with its revisions, the clicker's roles, the org's language for the answer: no
    // transaction, no write. Left aside: the delivery worker's and the heartbeat's own polls
    // meanwhile (their models, and the worker's claims in raw SQL; the click path has none).
    const seen = real.delay.seen.filter((q) => !/^(Delivery|Replica|\$raw)\./.test(q));
    real.delay.seen = undefined;
    // findFirst, not findUnique: Prisma builds a batching key for every findUnique (why:
    // src/db/repositories/tasklist.ts).
    expect(seen).toEqual(["TaskList.findFirst", "Person.findFirst", "Organization.findFirst"]);
  }, 60_000);

  it("a repeated Mark done changes nothing and calls Slack for nothing, Homes included", async () => {
    const [markDone] = replayItems(real.emulator, { markDone: real.payloads.markDone }, 2);
    if (!markDone) throw new Error("no markDone payload");
    const send = (url: string) => () =>
      real.slack.deliver("interactive", { ...markDone.payload, response_url: url });
    const first = await callsOf(send(markDone.responseUrls?.[0] ?? ""));
    // The plan message shows the item done; the Homes that show the list are refreshed.
    expect(messaging(first)).toEqual({ "chat.update": 1 });
    expect(first["views.publish"] ?? 0).toBeGreaterThan(0);
    const again = await callsOf(send(markDone.responseUrls?.[1] ?? ""));
    expect(again).toEqual({});
  }, 60_000);
});

/** People in examples/org.yml. */
const ORG_PEOPLE = 13;

/** The calls that message people (not App Home publishes, not Bolt's token check). */
function messaging(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).filter(([m]) => m !== "views.publish" && m !== "auth.test"),
  );
}
