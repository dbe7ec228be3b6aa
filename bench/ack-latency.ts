/**
 * `npm run bench:ack [-- --clients 50,200 --seconds 20] [--postgres <url>] [--db-delay-ms 200]
 * [--think-ms 250]`:
 * concurrent clients clicking Approve / Mark done and submitting the task-list modal through
 * signed HTTP requests against the real bot, and the same load against a bare Bolt app on the
 * same receiver that only acknowledges (same process, same run). Prints one JSON line per
 * target and client count, and the real/bare ratios. The default is a short run.
 *
 * The load generator runs in its own process (bench/ack-client.ts); the emulator (Slack's Web
 * API) shares the server's process, as the bot's after-ack work calls it.
 */

import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { LoadResult } from "./ack-client.ts";
import { forkedLoad, replayItems, SIGNING_SECRET, startBareBolt, startRealBot } from "./ack-lib.ts";
import { machine } from "./lib.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "20,50" },
    seconds: { type: "string", default: "5" },
    postgres: { type: "string" },
    "db-delay-ms": { type: "string", default: "0" },
    warmup: { type: "string", default: "1" },
    "think-ms": { type: "string", default: "0" },
  },
});
const clientCounts = String(values.clients)
  .split(",")
  .map((x) => Number(x.trim()))
  .filter((n) => n > 0);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const thinkMs = Number(values["think-ms"]);
const dbDelayMs = Number(values["db-delay-ms"]);
const store = values.postgres ? "postgres" : "pglite";

const real = await startRealBot({
  ...(values.postgres ? { postgresUrl: values.postgres } : {}),
  slowable: dbDelayMs > 0,
});
const bare = await startBareBolt(real.emulator);
const runLoad = (url: string, clients: number, s: number) =>
  forkedLoad({
    url,
    signingSecret: SIGNING_SECRET,
    // Each load its own fresh response_urls, enough for ~750 clicks a second of each kind
    // (5 uses each): one used up answers 404 to the bot's respond(), as Slack would.
    items: replayItems(
      real.emulator,
      { ...real.payloads },
      Math.max(200, Math.ceil((s + warmup + 5) * 150)),
    ),
    clients,
    seconds: s,
    warmupSeconds: warmup,
    thinkMs,
  });

/** The server process's event-loop delay while a load ran: a stall shows here, not in p99. */
async function withLoopDelay<T>(run: () => Promise<T>): Promise<T & { loopDelayMs: object }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const result = await run();
  h.disable();
  const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
  return { ...result, loopDelayMs: { p99: ms(h.percentile(99)), max: ms(h.max) } };
}

const print = (target: string, r: LoadResult) =>
  console.log(
    JSON.stringify({
      target,
      store,
      dbDelayMs: target === "bot" ? dbDelayMs : 0,
      ...r,
    }),
  );

let allUnder3s = true;
for (const clients of clientCounts) {
  // Bare first, the bot second; each load process warms up before it measures.
  const b = await withLoopDelay(() => runLoad(bare.url, clients, seconds));
  print("bare-bolt", b);
  real.delay.ms = dbDelayMs;
  // The delay applies to the warm-up too: the measured part starts with work already queued.
  const r = await withLoopDelay(() => runLoad(real.url, clients, seconds));
  real.delay.ms = 0;
  print("bot", r);
  if (r.max >= 3000 || r.timeouts > 0) allUnder3s = false;
  console.log(
    JSON.stringify({
      clients,
      store,
      dbDelayMs,
      thinkMs,
      ratioP50: Number((r.p50 / b.p50).toFixed(2)),
      ratioP99: Number((r.p99 / b.p99).toFixed(2)),
      ratioThroughput: Number((r.throughput / b.throughput).toFixed(2)),
      botMaxUnder3s: r.max < 3000 && r.timeouts === 0,
    }),
  );
}
// The work after the acks goes on after the last load; at the heaviest loads (200 clients in a
// closed loop) the bot is still working through it minutes later. The store is closed 3 s
// after the last load, once the deliveries are out: work cut off there shows on stderr as
// "Cannot use a pool after calling end" and does not touch the figures, which are the acks.
await new Promise((r) => setTimeout(r, 3_000));
for (let i = 0; i < 600; i++) {
  const pending = await real.bot.ctx.db.prisma.delivery.count({ where: { status: "PENDING" } });
  if (pending === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
console.log(
  JSON.stringify({
    machine: machine(),
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    date: new Date().toISOString(),
  }),
);
await bare.close();
await real.close();
process.exit(allUnder3s ? 0 : 1);
