/** Shared set-up for benchmarks: an org of N branches, a migrated store, the local Slack. */
import os from "node:os";
import { WebClient } from "@slack/web-api";
import { stringify } from "yaml";
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

/**
 * A migrated store: PGlite in memory, or a throwaway database on the PostgreSQL server `url`
 * names (created for the run and dropped on close, so a bench never writes into that database).
 */
export async function benchDatabase(url: string | undefined): Promise<Database> {
  if (url) return createThrowawayPostgres(url, "pbb_bench");
  const db = await openDatabase({ kind: "pglite-memory" });
  await applyMigrations(db.adapter);
  return db;
}

export async function applyBenchOrg(db: Database, emulator: SlackEmulator, branches: number) {
  const client = new WebClient(emulator.workspace.bot.token, { slackApiUrl: emulator.url });
  const outcome = await applyOrgText(db, slackResolver(client), orgText(branches), "bench.yml", {
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
