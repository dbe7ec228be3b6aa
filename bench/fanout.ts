/**
 * `npm run bench:fanout [-- --branches 100] [--postgres <url>]`: the monthly reminder to N
 * branches through the local Slack with Slack's limits on (1 message per second per channel,
 * a workspace budget of 300 a minute, 429 + Retry-After past it), in real time. Prints the time
 * against the fastest time those limits allow, and duplicates and losses.
 */
import { parseArgs } from "node:util";
import { features, jobsOf, resultHandlersOf } from "../src/app/features.ts";
import { loadJobOrg } from "../src/jobs/org.ts";
import { runJobOccurrence } from "../src/jobs/run.ts";
import { DEFAULT_RATE_LIMITS } from "../src/localslack/emulator/rate-limit.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { createDeliveryClient, createDeliveryWorker } from "../src/services/outbox/index.ts";
import { applyBenchOrg, benchDatabase, benchEmulator, machine } from "./lib.ts";

const { values } = parseArgs({
  options: { branches: { type: "string", default: "1000" }, postgres: { type: "string" } },
});
const branches = Number(values.branches);
// Slack does not publish its burst; a short one of 5 posts keeps the floor honest.
const WORKSPACE = { perMinute: DEFAULT_RATE_LIMITS.postPerWorkspace.perMinute, burst: 5 };

const emulator = benchEmulator(branches, false);
await emulator.start();
const db = await benchDatabase(values.postgres);
// Setting up the org is not what is measured: Slack's limits go on once it is in place.
await applyBenchOrg(db, emulator, branches);
emulator.setRateLimits({ postPerWorkspace: WORKSPACE });
emulator.calls.clear();

const org = await loadJobOrg(db);
const job = jobsOf(features).find((j) => j.name === "monthly-reminder");
if (!org || !job) throw new Error("monthly-reminder is not registered");
const worker = createDeliveryWorker({
  db,
  client: createDeliveryClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url }),
  replicaId: "bench",
  resultHandlers: resultHandlersOf(features),
  logger: silentLogger,
  batchSize: 50,
  pollMs: 100,
});
// As in the bot: the worker sends while the job is still recording branches.
worker.start();

const started = performance.now();
const startedAt = Date.now();
const outcome = await runJobOccurrence(
  { db, org, logger: silentLogger, runner: "bench" },
  job,
  new Date("2026-12-01T01:00:00Z"),
  "manual",
);
if (outcome.status !== "ran") throw new Error(`job did not run: ${outcome.status}`);
const recorded = performance.now();
while ((await db.prisma.delivery.count({ where: { status: "PENDING" } })) > 0) {
  await new Promise((r) => setTimeout(r, 100));
}
await worker.stop();
const seconds = (performance.now() - started) / 1000;

const perChannel = new Map<string, number>();
const postCalls = emulator.calls.of("chat.postMessage");
for (const call of postCalls) {
  if (call.status !== 200 || !(call.response as { ok?: boolean }).ok) continue;
  const channel = String(call.args.channel);
  perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
}
let duplicates = 0;
let losses = 0;
for (let i = 0; i < branches; i++) {
  const n = perChannel.get(`C0B${i}`) ?? 0;
  if (n === 0) losses += 1;
  if (n > 1) duplicates += n - 1;
}
const posts = postCalls.filter((c) => c.status === 200);
const firstPost = Math.min(...posts.map((c) => c.time)) - startedAt;
const lastPost = Math.max(...posts.map((c) => c.time)) - startedAt;
const rateLimited = postCalls.filter((c) => c.status === 429).length;
const floor = Math.max(0, branches - WORKSPACE.burst) / (WORKSPACE.perMinute / 60);
const result = {
  branches,
  store: values.postgres ? "postgres" : "pglite",
  seconds: Number(seconds.toFixed(1)),
  recordSeconds: Number(((recorded - started) / 1000).toFixed(1)),
  /** When Slack got the first and the last post, from the job's start. */
  firstPostSeconds: Number((firstPost / 1000).toFixed(2)),
  lastPostSeconds: Number((lastPost / 1000).toFixed(2)),
  otherCalls: emulator.calls.all().length - posts.length,
  floorSeconds: Number(floor.toFixed(1)),
  ratio: Number((seconds / floor).toFixed(3)),
  duplicates,
  losses,
  rateLimited,
  machine: machine(),
};
console.log(JSON.stringify(result));
await db.close();
await emulator.stop();
process.exit(duplicates === 0 && losses === 0 ? 0 : 1);
