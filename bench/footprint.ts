/**
 * `npm run bench:footprint [-- --runs 5 --idle-seconds 10] [--postgres <url>]
 * [--paths built,tsx]`: spawns the bot (HTTP mode, the example org as ORG_FILE) against a local
 * Slack and measures the time from spawn to the first `/healthz` 200, then the process's
 * resident memory after it has idled, and its `process.memoryUsage()` (heap, external, array
 * buffers) through a preloaded probe. The first start creates and migrates the store and is
 * reported apart; the measured runs start on that existing store. Medians over the runs.
 *
 * Start paths: `built` is `node bin/pbb.js start` (the esbuild bundle in dist/, what production
 * runs); `tsx` is the previous start path, the TypeScript sources through tsx's loader
 * (`node --import tsx src/cli/main.ts start`). With both, the runs alternate between them on the
 * same store, so one run gives them side by side with the ratio built/tsx.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseOrgFile } from "../src/config/org-file.ts";
import { createSlackEmulator } from "../src/localslack/index.ts";
import { machine, median } from "./lib.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "idle-seconds": { type: "string", default: "10" },
    postgres: { type: "string" },
    paths: { type: "string", default: "built" },
  },
});
type StartPath = "built" | "tsx";
const paths = values.paths.split(",").map((p) => p.trim()) as StartPath[];
for (const p of paths) if (p !== "built" && p !== "tsx") throw new Error(`unknown path ${p}`);
const runs = Number(values.runs);
const idleSeconds = Number(values["idle-seconds"]);
const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/pbb.js");
const probe = path.join(root, "bench/fixtures/memory-probe.mjs");
const startArgs: Record<StartPath, string[]> = {
  built: ["--import", probe, bin, "start"],
  tsx: ["--import", probe, "--import", "tsx", path.join(root, "src/cli/main.ts"), "start"],
};
const exampleOrg = path.join(root, "examples/org.yml");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// What `npm start` does first: bring dist/ up to date with src/.
if (
  spawnSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--if-stale"]).status !== 0
) {
  throw new Error("npm run build failed");
}

const parsed = parseOrgFile(await readFile(exampleOrg, "utf8"), "org.yml");
if (!parsed.ok) throw new Error("example org does not parse");
const org = parsed.org;
const people = new Set<string>([...org.committee.members, ...org.committee.admins]);
for (const b of org.branches) for (const id of [...b.secretaries, ...b.members]) people.add(id);
for (const id of org.lectureHall?.roster ?? []) people.add(id);
const emulator = createSlackEmulator({
  users: [...people].map((id) => ({ id, name: id.toLowerCase() })),
  channels: [
    {
      id: org.committee.channel,
      name: "committee",
      members: org.committee.members,
      botMember: true,
    },
    ...org.branches.map((b) => ({
      id: b.channel,
      name: `branch-${b.key}`,
      members: [...b.secretaries, ...b.members],
      botMember: true,
    })),
    ...(org.lectureHall
      ? [
          {
            id: org.lectureHall.channel,
            name: "lecture-hall",
            members: org.lectureHall.roster,
            botMember: true,
          },
        ]
      : []),
  ],
});
await emulator.start();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, "utf8").then((s) => {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? Number.NaN);
    return kb / 1024;
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

interface Usage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

async function memoryUsage(child: ChildProcess, file: string): Promise<Usage> {
  await rm(file, { force: true });
  child.kill("SIGUSR2");
  for (let i = 0; i < 500; i++) {
    const text = await readFile(file, "utf8").catch(() => "");
    if (text) return JSON.parse(text) as Usage;
    await sleep(20);
  }
  throw new Error("the memory probe did not answer in 10 s");
}

/** One start: ms to the first /healthz 200, and RSS after idling (when `idle`). */
async function startOnce(databaseUrl: string, idle: boolean, startPath: StartPath = "built") {
  const port = await freePort();
  const usageFile = path.join(os.tmpdir(), `pbb-footprint-usage-${process.pid}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, startArgs[startPath], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SLACK_BOT_TOKEN: emulator.workspace.bot.token,
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: emulator.url,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      ORG_FILE: exampleOrg,
      LOG_LEVEL: "silent",
      NODE_ENV: "production",
      PBB_BENCH_MEMORY_FILE: usageFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  try {
    let readyMs = Number.NaN;
    while (performance.now() - started < 120_000) {
      if (child.exitCode !== null) throw new Error(`pbb exited ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        readyMs = performance.now() - started;
        break;
      }
      await sleep(20);
    }
    if (Number.isNaN(readyMs)) throw new Error(`pbb not ready in 120 s:\n${output}`);
    let rss = Number.NaN;
    let usage: Usage | null = null;
    if (idle) {
      await sleep(idleSeconds * 1000);
      rss = await rssMiB(child.pid as number);
      usage = await memoryUsage(child, usageFile);
    }
    return { readyMs, rss, usage };
  } finally {
    await stop(child);
  }
}

async function storeUrl(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (!values.postgres) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-footprint-"));
    return {
      url: `pglite:${path.join(dir, "store")}`,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const admin = values.postgres;
  const name = `pbb_footprint_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async cleanup() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));
const r1 = (x: number) => Number(x.toFixed(1));

function summary(measured: Awaited<ReturnType<typeof startOnce>>[]) {
  const ready = measured.map((m) => m.readyMs);
  const rss = measured.map((m) => m.rss);
  const usages = measured.map((m) => m.usage).filter((u): u is Usage => u !== null);
  const part = (key: keyof Usage) => mib(median(usages.map((u) => u[key])));
  return {
    readyMsMedian: Math.round(median(ready)),
    readyMs: ready.map(Math.round),
    rssMiBMedian: r1(median(rss)),
    rssMiB: rss.map(r1),
    // process.memoryUsage() medians: V8's heap, memory V8 tracks outside it (array buffers
    // included), and what is left of the RSS (code, WebAssembly memory, native allocations).
    heapUsedMiB: part("heapUsed"),
    heapTotalMiB: part("heapTotal"),
    externalMiB: part("external"),
    arrayBuffersMiB: part("arrayBuffers"),
    outsideV8MiB: r1(median(usages.map((u) => (u.rss - u.heapTotal - u.external) / 2 ** 20))),
  };
}

const store = await storeUrl();
try {
  const first = await startOnce(store.url, false, paths[0]);
  const measured = new Map<StartPath, Awaited<ReturnType<typeof startOnce>>[]>();
  for (const p of paths) measured.set(p, []);
  // Alternate the paths run by run, so a slower minute of the machine weighs on both alike.
  for (let i = 0; i < runs; i++) {
    for (const p of paths) measured.get(p)?.push(await startOnce(store.url, true, p));
  }
  const byPath = Object.fromEntries(paths.map((p) => [p, summary(measured.get(p) ?? [])] as const));
  const built = byPath.built;
  const tsx = byPath.tsx;
  console.log(
    JSON.stringify({
      store: values.postgres ? "postgres" : "pglite",
      runs,
      firstStartMs: Math.round(first.readyMs),
      firstStartPath: paths[0],
      idleSeconds,
      ...(paths.length === 1 ? (byPath[paths[0] as StartPath] ?? {}) : { paths: byPath }),
      ...(built && tsx
        ? {
            ratioBuiltToTsx: {
              ready: Number((built.readyMsMedian / tsx.readyMsMedian).toFixed(2)),
              rss: Number((built.rssMiBMedian / tsx.rssMiBMedian).toFixed(2)),
            },
          }
        : {}),
      machine: machine(),
      loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
      date: new Date().toISOString(),
    }),
  );
} finally {
  await store.cleanup();
  await emulator.stop();
}
