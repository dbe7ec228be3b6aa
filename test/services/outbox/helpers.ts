import { afterEach, beforeEach } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { createSlackEmulator, type SlackEmulator } from "../../../src/localslack/emulator/index.ts";
import { createMetrics, type Metrics } from "../../../src/observability/metrics.ts";
import { createDeliveryClient } from "../../../src/services/outbox/client.ts";
import { type DeliveryRequest, enqueueDelivery } from "../../../src/services/outbox/enqueue.ts";
import { Pacer } from "../../../src/services/outbox/pacer.ts";
import {
  createDeliveryWorker,
  type DeliveryWorkerOptions,
} from "../../../src/services/outbox/worker.ts";
import { logger, manualClock } from "../../jobs/helpers.ts";

export const CHANNEL = "C0BRANCH1";
export const OTHER_CHANNEL = "C0BRANCH2";
export const OUTSIDE_CHANNEL = "C0OUTSIDE";

export interface OutboxHarness {
  emulator: SlackEmulator;
  clock: ReturnType<typeof manualClock>;
  metrics: Metrics;
  worker(
    db: Database,
    options?: Partial<DeliveryWorkerOptions>,
  ): ReturnType<typeof createDeliveryWorker>;
}

/** A started Slack emulator on a manual clock, and workers with real WebClients pointed at it. */
export function useOutboxHarness(): () => OutboxHarness {
  let harness: OutboxHarness | undefined;
  beforeEach(async () => {
    // Ahead of the database clock, so rows enqueued now (notBefore = now()) are due.
    const clock = manualClock(new Date(Date.now() + 60_000));
    const emulator = createSlackEmulator({
      now: clock.nowMs,
      users: [{ id: "U0ADMIN1" }, { id: "U0ADMIN2" }, { id: "U0MEMBER" }],
      channels: [
        { id: CHANNEL, name: "branch-1", botMember: true, members: ["U0MEMBER"] },
        { id: OTHER_CHANNEL, name: "branch-2", botMember: true },
        { id: OUTSIDE_CHANNEL, name: "outside" },
      ],
    });
    await emulator.start();
    const metrics = createMetrics();
    harness = {
      emulator,
      clock,
      metrics,
      worker: (db, options = {}) =>
        createDeliveryWorker({
          db,
          client: createDeliveryClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url }),
          replicaId: "worker-1",
          logger,
          metrics,
          pacer: new Pacer(),
          now: clock.now,
          sleep: (ms) => clock.sleep(ms),
          random: () => 1,
          ...options,
        }),
    };
  });
  afterEach(async () => {
    await harness?.emulator.stop();
  });
  return () => harness!;
}

export async function enqueue(db: Database, ...requests: DeliveryRequest[]): Promise<boolean[]> {
  return db.prisma.$transaction(async (tx) => {
    const out: boolean[] = [];
    for (const r of requests) out.push(await enqueueDelivery(tx, r));
    return out;
  });
}

export async function seedAdmins(db: Database, locale = "en"): Promise<void> {
  await db.prisma.organization.create({
    data: {
      name: "Test Committee",
      timezone: "Asia/Shanghai",
      locale,
      settings: {},
      committeeChannel: "C0COMMITTEE",
    },
  });
  for (const [slackUserId, role] of [
    ["U0ADMIN1", "ADMIN"],
    ["U0ADMIN2", "ADMIN"],
    ["U0MEMBER", "MEMBER"],
  ] as const) {
    await db.prisma.person.create({
      data: { slackUserId, committeeRoles: { create: { role } } },
    });
  }
}

/** Messages the bot posted in a conversation, oldest first. */
export function posted(h: OutboxHarness, channel: string) {
  return h.emulator.workspace.history(channel);
}

/** Web API methods called, in order. */
export function calledMethods(h: OutboxHarness): string[] {
  return h.emulator.calls.all().map((c) => c.method);
}
