/**
 * One server of the ack benchmark in its own process, forked by `bench/ack-lib.ts` (`forkServer`):
 * the real bot on the store the parent seeded, or the bare Bolt app. The local Slack stays in the
 * parent, as real Slack's work is not on the bot's machine. The parent asks, over IPC, for the
 * event-loop delay around each load, a query delay (a slow database), and for the bot to finish
 * its work after the acks before it stops.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { startBot } from "../src/app/runtime.ts";
import type { EnvConfig } from "../src/config/env.ts";
import { openDatabase } from "../src/db/client.ts";
import { metrics } from "../src/observability/metrics.ts";
import { WorkGate } from "../src/slack/work-gate.ts";
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
      /**
       * A fixed number of requests' work at a time instead of the adaptive gate; 0 refuses all
       * work (every request acknowledged and answered "too busy"): the bot's ack path alone.
       */
      workConcurrency?: number;
    };

/** The server as the load ends: its memory, and the requests whose work after the ack waits. */
export interface LoadEnd {
  rssMiB: number;
  workWaiting: number;
}

/** Garbage-collection pauses during the load: how many, their sum and the longest (ms). */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

export type ServerRequest =
  | { cmd: "loop-start" }
  | { cmd: "loop-stop" }
  | { cmd: "delay"; ms: number }
  | { cmd: "settle" }
  | { cmd: "close" };

export type ServerReply =
  | { ready: true; port: number }
  | {
      loopDelayMs: { p99: number; max: number };
      cpuPercent: number;
      gc: GcPauses;
      /** The bot: requests acknowledged during the load whose work was refused (too busy). */
      workRefused: number;
      atEnd: LoadEnd;
    }
  | { done: string };

/**
 * Profiles of each measured load (not the start-up, not the work left after it), one file per
 * load: with BENCH_CPU_PROF_DIR set, a V8 CPU profile (`<kind>-<pid>-<n>.cpuprofile`); with
 * BENCH_HEAP_PROF_DIR, a sampling profile of everything allocated meanwhile, collected or not
 * (`.heapprofile`; both open in Chrome's DevTools).
 */
function loadProfiler(kind: string) {
  const cpuDir = process.env.BENCH_CPU_PROF_DIR;
  const heapDir = process.env.BENCH_HEAP_PROF_DIR;
  if (!cpuDir && !heapDir) return { start: async () => {}, stop: async () => {} };
  const session = new Session();
  session.connect();
  let n = 0;
  const save = async (dir: string, ext: string, profile: object) => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${kind}-${process.pid}-${n}.${ext}`), JSON.stringify(profile));
  };
  return {
    async start() {
      if (cpuDir) {
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
      }
      if (heapDir) {
        await session.post("HeapProfiler.enable");
        await session.post("HeapProfiler.startSampling", {
          samplingInterval: 16_384,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      }
    },
    async stop() {
      n += 1;
      if (cpuDir) await save(cpuDir, "cpuprofile", (await session.post("Profiler.stop")).profile);
      if (heapDir) {
        const { profile } = await session.post("HeapProfiler.stopSampling");
        await save(heapDir, "heapprofile", profile);
      }
    },
  };
}

/** A gate admitting `n` requests' work at a time, waiting without bound; 0: none, ever. */
function fixedGate(n: number): WorkGate {
  if (n > 0) return new WorkGate(n);
  return new (class RefuseAll extends WorkGate {
    override get full(): boolean {
      return true;
    }
  })(1);
}

/** The bot's refusals so far, all kinds (the process-wide metrics). */
async function refusedSoFar(): Promise<number> {
  const { values } = await metrics.workRefused.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}

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
    ...(spec.workConcurrency === undefined ? {} : { workGate: fixedGate(spec.workConcurrency) }),
  });
  const settle = async () => {
    delay.ms = 0;
    await untilWorkDone(db, { maxMs: 300_000, work: bot.work });
  };
  return { port: bot.port, delay, work: bot.work, settle, stop: () => bot.stop() };
}

// The harness gone (it failed, or was killed) leaves nobody to stop this server: without this
// it went on running, its delivery worker polling the store, beside the next runs.
process.once("disconnect", () => process.exit(1));

process.once("message", (spec: ServerSpec) => {
  void (async () => {
    const server = await startServer(spec);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
    let cpu = { usage: process.cpuUsage(), at: performance.now() };
    let gc: GcPauses = { count: 0, totalMs: 0, maxMs: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gc.count += 1;
        gc.totalMs += entry.duration;
        gc.maxMs = Math.max(gc.maxMs, entry.duration);
      }
    }).observe({ entryTypes: ["gc"] });
    let refusedAtStart = 0;
    const profiler = loadProfiler(spec.kind);
    process.on("message", (m: ServerRequest) => {
      void (async () => {
        if (m.cmd === "loop-start") {
          loop.reset();
          loop.enable();
          cpu = { usage: process.cpuUsage(), at: performance.now() };
          gc = { count: 0, totalMs: 0, maxMs: 0 };
          refusedAtStart = await refusedSoFar();
          await profiler.start();
          send({ done: m.cmd });
        } else if (m.cmd === "loop-stop") {
          await profiler.stop();
          loop.disable();
          send({
            loopDelayMs: { p99: ms(loop.percentile(99)), max: ms(loop.max) },
            cpuPercent: cpuPercentSince(cpu),
            gc: { count: gc.count, totalMs: Math.round(gc.totalMs), maxMs: ms(gc.maxMs * 1e6) },
            workRefused: (await refusedSoFar()) - refusedAtStart,
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
