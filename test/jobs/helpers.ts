/**
 * Helpers for the jobs and outbox tests: several "replicas" (database handles) on one store, an
 * organisation row, test jobs with simple schedules, and a manual clock.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrations.ts";
import { zonedTime } from "../../src/domain/period.ts";
import { defineJob, type JobOrg, type Occurrence } from "../../src/jobs/define.ts";
import { createLogger } from "../../src/observability/logger.ts";
import {
  createTestDatabase,
  postgresTemplate,
  postgresUrlFor,
  type StoreKind,
  TEST_DATABASE_URL,
} from "../helpers/database.ts";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../helpers/throwaway-postgres.ts";

export const logger = createLogger("silent");
export const TZ = "Asia/Shanghai";

export interface Replicas {
  dbs: Database[];
  close(): Promise<void>;
}

/**
 * `count` handles on one database: separate connection pools on PostgreSQL; on PGlite (one
 * process owns the store) the same handle, as every replica of that store shares it.
 */
export async function openReplicas(kind: StoreKind, count: number): Promise<Replicas> {
  if (kind === "pglite") {
    const db = await createTestDatabase("pglite");
    return { dbs: Array.from({ length: count }, () => db), close: () => db.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const server = TEST_DATABASE_URL;
  const name = uniqueDatabaseName("pbb_jobs");
  await createDatabase(server, name, postgresTemplate());
  const dbs: Database[] = [];
  for (let i = 0; i < count; i += 1) {
    dbs.push(await openDatabase({ kind: "postgres", url: postgresUrlFor(name) }));
  }
  // The template's copy is migrated: this only reads _prisma_migrations.
  await applyMigrations(dbs[0]!.adapter);
  return {
    dbs,
    async close() {
      await Promise.all(dbs.map((db) => db.close()));
      await dropDatabase(server, name);
    },
  };
}

export async function insertOrg(
  db: Database,
  org: { firstAppliedAt: Date; settings?: object; locale?: string },
): Promise<JobOrg> {
  const row = await db.prisma.organization.create({
    data: {
      name: "Test Committee",
      timezone: TZ,
      locale: org.locale ?? "en",
      settings: org.settings ?? {},
      committeeChannel: "C0COMMITTEE",
      firstAppliedAt: org.firstAppliedAt,
    },
  });
  return {
    timezone: row.timezone,
    locale: row.locale,
    settings: row.settings,
    firstAppliedAt: row.firstAppliedAt,
  };
}

/** A wall clock in TZ: local("2026-12-01 09:00"). */
export function local(dateTime: string): Date {
  const [date, time] = dateTime.split(" ");
  return zonedTime(date!, time!, TZ);
}

export interface CountingJob {
  runs: { key: string; at: Date }[];
}

/** Fires on day 1 of every month at 09:00 in TZ; the occurrence is the month. */
export function monthlyJob(name = "test-monthly", fail?: () => boolean) {
  const runs: { key: string; at: Date }[] = [];
  const fireOf = (month: string) => zonedTime(`${month}-01`, "09:00", TZ);
  const monthOf = (at: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit" })
      .format(at)
      .slice(0, 7);
  const nextMonth = (month: string) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  };
  const job = defineJob({
    name,
    occurrenceFor(_org, at) {
      const key = monthOf(at);
      return { key, fireAt: fireOf(key) };
    },
    occurrencesBetween(_org, from, to) {
      const out: Occurrence[] = [];
      for (let month = monthOf(from); fireOf(month) <= to; month = nextMonth(month)) {
        const fireAt = fireOf(month);
        if (fireAt > from) out.push({ key: month, fireAt });
      }
      return out;
    },
    async run(_ctx, occurrence, at) {
      if (fail?.()) throw new Error("boom");
      runs.push({ key: occurrence.key, at });
      return { month: occurrence.key };
    },
  });
  return { job, runs };
}

/** Fires every `everyMinutes` minutes on the UTC grid; the occurrence is the fire time. */
export function gridJob(name: string, everyMinutes: number) {
  const runs: { key: string; at: Date }[] = [];
  const step = everyMinutes * 60_000;
  const job = defineJob({
    name,
    occurrenceFor(_org, at) {
      const fireAt = new Date(Math.floor(at.getTime() / step) * step);
      return { key: fireAt.toISOString(), fireAt };
    },
    occurrencesBetween(_org, from, to) {
      const out: Occurrence[] = [];
      for (let t = Math.floor(from.getTime() / step + 1) * step; t <= to.getTime(); t += step) {
        out.push({ key: new Date(t).toISOString(), fireAt: new Date(t) });
      }
      return out;
    },
    async run(_ctx, occurrence, at) {
      runs.push({ key: occurrence.key, at });
      return { key: occurrence.key };
    },
  });
  return { job, runs };
}

/** A clock tests move by hand; `sleep` advances it instead of waiting. */
export function manualClock(start: Date = new Date()) {
  let ms = start.getTime();
  return {
    now: () => new Date(ms),
    nowMs: () => ms,
    advance(delta: number) {
      ms += delta;
    },
    set(at: Date) {
      ms = at.getTime();
    },
    sleeps: [] as number[],
    async sleep(delta: number) {
      this.sleeps.push(delta);
      ms += delta;
    },
  };
}

const TABLES = [
  "JobRun",
  "CronTick",
  "Replica",
  "Delivery",
  "ProcessedEvent",
  "AuditLog",
  "CommitteeRole",
  "Person",
  "Organization",
];

/** Empties the tables these tests write, so one database serves a whole file. */
export async function resetTables(db: Database): Promise<void> {
  const list = TABLES.map((t) => `"${t}"`).join(", ");
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

/** Replicas opened once per describe block and emptied before each test. */
export function useReplicas(kind: StoreKind, count: number): () => Database[] {
  let replicas: Replicas | undefined;
  beforeAll(async () => {
    replicas = await openReplicas(kind, count);
  });
  afterAll(async () => {
    await replicas?.close();
  });
  beforeEach(async () => {
    await resetTables(replicas!.dbs[0]!);
  });
  return () => replicas!.dbs;
}
