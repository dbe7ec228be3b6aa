/**
 * The sandbox's clock jumps days ahead of the wall clock; the outbox must still send each message
 * once. A second delivery worker on the business clock used to take every lease the bot's worker
 * held for expired and post the reminders again, so the page showed two and the update landed on
 * the other one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { enqueueDelivery } from "../../src/services/outbox/index.ts";
import { eventually } from "./eventually.ts";
import { startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

const BRANCH_CHANNELS = ["C0RESETTLE", "C0SERVICE", "C0RIGHTS", "C0OFFICE"];

describe("the sandbox's outbox after a clock jump", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("posts the monthly reminder once per branch, each delivery claimed once", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const answer = await fetch(`${sandbox.url}sandbox/api/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ command: "job:monthly-reminder" }),
    });
    expect(((await answer.json()) as { lines: string[] }).lines.join("\n")).toMatch(
      /发出4条月度提醒/,
    );
    const deliveries = () =>
      sandbox.bot.ctx.db.prisma.delivery.findMany({
        where: { dedupeKey: { endsWith: ":reminder" } },
      });
    await eventually(async () => (await deliveries()).map((d) => d.status)).toEqual(
      BRANCH_CHANNELS.map(() => "SENT"),
    );

    for (const d of await deliveries()) expect(d, d.dedupeKey).toMatchObject({ attempts: 1 });
    for (const channel of BRANCH_CHANNELS) {
      const reminders = sandbox.emulator.workspace
        .history(channel)
        .filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes("任务清单"));
      expect(
        reminders.map((m) => m.ts),
        channel,
      ).toHaveLength(1);
    }
  }, 120_000);

  it("leaves a message the bot's worker is sending to that worker while the page drains", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    await fetch(`${sandbox.url}sandbox/api/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ command: "advance:86400000" }),
    });
    expect(sandbox.clock.offsetMs()).toBeGreaterThan(80_000_000);
    // Slack answers slowly: the page's drain every second comes round while the send is in flight.
    sandbox.emulator.setFaults({
      rules: [{ method: "chat.postMessage", channel: "C0OFFICE", latencyMs: 2_500, times: 1 }],
    });
    await sandbox.bot.ctx.db.prisma.$transaction((tx) =>
      enqueueDelivery(tx, {
        dedupeKey: "test:once",
        method: "chat.postMessage",
        payload: { channel: "C0OFFICE", text: "只发一次" },
      }),
    );
    await sandbox.bot.ctx.deliveries.drainOnce();
    await eventually(() =>
      sandbox.bot.ctx.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: "test:once" } }),
    ).toMatchObject({ status: "SENT", claimedBy: null });

    const posts = sandbox.emulator.calls
      .all()
      .filter((c) => c.method === "chat.postMessage" && c.args.text === "只发一次");
    expect(posts).toHaveLength(1);
    const inChannel = sandbox.emulator.workspace
      .history("C0OFFICE")
      .filter((m) => m.text === "只发一次");
    expect(inChannel).toHaveLength(1);
  }, 120_000);
});
