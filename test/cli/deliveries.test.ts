import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import type { Database } from "../../src/db/client.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";
import { CHANNEL, OTHER_CHANNEL, posted, useOutboxHarness } from "../services/outbox/helpers.ts";

const MINUTE = 60_000;

async function pbb(db: Database, now: Date, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const ctx: CommandContext = {
    db,
    io,
    cwd: process.cwd(),
    resolver: offlineResolver,
    insideBot: false,
    now: () => now,
    client: null,
  };
  const code = await runProgram(argv, io, async () => ({ ctx, release: async () => {} }));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** One delivery in each state `pbb deliveries` tells apart; returns their ids by name. */
async function seed(db: Database, now: Date) {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  const row = (key: string, data: Record<string, unknown>) =>
    db.prisma.delivery.create({
      data: {
        dedupeKey: key,
        method: "chat.postMessage",
        payload: { channel: CHANNEL, text: key },
        createdAt: ago(125),
        notBefore: ago(125),
        ...data,
      },
    });
  const failed = await row("failed", {
    status: "FAILED",
    attempts: 3,
    lastError: "channel_not_found",
  });
  const gaveUp = await row("gave-up", {
    status: "FAILED",
    attempts: 8,
    lastError: "gave_up: http_503",
    payload: { channel: OTHER_CHANNEL, text: "gave-up" },
  });
  const dm = await row("dm-failed", {
    method: "dm",
    status: "FAILED",
    attempts: 1,
    lastError: "cannot_dm_bot",
    payload: { user: "U0MEMBER", text: "hi" },
  });
  const overdue = await row("overdue", { attempts: 0 });
  const deadLease = await row("dead-lease", {
    attempts: 1,
    claimedBy: "host:4242:dead",
    claimedUntil: ago(1),
    createdAt: ago(5),
    notBefore: ago(5),
  });
  const fresh = await row("fresh", { createdAt: ago(1), notBefore: ago(1) });
  const leased = await row("leased", {
    attempts: 1,
    claimedBy: "host:77:live",
    claimedUntil: new Date(now.getTime() + MINUTE),
  });
  const sent = await row("sent", { status: "SENT", attempts: 1, sentAt: ago(100) });
  return { failed, gaveUp, dm, overdue, deadLease, fresh, leased, sent };
}

describe.each(STORES)("pbb deliveries on %s", (store) => {
  let db: Database;
  let now: Date;
  let ids: Awaited<ReturnType<typeof seed>>;
  beforeEach(async () => {
    db = await createTestDatabase(store);
    now = new Date(Date.now() + 60_000);
    ids = await seed(db, now);
  });
  afterEach(async () => {
    await db.close();
  });

  it("without a filter, then failed and stuck deliveries are listed with method, channel, attempts, age and error", async () => {
    const { code, out } = await pbb(db, now, "deliveries");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+METHOD\s+CHANNEL\s+ATTEMPTS\s+AGE\s+ERROR$/);
    const row = (id: number) => lines.find((l) => l.startsWith(`${id} `)) ?? "";
    expect(row(ids.failed.id)).toMatch(
      new RegExp(
        `^${ids.failed.id}\\s+FAILED\\s+chat\\.postMessage\\s+${CHANNEL}\\s+3\\s+2h05m\\s+channel_not_found$`,
      ),
    );
    expect(row(ids.gaveUp.id)).toMatch(/FAILED .*C0BRANCH2\s+8\s+2h05m\s+gave_up: http_503$/);
    expect(row(ids.dm.id)).toMatch(/FAILED\s+dm\s+@U0MEMBER\s+1\s+2h05m\s+cannot_dm_bot$/);
    expect(row(ids.overdue.id)).toMatch(/STUCK\s+chat\.postMessage\s+C0BRANCH1\s+0\s+2h05m\s+-$/);
    expect(row(ids.deadLease.id)).toMatch(/STUCK .*\s+1\s+5m\s+lease of host:4242:dead ran out$/);
    for (const id of [ids.fresh.id, ids.leased.id, ids.sent.id]) expect(row(id)).toBe("");
    expect(out).toContain("3 failed, 2 stuck");
  });

  it("with --failed or --stuck, then only that kind; with --json, one object per line", async () => {
    const failed = await pbb(db, now, "deliveries", "--failed");
    expect(failed.out).toContain("3 failed, 0 stuck");
    expect(failed.out).not.toContain("STUCK");
    const stuck = await pbb(db, now, "deliveries", "--stuck", "--stuck-after", "200");
    expect(stuck.out).toContain("0 failed, 1 stuck"); // only the dead lease is stuck by then
    const json = await pbb(db, now, "deliveries", "--json");
    const objects = json.out.split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => [o.id, o.kind])).toEqual([
      [ids.failed.id, "failed"],
      [ids.gaveUp.id, "failed"],
      [ids.dm.id, "failed"],
      [ids.overdue.id, "stuck"],
      [ids.deadLease.id, "stuck"],
    ]);
    expect(objects[0]).toMatchObject({
      method: "chat.postMessage",
      channel: CHANNEL,
      attempts: 3,
      error: "channel_not_found",
      ageSeconds: 125 * 60,
    });
  });

  it("when ids are retried, then failed and stuck ones are pending again, due now, and the others are refused with the reason", async () => {
    const r = await pbb(
      db,
      now,
      "deliveries",
      "retry",
      String(ids.failed.id),
      String(ids.deadLease.id),
      String(ids.sent.id),
      String(ids.leased.id),
      String(ids.fresh.id),
      "999999",
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(`delivery ${ids.failed.id}: back in the queue`);
    expect(r.out).toContain(`delivery ${ids.deadLease.id}: back in the queue`);
    expect(r.err).toContain(`delivery ${ids.sent.id}: already sent`);
    expect(r.err).toMatch(new RegExp(`delivery ${ids.leased.id}: being sent by host:77:live`));
    expect(r.err).toContain(`delivery ${ids.fresh.id}: pending, due`);
    expect(r.err).toContain("delivery 999999: no such delivery");

    const failed = await db.prisma.delivery.findUniqueOrThrow({ where: { id: ids.failed.id } });
    expect(failed).toMatchObject({
      status: "PENDING",
      attempts: 1,
      notBefore: now,
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
    });
    const lease = await db.prisma.delivery.findUniqueOrThrow({ where: { id: ids.deadLease.id } });
    expect(lease).toMatchObject({ status: "PENDING", claimedBy: null, claimedUntil: null });
    const untouched = await db.prisma.delivery.findUniqueOrThrow({ where: { id: ids.leased.id } });
    expect(untouched.claimedBy).toBe("host:77:live");
    const audit = await db.prisma.auditLog.findMany({
      where: { action: "delivery.retry" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.entityId, a.actor])).toEqual([
      [String(ids.failed.id), "cli"],
      [String(ids.deadLease.id), "cli"],
    ]);
    expect(audit[0]?.data).toEqual({ was: "FAILED", attempts: 3, lastError: "channel_not_found" });
  });

  it("when --all-failed, then every failed delivery is pending again and stuck ones are left alone", async () => {
    const r = await pbb(db, now, "deliveries", "retry", "--all-failed");
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 queued");
    const statuses = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(statuses.filter((d) => d.status === "FAILED")).toEqual([]);
    expect(statuses.find((d) => d.id === ids.deadLease.id)?.claimedBy).toBe("host:4242:dead");
    const again = await pbb(db, now, "deliveries", "retry", "--all-failed");
    expect(again.out).toContain("no failed deliveries");
  });

  it("when ids and --all-failed come together, or an id is not a number, then it is a usage error", async () => {
    expect((await pbb(db, now, "deliveries", "retry", "1", "--all-failed")).code).toBe(2);
    expect((await pbb(db, now, "deliveries", "retry")).code).toBe(2);
    expect((await pbb(db, now, "deliveries", "retry", "x1")).code).toBe(2);
    expect((await pbb(db, now, "deliveries", "--limit", "0")).code).toBe(2);
  });
});

describe.each(STORES)("a retried delivery reaching Slack on %s", (store) => {
  const harness = useOutboxHarness();
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase(store);
  });
  afterEach(async () => {
    await db.close();
  });

  it("when an earlier attempt had in fact posted it, then the retry adopts that message instead of posting twice", async () => {
    const h = harness();
    const now = h.clock.now();
    const d = await db.prisma.delivery.create({
      data: {
        dedupeKey: "lost-answer",
        method: "chat.postMessage",
        payload: { channel: CHANNEL, text: "reminder" },
        status: "FAILED",
        attempts: 8,
        lastError: "gave_up: http_503",
      },
    });
    // Slack had posted it; only the answer was lost.
    h.emulator.workspace.addMessage({
      channel: CHANNEL,
      user: "U0BOT",
      text: "reminder",
      metadata: { event_type: "pbb_delivery", event_payload: { delivery_id: String(d.id) } },
    });
    const other = await db.prisma.delivery.create({
      data: {
        dedupeKey: "never-sent",
        method: "chat.postMessage",
        payload: { channel: CHANNEL, text: "second" },
        status: "FAILED",
        attempts: 1,
        lastError: "http_500",
      },
    });
    const r = await pbb(db, now, "deliveries", "retry", String(d.id), String(other.id));
    expect(r.code).toBe(0);
    const report = await h.worker(db).drainOnce();
    expect(report).toMatchObject({ sent: 1, adopted: 1, failed: 0 });
    expect(posted(h, CHANNEL).map((m) => m.text)).toEqual(["reminder", "second"]);
    const rows = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((x) => [x.status, x.attempts])).toEqual([
      ["SENT", 2],
      ["SENT", 2],
    ]);
  });
});
