import { describe, expect, it } from "vitest";
import { createDeliveryClient } from "../../../src/services/outbox/client.ts";
import type { ResultHandlers } from "../../../src/services/outbox/result-handlers.ts";
import { STORES } from "../../helpers/database.ts";
import { freePort } from "../../helpers/processes.ts";
import { useReplicas } from "../../jobs/helpers.ts";
import {
  CHANNEL,
  calledMethods,
  enqueue,
  OUTSIDE_CHANNEL,
  posted,
  seedAdmins,
  useOutboxHarness,
} from "./helpers.ts";

const post = (key: string, text = key, channel = CHANNEL) => ({
  dedupeKey: key,
  method: "chat.postMessage" as const,
  payload: { channel, text },
});

describe.each(STORES)("outbox failures on %s", (kind) => {
  const replicas = useReplicas(kind, 1);
  const harness = useOutboxHarness();

  it("after a 429, waits Retry-After before sending again, without counting an attempt", async () => {
    const db = replicas()[0]!;
    const h = harness();
    h.emulator.setFaults({
      rules: [{ method: "chat.postMessage", status: 429, retryAfter: 30, times: 1 }],
    });
    await enqueue(db, post("rl:1"));
    const worker = h.worker(db);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await db.prisma.delivery.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 0, lastError: "ratelimited" });
    expect(waiting.notBefore.getTime()).toBe(h.clock.nowMs() + 30_000);
    h.clock.advance(29_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retried: 0 });
    h.clock.advance(1_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    expect(posted(h, CHANNEL).map((m) => m.text)).toEqual(["rl:1"]);
    // No history lookup: a 429 proves the first call never posted.
    expect(calledMethods(h)).toEqual(["chat.postMessage", "chat.postMessage"]);
    const metrics = await h.metrics.registry.getSingleMetricAsString(
      "pbb_slack_rate_limited_total",
    );
    expect(metrics).toContain('pbb_slack_rate_limited_total{method="chat.postMessage"} 1');
  });

  it("while Slack cannot be reached at all, attempts do not count: nothing is given up, and it is sent once Slack answers", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, post("down:1"));
    // A port nothing listens on: the connection is refused, no request reaches Slack.
    const dead = await freePort();
    const unreachable = h.worker(db, {
      client: createDeliveryClient(h.emulator.workspace.bot.token, {
        slackApiUrl: `http://127.0.0.1:${dead}/api/`,
      }),
      maxAttempts: 3,
    });
    for (let i = 0; i < 6; i++) {
      expect(await unreachable.drainOnce()).toMatchObject({ sent: 0, failed: 0, retried: 1 });
      const waiting = await db.prisma.delivery.findFirstOrThrow();
      expect(waiting).toMatchObject({
        status: "PENDING",
        attempts: 0,
        lastError: "slack_unreachable: ECONNREFUSED",
      });
      h.clock.advance(waiting.notBefore.getTime() - h.clock.nowMs());
    }
    expect(await h.worker(db).drainOnce()).toMatchObject({ sent: 1 });
    expect(posted(h, CHANNEL).map((m) => m.text)).toEqual(["down:1"]);
    // A first attempt as far as Slack knows: no history lookup for an earlier copy.
    expect(calledMethods(h)).toEqual(["chat.postMessage"]);
  });

  it("a 429 pauses the method for the other deliveries of the process too", async () => {
    const db = replicas()[0]!;
    const h = harness();
    h.emulator.setFaults({
      rules: [{ method: "chat.postMessage", status: 429, retryAfter: 20, times: 1 }],
    });
    await enqueue(db, post("rl:a"), post("rl:b", "rl:b", "C0BRANCH2"));
    // One lane: on the manual clock a second lane's pacing wait ends at once, so its post
    // would already be on its way when the 429 comes back; in real time the wait outlasts it.
    const worker = () => h.worker(db, { lanes: 1 });
    expect(await worker().drainOnce()).toMatchObject({ sent: 0, retried: 1, deferred: 1 });
    expect(h.emulator.calls.count("chat.postMessage")).toBe(1);
    h.clock.advance(20_000);
    expect(await worker().drainOnce()).toMatchObject({ sent: 2 });
  });

  it("retries 5xx answers with exponential backoff, looking for an earlier post before resending", async () => {
    const db = replicas()[0]!;
    const h = harness();
    h.emulator.setFaults({ rules: [{ method: "chat.postMessage", status: 503, times: 2 }] });
    await enqueue(db, post("5xx:1"));
    const worker = h.worker(db);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    const first = await db.prisma.delivery.findFirstOrThrow();
    expect(first).toMatchObject({ attempts: 1, lastError: "http_503" });
    // random() = 1: the full backoff, 5 s then 10 s.
    expect(first.notBefore.getTime()).toBe(h.clock.nowMs() + 5_000);
    h.clock.advance(5_000);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    const second = await db.prisma.delivery.findFirstOrThrow();
    expect(second.notBefore.getTime()).toBe(h.clock.nowMs() + 10_000);
    h.clock.advance(10_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    expect(posted(h, CHANNEL)).toHaveLength(1);
    expect(await db.prisma.delivery.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      attempts: 3,
    });
    expect(calledMethods(h)).toEqual([
      "chat.postMessage",
      "conversations.history",
      "chat.postMessage",
      "conversations.history",
      "chat.postMessage",
    ]);
  });

  it("a newer update of a message supersedes an older one waiting for its retry, so the newer content stays", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, post("msg:post"));
    expect(await h.worker(db).drainOnce()).toMatchObject({ sent: 1 });
    const [message] = posted(h, CHANNEL);
    const update = (key: string, text: string) => ({
      dedupeKey: key,
      method: "chat.update" as const,
      payload: { text },
      after: "msg:post",
    });
    h.emulator.setFaults({ rules: [{ method: "chat.update", status: 503, times: 1 }] });
    await enqueue(db, update("msg:v1", "Submitted (v1)"));
    expect(await h.worker(db).drainOnce()).toMatchObject({ retried: 1 });
    // v2 comes while v1 waits for its retry: v1 must never land after it.
    await enqueue(db, update("msg:v2", "Approved (v2)"));
    h.clock.advance(60_000);
    expect(await h.worker(db).drainOnce()).toMatchObject({ sent: 1, retried: 0 });
    expect(posted(h, CHANNEL)).toEqual([
      expect.objectContaining({ ts: message?.ts, text: "Approved (v2)" }),
    ]);
    const rows = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.dedupeKey, r.status])).toEqual([
      ["msg:post", "SENT"],
      ["msg:v1", "SUPERSEDED"],
      ["msg:v2", "SENT"],
    ]);
    expect(rows[1]?.lastError).toBe("superseded by msg:v2");
    // Updates of another message are not touched, nor one enqueued again under its own key.
    expect(await enqueue(db, update("msg:v2", "Approved (v2)"))).toEqual([false]);
  });

  it("an update naming its message by channel and ts supersedes only that message's older updates", async () => {
    const db = replicas()[0]!;
    const update = (key: string, ts: string) => ({
      dedupeKey: key,
      method: "chat.update" as const,
      payload: { channel: CHANNEL, ts, text: key },
    });
    await enqueue(db, update("a:v1", "1.000001"), update("b:v1", "2.000002"));
    await enqueue(db, update("a:v2", "1.000001"));
    const rows = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.dedupeKey, r.status])).toEqual([
      ["a:v1", "SUPERSEDED"],
      ["b:v1", "PENDING"],
      ["a:v2", "PENDING"],
    ]);
  });

  it("gives up after the last attempt and reports it", async () => {
    const db = replicas()[0]!;
    await seedAdmins(db);
    const h = harness();
    h.emulator.setFaults({
      rules: [{ method: "chat.postMessage", channel: CHANNEL, status: 500 }],
    });
    await enqueue(db, post("5xx:2"));
    const worker = h.worker(db, { maxAttempts: 2 });
    await worker.drainOnce();
    h.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ failed: 1 });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: "5xx:2" } });
    expect(row).toMatchObject({ status: "FAILED", lastError: "gave_up: http_500" });
    expect(row.reportedAt).not.toBeNull();
  });

  it("a permanent error fails the delivery at once and tells each admin once, with the fix", async () => {
    const db = replicas()[0]!;
    await seedAdmins(db, "zh-CN");
    const h = harness();
    await enqueue(db, post("perm:1", "hello", OUTSIDE_CHANNEL));
    const worker = h.worker(db);
    const report = await worker.drainOnce();
    expect(report).toMatchObject({ failed: 1, sent: 2 });
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: "perm:1" } });
    expect(row).toMatchObject({ status: "FAILED", lastError: "not_in_channel", attempts: 1 });
    expect(row.reportedAt).not.toBeNull();
    expect(posted(h, OUTSIDE_CHANNEL)).toEqual([]);
    for (const admin of ["U0ADMIN1", "U0ADMIN2"]) {
      const texts = posted(h, h.emulator.workspace.dmWith(admin).id).map((m) => m.text);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain(`<#${OUTSIDE_CHANNEL}>`);
      expect(texts[0]).toContain("not_in_channel");
      expect(texts[0]).toContain("/invite");
      expect(texts[0]).toContain(`投递编号${row.id}`);
    }
    const member = h.emulator.workspace.dmWith("U0MEMBER").id;
    expect(posted(h, member)).toEqual([]);
    // Nothing more on later drains: the failure is reported once.
    h.clock.advance(3_600_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, failed: 0 });
    expect(await db.prisma.delivery.count()).toBe(3);
  });

  it("when the send reached Slack but recording it failed, the retry adopts the message instead of posting again", async () => {
    const db = replicas()[0]!;
    const h = harness();
    let crashes = 1;
    const resultHandlers: ResultHandlers = {
      "list:": async (tx, ref, { ts }) => {
        if (crashes-- > 0) throw new Error("process died before recording");
        await tx.auditLog.create({
          data: { actor: "bot", action: "posted", entity: ref, entityId: ts },
        });
      },
    };
    await enqueue(db, { ...post("crash:1", "Reminder"), resultRef: "list:7:reminder" });
    const worker = h.worker(db, { resultHandlers });
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    expect(posted(h, CHANNEL)).toHaveLength(1);
    expect(await db.prisma.delivery.findFirstOrThrow()).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });
    h.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ adopted: 1, sent: 0 });
    const [message, ...others] = posted(h, CHANNEL);
    expect(others).toEqual([]);
    expect(await db.prisma.delivery.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      resultTs: message?.ts,
      resultChannel: CHANNEL,
    });
    expect(await db.prisma.auditLog.findFirstOrThrow()).toMatchObject({ entityId: message?.ts });
    expect(calledMethods(h)).toEqual(["chat.postMessage", "conversations.history"]);
  });

  it("when a replica died holding a claim, another takes it after the lease and does not post twice", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, post("lease:1", "Notice"));
    const row = await db.prisma.delivery.findFirstOrThrow();
    // The dead replica claimed the row, posted, and died before recording anything.
    await db.prisma.delivery.update({
      where: { id: row.id },
      data: { attempts: 1, claimedBy: "dead", claimedUntil: new Date(h.clock.nowMs() + 120_000) },
    });
    h.emulator.workspace.addMessage({
      channel: CHANNEL,
      user: h.emulator.workspace.bot.userId,
      bot_id: h.emulator.workspace.bot.botId,
      text: "Notice",
      metadata: { event_type: "pbb_delivery", event_payload: { delivery_id: String(row.id) } },
    });
    const worker = h.worker(db, { replicaId: "survivor" });
    expect(await worker.drainOnce()).toMatchObject({ adopted: 0, sent: 0 });
    h.clock.advance(121_000);
    expect(await worker.drainOnce()).toMatchObject({ adopted: 1 });
    expect(posted(h, CHANNEL)).toHaveLength(1);
    expect(h.emulator.calls.count("chat.postMessage")).toBe(0);
  });

  it("an update whose post failed for good fails too, without a second report", async () => {
    const db = replicas()[0]!;
    await seedAdmins(db);
    const h = harness();
    await enqueue(db, post("dep:post", "x", OUTSIDE_CHANNEL), {
      dedupeKey: "dep:update",
      method: "chat.update",
      payload: { text: "y" },
      after: "dep:post",
    });
    await h.worker(db).drainOnce();
    const update = await db.prisma.delivery.findUniqueOrThrow({
      where: { dedupeKey: "dep:update" },
    });
    expect(update).toMatchObject({
      status: "FAILED",
      lastError: "dependency_failed",
      reportedAt: null,
    });
    expect(
      await db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "delivery-failed:" } } }),
    ).toBe(2);
  });
});
