/**
 * One server of the ack benchmark in its own process, forked by `bench/ack-lib.ts` (`forkServer`):
 * the real bot on the store the parent seeded, or the bare Bolt app. The local Slack stays in the
 * parent, as real Slack's work is not on the bot's machine. The parent asks, over IPC, for the
 * event-loop delay around each load, a query delay (a slow database), and for the bot to finish
 * its work after the acks before it stops.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startBot } from "../src/app/runtime.ts";
import type { EnvConfig } from "../src/config/env.ts";
import { openDatabase } from "../src/db/client.ts";
import { startAckOnlyBolt } from "./bare-bolt.ts";
import { cpuPercentSince, untilWorkDone } from "./lib.ts";
import { withQueryDelay } from "./query-delay.ts";

export type ServerSpec =
  | { kind: "bare"; botToken: string; signingSecret: string; slackApiUrl: string }
  | {
      kind: "bot";
      env: Extract<EnvConfig, { mode: "http" }>;
      /** The business time the seeding ended at: the bot's clock stands there. */
      now: string;
      /** Route every query through the delay hook (itself a cost per query). */
      slowable: boolean;
      /** A fixed number of requests' work at a time instead of the adaptive gate. */
      workConcurrency?: number;
    };

/** The server as the load ends: its memory, and the requests whose work after the ack waits. */
export interface LoadEnd {
  rssMiB: number;
  workWaiting: number;
}

export type ServerRequest =
  | { cmd: "loop-start" }
  | { cmd: "loop-stop" }
  | { cmd: "delay"; ms: number }
  | { cmd: "settle" }
  | { cmd: "close" };

export type ServerReply =
  | { ready: true; port: number }
  | { loopDelayMs: { p99: number; max: number }; cpuPercent: number; atEnd: LoadEnd }
  | { done: string };

const send = (reply: ServerReply) => process.send?.(reply);

async function startServer(spec: ServerSpec) {
  if (spec.kind === "bare") {
    const bare = await startAckOnlyBolt(spec);
    const work = { active: 0, backlog: 0 };
    return { port: bare.port, delay: { ms: 0 }, work, settle: async () => {}, stop: bare.close };
  }
  const delay = { ms: 0 };
  const base = await openDatabase(spec.env.database);
  const db = spec.slowable ? withQueryDelay(base, delay) : base;
  const now = new Date(spec.now);
  const bot = await startBot(spec.env, {
    db,
    log: () => {},
    now: () => now,
    scheduler: false,
    ...(spec.workConcurrency ? { workConcurrency: spec.workConcurrency } : {}),
  });
  const settle = async () => {
    delay.ms = 0;
    await untilWorkDone(db, { maxMs: 300_000, work: bot.work });
  };
  return { port: bot.port, delay, work: bot.work, settle, stop: () => bot.stop() };
}

process.once("message", (spec: ServerSpec) => {
  void (async () => {
    const server = await startServer(spec);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
    let cpu = { usage: process.cpuUsage(), at: performance.now() };
    process.on("message", (m: ServerRequest) => {
      void (async () => {
        if (m.cmd === "loop-start") {
          loop.reset();
          loop.enable();
          cpu = { usage: process.cpuUsage(), at: performance.now() };
          send({ done: m.cmd });
        } else if (m.cmd === "loop-stop") {
          loop.disable();
          send({
            loopDelayMs: { p99: ms(loop.percentile(99)), max: ms(loop.max) },
            cpuPercent: cpuPercentSince(cpu),
            atEnd: {
              rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
              workWaiting: server.work.backlog,
            },
          });
        } else if (m.cmd === "delay") {
          server.delay.ms = m.ms;
          send({ done: m.cmd });
        } else if (m.cmd === "settle") {
          await server.settle();
          send({ done: m.cmd });
        } else {
          await server.stop();
          process.send?.({ done: m.cmd }, () => process.exit(0));
        }
      })();
    });
    send({ ready: true, port: server.port });
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
