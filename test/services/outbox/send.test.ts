import { describe, expect, it } from "vitest";
import type { ResultHandlers } from "../../../src/services/outbox/result-handlers.ts";
import { METADATA_EVENT_TYPE } from "../../../src/services/outbox/send.ts";
import { STORES } from "../../helpers/database.ts";
import { useReplicas } from "../../jobs/helpers.ts";
import {
  CHANNEL,
  calledMethods,
  enqueue,
  OTHER_CHANNEL,
  posted,
  useOutboxHarness,
} from "./helpers.ts";

describe.each(STORES)("the outbox on %s", (kind) => {
  const replicas = useReplicas(kind, 1);
  const harness = useOutboxHarness();

  it("sends a post with its delivery id in the metadata and stores the ts through the result handler", async () => {
    const db = replicas()[0]!;
    const h = harness();
    const resultHandlers: ResultHandlers = {
      "test:": async (tx, ref, { channel, ts }) => {
        await tx.auditLog.create({
          data: { actor: "bot", action: "posted", entity: ref, entityId: `${channel}/${ts}` },
        });
      },
    };
    await enqueue(db, {
      dedupeKey: "test:1:reminder",
      method: "chat.postMessage",
      payload: { channel: CHANNEL, text: "Please submit your list" },
      resultRef: "test:1:reminder",
    });
    const report = await h.worker(db, { resultHandlers }).drainOnce();
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 0 });
    const [message, ...rest] = posted(h, CHANNEL);
    expect(rest).toEqual([]);
    expect(message?.text).toBe("Please submit your list");
    const row = await db.prisma.delivery.findUniqueOrThrow({
      where: { dedupeKey: "test:1:reminder" },
    });
    expect(message?.metadata).toEqual({
      event_type: METADATA_EVENT_TYPE,
      event_payload: { delivery_id: String(row.id) },
    });
    expect(row).toMatchObject({
      status: "SENT",
      attempts: 1,
      resultChannel: CHANNEL,
      resultTs: message?.ts,
      claimedBy: null,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({
      entity: "test:1:reminder",
      entityId: `${CHANNEL}/${message?.ts}`,
    });
  });

  it("enqueuing the same dedupe key again changes nothing and keeps the transaction going", async () => {
    const db = replicas()[0]!;
    const h = harness();
    const request = {
      dedupeKey: "test:2:notice",
      method: "chat.postMessage" as const,
      payload: { channel: CHANNEL, text: "first" },
    };
    expect(await enqueue(db, request)).toEqual([true]);
    const again = await db.prisma.$transaction(async (tx) => {
      const { enqueueDelivery } = await import("../../../src/services/outbox/enqueue.ts");
      const second = await enqueueDelivery(tx, {
        ...request,
        payload: { channel: CHANNEL, text: "second" },
      });
      // The transaction is still usable after the conflict.
      await tx.auditLog.create({ data: { actor: "t", action: "after-conflict", entity: "x" } });
      return second;
    });
    expect(again).toBe(false);
    expect(await db.prisma.auditLog.count()).toBe(1);
    await h.worker(db).drainOnce();
    await h.worker(db).drainOnce();
    expect(posted(h, CHANNEL).map((m) => m.text)).toEqual(["first"]);
    expect(await db.prisma.delivery.count()).toBe(1);
  });

  it("an update enqueued after its post is sent once the post has a ts, and edits that message", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(
      db,
      {
        dedupeKey: "list:update",
        method: "chat.update",
        payload: { text: "Approved" },
        after: "list:post",
      },
      {
        dedupeKey: "list:post",
        method: "chat.postMessage",
        payload: { channel: CHANNEL, text: "Submitted" },
      },
      {
        dedupeKey: "list:reply",
        method: "chat.postMessage",
        payload: { text: "Comment in thread" },
        after: "list:post",
      },
    );
    const report = await h.worker(db).drainOnce();
    expect(report.sent).toBe(3);
    const [parent, reply] = posted(h, CHANNEL);
    expect(parent).toMatchObject({ text: "Approved", edited: expect.anything() });
    expect(reply).toMatchObject({ text: "Comment in thread", thread_ts: parent?.ts });
  });

  it("paces posts to one channel at one per second, and other channels independently", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(
      db,
      { dedupeKey: "a1", method: "chat.postMessage", payload: { channel: CHANNEL, text: "a1" } },
      { dedupeKey: "a2", method: "chat.postMessage", payload: { channel: CHANNEL, text: "a2" } },
      {
        dedupeKey: "b1",
        method: "chat.postMessage",
        payload: { channel: OTHER_CHANNEL, text: "b1" },
      },
    );
    // One lane: the emulator stamps a call when it arrives, and on the manual clock another
    // lane's pacing sleep moves time on while a post is still on its way.
    await h.worker(db, { lanes: 1 }).drainOnce();
    const times = h.emulator.calls.of("chat.postMessage").map((c) => ({
      channel: c.args.channel,
      time: c.time,
    }));
    const inChannel = times.filter((t) => t.channel === CHANNEL).map((t) => t.time);
    expect(inChannel).toHaveLength(2);
    expect(inChannel[1]! - inChannel[0]!).toBeGreaterThanOrEqual(1000);
    expect(posted(h, OTHER_CHANNEL).map((m) => m.text)).toEqual(["b1"]);
  });

  it("a dm opens the conversation, then posts in it", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, {
      dedupeKey: "dm:1",
      method: "dm",
      payload: { user: "U0MEMBER", text: "Your turn" },
    });
    await h.worker(db).drainOnce();
    expect(calledMethods(h)).toEqual(["conversations.open", "chat.postMessage"]);
    const dm = h.emulator.workspace.dmWith("U0MEMBER");
    expect(posted(h, dm.id).map((m) => m.text)).toEqual(["Your turn"]);
    const row = await db.prisma.delivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", resultChannel: dm.id });
  });

  it("publishes App Home views and ephemeral notes", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(
      db,
      {
        dedupeKey: "home:U0MEMBER:1",
        method: "views.publish",
        payload: { user_id: "U0MEMBER", view: { type: "home", blocks: [] } },
      },
      {
        dedupeKey: "eph:1",
        method: "chat.postEphemeral",
        payload: { channel: CHANNEL, user: "U0MEMBER", text: "Only you can see this" },
      },
    );
    const report = await h.worker(db).drainOnce();
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(h.emulator.workspace.homeViews.get("U0MEMBER")).toBeDefined();
    expect(h.emulator.workspace.ephemerals.map((e) => e.text)).toEqual(["Only you can see this"]);
  });
});
