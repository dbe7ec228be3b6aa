/** Shared set-up for benchmarks: an org of N branches, a migrated store, the local Slack. */
import os from "node:os";
import { WebClient } from "@slack/web-api";
import { stringify } from "yaml";
import type { RunningBot } from "../src/app/runtime.ts";
import type { DatabaseTarget } from "../src/config/database-url.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrations.ts";
import { createSlackEmulator, type SlackEmulator } from "../src/localslack/index.ts";
import { applyOrgText } from "../src/services/org/apply-org.ts";
import { slackResolver } from "../src/services/org/resolver.ts";
import { createThrowawayPostgres } from "../test/helpers/throwaway-postgres.ts";

export const machine = () =>
  `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

export function orgText(branches: number): string {
  return stringify({
    organization: { name: "Bench Committee", timezone: "Asia/Shanghai", locale: "zh-CN" },
    committee: { channel: "C0COMMITTEE", members: ["U0CHAIR", "U0DEPUTY"], admins: ["U0CHAIR"] },
    branches: Array.from({ length: branches }, (_, i) => ({
      key: `b${i}`,
      name: `第${i + 1}党支部`,
      channel: `C0B${i}`,
      secretaries: [`U0S${i}`],
      members: [`U0M${i}`],
    })),
    schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } },
  });
}

export function benchEmulator(branches: number, rateLimits: boolean): SlackEmulator {
  const users = ["U0CHAIR", "U0DEPUTY"];
  for (let i = 0; i < branches; i++) users.push(`U0S${i}`, `U0M${i}`);
  return createSlackEmulator({
    users: users.map((id) => ({ id, name: id.toLowerCase() })),
    channels: [
      { id: "C0COMMITTEE", name: "committee", members: ["U0CHAIR", "U0DEPUTY"], botMember: true },
      ...Array.from({ length: branches }, (_, i) => ({
        id: `C0B${i}`,
        name: `branch-${i}`,
        members: [`U0S${i}`, `U0M${i}`],
        botMember: true,
      })),
    ],
    ...(rateLimits ? { rateLimits: true } : {}),
  });
}

export type BenchStore = Database & { target: DatabaseTarget };

/**
 * A migrated store: PGlite in memory (or in `pgliteDir`, for a server process to open after the
 * seeding), or a throwaway database on the PostgreSQL server `url` names (created for the run
 * and dropped on close, so a bench never writes into that database).
 */
export async function benchDatabase(
  url: string | undefined,
  opts: { pgliteDir?: string } = {},
): Promise<BenchStore> {
  if (url) {
    const db = await createThrowawayPostgres(url, "pbb_bench");
    return { ...db, target: { kind: "postgres", url: db.url } };
  }
  const target: DatabaseTarget = opts.pgliteDir
    ? { kind: "pglite", dir: opts.pgliteDir }
    : { kind: "pglite-memory" };
  const db = await openDatabase(target);
  await applyMigrations(db.adapter);
  return { ...db, target };
}

export const applyBenchOrg = (db: Database, emulator: SlackEmulator, branches: number) =>
  applyOrgLongAgo(db, emulator, orgText(branches), "bench.yml");

/** Applies an org file, dated long ago so that jobs may fire for any time a bench picks. */
export async function applyOrgLongAgo(
  db: Database,
  emulator: SlackEmulator,
  text: string,
  fileName: string,
) {
  const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
  const outcome = await applyOrgText(db, slackResolver(client), text, fileName, {
    actor: "bench",
    source: "bench",
  });
  if (outcome.status === "invalid") throw new Error(outcome.lines.join("\n"));
  await db.prisma.organization.update({
    where: { id: 1 },
    data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * Waits until the bot in this process has done the work its acks left behind, or `maxMs`: the
 * outbox has nothing pending and the process has been idle (< 10 % of a core) for half a second.
 * A closed-loop load leaves minutes of it; measured on top of the next load, it would be charged
 * to that load (or, in another process, to the bare Bolt run beside it).
 */
export async function untilWorkDone(
  db: Database,
  options: { maxMs?: number; work?: RunningBot["work"] } = {},
): Promise<void> {
  const { maxMs = 60_000, work } = options;
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const waiting = work ? work.active + work.backlog : 0;
    const pending = await db.prisma.delivery.count({ where: { status: "PENDING" } });
    const cpu = { usage: process.cpuUsage(), at: performance.now() };
    await new Promise((r) => setTimeout(r, 500));
    if (waiting === 0 && pending === 0 && cpuPercentSince(cpu) < 10) return;
  }
}

/** This process's CPU time since `from` (process.cpuUsage, performance.now), in % of one core. */
export function cpuPercentSince(from: { usage: NodeJS.CpuUsage; at: number }): number {
  const used = process.cpuUsage(from.usage);
  const elapsedMs = performance.now() - from.at;
  return Math.round(((used.user + used.system) / 1000 / elapsedMs) * 100);
}

/**
 * The machine's CPU use (all cores, all processes) over `run`, in % of its capacity, and this
 * process's (the harness: the local Slack answering the bot's Web API calls), in % of one core.
 */
export async function withMachineCpu<T>(
  run: () => Promise<T>,
): Promise<T & { machineCpuPercent: number; harnessCpuPercent: number }> {
  const totals = () =>
    os.cpus().reduce(
      (acc, c) => {
        const t = c.times;
        acc.busy += t.user + t.nice + t.sys + t.irq;
        acc.all += t.user + t.nice + t.sys + t.irq + t.idle;
        return acc;
      },
      { busy: 0, all: 0 },
    );
  const before = totals();
  const harness = { usage: process.cpuUsage(), at: performance.now() };
  const result = await run();
  const harnessCpuPercent = cpuPercentSince(harness);
  const after = totals();
  const share = (after.busy - before.busy) / Math.max(1, after.all - before.all);
  return { ...result, machineCpuPercent: Math.round(share * 100), harnessCpuPercent };
}
