import { describe, expect, it } from "vitest";
import { Pacer } from "../../../src/services/outbox/pacer.ts";
import { STORES } from "../../helpers/database.ts";
import { useReplicas } from "../../jobs/helpers.ts";
import { enqueue, posted, useOutboxHarness } from "./helpers.ts";

const UNPACED = {
  perChannelMs: 0,
  methodIntervalMs: { "chat.postMessage": 0, "conversations.history": 0 },
};

describe.each(STORES)("several delivery workers on %s", (kind) => {
  const replicas = useReplicas(kind, 3);
  const harness = useOutboxHarness();

  it("when three workers drain one queue at once, then every delivery is posted exactly once", async () => {
    const dbs = replicas();
    const h = harness();
    // A little latency so the workers' claims and sends interleave.
    h.emulator.setFaults({ latencyMs: 2 });
    const channels = ["C0BRANCH1", "C0BRANCH2"];
    const requests = Array.from({ length: 60 }, (_, i) => ({
      dedupeKey: `fanout:${i}`,
      method: "chat.postMessage" as const,
      payload: { channel: channels[i % 2], text: `m${i}` },
    }));
    await enqueue(dbs[0]!, ...requests);
    const workers = dbs.map((db, i) =>
      h.worker(db, { replicaId: `replica-${i}`, batchSize: 4, pacer: new Pacer(UNPACED) }),
    );
    const reports = await Promise.all(workers.map((w) => w.drainOnce()));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(60);
    const messages = channels.flatMap((c) => posted(h, c));
    expect(messages).toHaveLength(60);
    const ids = messages.map((m) => String(m.metadata?.event_payload.delivery_id));
    expect(new Set(ids).size).toBe(60);
    expect(messages.map((m) => m.text).sort()).toEqual(requests.map((r) => r.payload.text).sort());
    expect(await dbs[0]!.prisma.delivery.count({ where: { status: "SENT" } })).toBe(60);
    if (kind === "postgres") {
      // Separate pools really shared the work.
      expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
    }
  });
});
