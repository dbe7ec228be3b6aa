/**
 * `pbb deliveries [--failed|--stuck]`: the outbox deliveries that need a look; and
 * `pbb deliveries retry <id…>|--all-failed`: put them back in the queue.
 */
import type { Command } from "commander";
import {
  type DeliveryRow,
  findDeliveriesById,
  listFailedDeliveries,
  listStuckDeliveries,
  retryDeliveries,
} from "../../db/repositories/deliveries.ts";
import type { CommandContext } from "../command-context.ts";
import type { CommandRegistrar } from "../program.ts";

const MINUTE = 60_000;
export const DEFAULT_STUCK_AFTER_MINUTES = 15;
const STUCK_AFTER = String(DEFAULT_STUCK_AFTER_MINUTES);

interface ListOptions {
  failed?: boolean;
  stuck?: boolean;
  stuckAfter?: string;
  limit?: string;
  json?: boolean;
}

/** 45s, 12m, 3h05m, 2d04h */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, "0")}h`;
}

/** Where a delivery goes: its channel, or @user for a DM. */
function destination(row: DeliveryRow): string {
  const p = row.payload;
  if (typeof p !== "object" || p === null || Array.isArray(p)) return "-";
  if (typeof p.channel === "string") return p.channel;
  if (typeof p.user === "string") return `@${p.user}`;
  return "-";
}

function positiveInt(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

const HEAD = ["ID", "STATUS", "METHOD", "CHANNEL", "ATTEMPTS", "AGE", "ERROR"];
const WIDTHS = [7, 8, 19, 13, 9, 8];

function tableLines(rows: { row: DeliveryRow; kind: string }[], now: Date): string[] {
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < WIDTHS.length ? c.padEnd(WIDTHS[i] ?? 0) : c)).join(" ");
  return [
    line(HEAD),
    ...rows.map(({ row, kind }) =>
      line([
        String(row.id),
        kind,
        row.method,
        destination(row),
        String(row.attempts),
        formatAge(now.getTime() - row.createdAt.getTime()),
        row.lastError ??
          (kind === "STUCK" && row.claimedBy ? `lease of ${row.claimedBy} ran out` : "-"),
      ]),
    ),
  ];
}

export async function deliveriesList(ctx: CommandContext, opts: ListOptions): Promise<number> {
  const stuckAfter = positiveInt(opts.stuckAfter, DEFAULT_STUCK_AFTER_MINUTES);
  const limit = positiveInt(opts.limit, 100);
  if (stuckAfter === null || limit === null) {
    ctx.io.err("pbb deliveries: --stuck-after and --limit take a whole number above 0");
    return 2;
  }
  const both = !opts.failed && !opts.stuck;
  const now = ctx.now();
  const failed = opts.failed || both ? await listFailedDeliveries(ctx.db, limit) : [];
  const stuck =
    opts.stuck || both
      ? await listStuckDeliveries(ctx.db, { now, dueForMs: stuckAfter * MINUTE, limit })
      : [];
  const rows = [
    ...failed.map((row) => ({ row, kind: "FAILED" })),
    ...stuck.map((row) => ({ row, kind: "STUCK" })),
  ];
  if (opts.json) {
    for (const { row, kind } of rows) {
      ctx.io.out(
        JSON.stringify({
          id: row.id,
          kind: kind.toLowerCase(),
          method: row.method,
          channel: destination(row),
          attempts: row.attempts,
          error: row.lastError,
          createdAt: row.createdAt.toISOString(),
          ageSeconds: Math.round((now.getTime() - row.createdAt.getTime()) / 1000),
          dedupeKey: row.dedupeKey,
        }),
      );
    }
    return 0;
  }
  const what = opts.failed === opts.stuck ? "failed or stuck" : opts.failed ? "failed" : "stuck";
  if (rows.length === 0) {
    ctx.io.out(`no ${what} deliveries`);
    return 0;
  }
  for (const line of tableLines(rows, now)) ctx.io.out(line);
  ctx.io.out(
    `${failed.length} failed, ${stuck.length} stuck (pending more than ${stuckAfter} min past due, or past a dead worker's lease)`,
  );
  ctx.io.out("retry with `pbb deliveries retry <id…>` or `pbb deliveries retry --all-failed`");
  return 0;
}

export async function deliveriesRetry(
  ctx: CommandContext,
  idTexts: string[],
  opts: { allFailed?: boolean; stuckAfter?: string },
): Promise<number> {
  const stuckAfter = positiveInt(opts.stuckAfter, DEFAULT_STUCK_AFTER_MINUTES);
  const ids = idTexts.map((t) => positiveInt(t, 0));
  if (stuckAfter === null || ids.some((id) => id === null)) {
    ctx.io.err("pbb deliveries retry: ids and --stuck-after are whole numbers above 0");
    return 2;
  }
  if (ids.length > 0 === Boolean(opts.allFailed)) {
    ctx.io.err("pbb deliveries retry: give delivery ids, or --all-failed (not both)");
    return 2;
  }
  const wanted = ids.filter((id): id is number => id !== null);
  const now = ctx.now();
  const retried = await retryDeliveries(ctx.db, {
    ...(opts.allFailed ? {} : { ids: wanted }),
    includeStuck: !opts.allFailed,
    now,
    dueForMs: stuckAfter * MINUTE,
    actor: ctx.insideBot ? "cli (via the bot)" : "cli",
  });
  for (const id of retried) ctx.io.out(`delivery ${id}: back in the queue`);
  let code = 0;
  const found = new Map((await findDeliveriesById(ctx.db, wanted)).map((row) => [row.id, row]));
  for (const id of wanted.filter((id) => !retried.includes(id))) {
    const row = found.get(id);
    code = 1;
    if (!row) ctx.io.err(`delivery ${id}: no such delivery`);
    else if (row.status === "SUPERSEDED")
      ctx.io.err(
        `delivery ${id}: superseded by a newer update of the same message (${row.lastError ?? "?"}); not retried`,
      );
    else if (row.status === "SENT")
      ctx.io.err(`delivery ${id}: already sent (${row.sentAt?.toISOString() ?? "?"}); not retried`);
    else if (row.claimedUntil && row.claimedUntil > now)
      ctx.io.err(
        `delivery ${id}: being sent by ${row.claimedBy ?? "a worker"} (lease until ${row.claimedUntil.toISOString()}); not retried`,
      );
    else
      ctx.io.err(
        `delivery ${id}: pending, due ${row.notBefore.toISOString()}; neither failed nor stuck, not retried`,
      );
  }
  if (opts.allFailed && retried.length === 0) ctx.io.out("no failed deliveries");
  if (retried.length > 0) {
    ctx.io.out(
      ctx.deliveries
        ? `${retried.length} queued: the bot sends them now`
        : `${retried.length} queued: the running bot sends them (any replica), or the next one started`,
    );
  }
  return code;
}

export const registerDeliveryCommands: CommandRegistrar = (program: Command, run) => {
  const deliveries = program
    .command("deliveries")
    .description("outbox deliveries that failed or are stuck (both without a filter)")
    .option("--failed", "only deliveries Slack refused or that were given up")
    .option("--stuck", "only pending deliveries that should have gone by now")
    .option("--stuck-after <minutes>", "past due for this long counts as stuck", STUCK_AFTER)
    .option("--limit <n>", "at most this many of each kind", "100")
    .option("--json", "one JSON object per line")
    .action((opts: ListOptions) => run((ctx) => deliveriesList(ctx, opts)));
  deliveries
    .command("retry [ids...]")
    .description("put failed or stuck deliveries back in the queue, due now, attempts reset")
    .option("--all-failed", "every failed delivery")
    .option("--stuck-after <minutes>", "past due for this long counts as stuck", STUCK_AFTER)
    .action((ids: string[], opts: { allFailed?: boolean; stuckAfter?: string }) =>
      run((ctx) => deliveriesRetry(ctx, ids, opts)),
    );
};
