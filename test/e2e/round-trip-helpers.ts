/**
 * Helpers for the round-trip end-to-end tests: running a job the way `pbb jobs run` does,
 * waiting for what the bot posts, reading message content, and a picture of the stored state
 * to check that a refused action changed nothing.
 */
import { z } from "zod";
import { jobEnvOf } from "../../src/app/wire.ts";
import type { Database } from "../../src/db/client.ts";
import { runJobByName } from "../../src/jobs/manual.ts";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { ITEM_INPUT_ACTION, type ItemInput, itemBlockId } from "../../src/slack/ids/tasklist.ts";
import type { TestBot } from "../helpers/bot.ts";

const logger = createLogger("silent");

export { withoutPacing } from "../helpers/bot.ts";

/** `pbb jobs run <name> --at <at>` against the bot's store (the bot's worker delivers). */
export function runJob(t: TestBot, name: string, at: string) {
  return runJobByName({ ...jobEnvOf(t.bot.ctx), logger, runner: "test" }, name, at);
}

/** Every text in a message or view (text fallback, blocks, fields, buttons…), one per line. */
export function allText(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === "text" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return out.join("\n");
}

export interface ButtonInfo {
  text: string;
  action_id: string;
  style?: string;
  value?: string;
}

const buttonSchema = z.object({
  type: z.literal("button"),
  text: z.object({ text: z.string() }),
  action_id: z.string(),
  style: z.string().optional(),
  value: z.string().optional(),
});
const blockSchema = z.object({
  elements: z.array(z.unknown()).optional(),
  accessory: z.unknown().optional(),
});

/** The buttons of a block list (actions elements and accessories), in order. */
export function buttonsOf(blocks: unknown): ButtonInfo[] {
  const out: ButtonInfo[] = [];
  const visit = (el: unknown) => {
    const b = buttonSchema.safeParse(el);
    if (!b.success) return;
    const { text, action_id, style, value } = b.data;
    out.push({
      text: text.text,
      action_id,
      ...(style ? { style } : {}),
      ...(value ? { value } : {}),
    });
  };
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const b = blockSchema.safeParse(block);
    if (!b.success) continue;
    for (const el of b.data.elements ?? []) visit(el);
    visit(b.data.accessory);
  }
  return out;
}

/**
 * Waits for the `n`-th (counting earlier ones) call of `method` in `channel` matching `where`,
 * sending what the outbox holds meanwhile (instead of waiting for the worker's next poll).
 */
export async function waitCall(
  t: TestBot,
  method: string,
  channel: string,
  opts: { count?: number; where?: (c: RecordedCall) => boolean } = {},
): Promise<RecordedCall> {
  const where = (c: RecordedCall) => c.args.channel === channel && (!opts.where || opts.where(c));
  const count = opts.count ?? 1;
  for (let started = Date.now(); Date.now() - started < 10_000; ) {
    const found = t.emulator.calls.of(method).filter(where);
    const last = found[count - 1];
    if (found.length >= count && last) return found[found.length - 1] ?? last;
    await t.bot.ctx.deliveries.drainOnce();
    await new Promise((r) => setTimeout(r, 20));
  }
  const seen = t.emulator.calls.of(method).filter((c) => c.args.channel === channel);
  const unsent = await t.db.prisma.delivery.findMany({
    where: { status: { not: "SENT" } },
    select: { dedupeKey: true, status: true, lastError: true },
  });
  const texts = seen.map((c) => `  ${String(c.args.ts ?? "")} ${String(c.args.text)}`);
  throw new Error(
    `timed out waiting for ${count} ${method} in ${channel}\nseen:\n${texts.join("\n")}\nunsent: ${JSON.stringify(unsent)}`,
  );
}

/** Like waitCall, for any call matching `where` (DMs, response_url …). */
export async function waitAny(
  t: TestBot,
  method: string,
  where: (c: RecordedCall) => boolean,
  count = 1,
): Promise<RecordedCall> {
  for (let started = Date.now(); Date.now() - started < 10_000; ) {
    const found = t.emulator.calls.of(method).filter(where);
    const last = found[found.length - 1];
    if (found.length >= count && last) return last;
    await t.bot.ctx.deliveries.drainOnce();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${count} ${method} call(s)`);
}

/** Waits until the outbox has nothing left to send. */
export async function settle(t: TestBot): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    await t.bot.ctx.deliveries.drainOnce();
    const pending = await t.db.prisma.delivery.count({ where: { status: "PENDING" } });
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the outbox did not drain");
}

/** "block_id.action_id" of a row's input, as the driver's submitModal takes it. */
export const field = (row: number, input: ItemInput): string =>
  `${itemBlockId(row, input)}.${ITEM_INPUT_ACTION[input]}`;

/** What a refused action must leave untouched. */
export async function storedState(db: Database) {
  const [lists, revisions, items, decisions, audit, deliveries, comments, drafts] =
    await Promise.all([
      db.prisma.taskList.findMany({ orderBy: { id: "asc" } }),
      db.prisma.taskListRevision.findMany({ orderBy: { id: "asc" } }),
      db.prisma.taskItem.findMany({ orderBy: { id: "asc" } }),
      db.prisma.decision.count(),
      db.prisma.auditLog.count(),
      db.prisma.delivery.count(),
      db.prisma.listComment.count(),
      db.prisma.listDraft.count(),
    ]);
  return { lists, revisions, items, decisions, audit, deliveries, comments, drafts };
}

export async function listOf(db: Database, branchKey: string, period: string) {
  return db.prisma.taskList.findFirstOrThrow({
    where: { period, branch: { key: branchKey } },
    include: {
      revisions: { include: { items: true, decisions: true }, orderBy: { number: "asc" } },
    },
  });
}

/**
 * Polls, draining the outbox, until `check` holds (the work after an ack runs on its own; no
 * wall-clock waits).
 */
export async function until(t: TestBot, check: () => Promise<boolean>) {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await t.bot.ctx.deliveries.drainOnce();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the change did not happen");
}
