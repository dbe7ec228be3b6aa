/**
 * Shared by the lecture-hall tests: org files with a small roster, running a job the way
 * `pbb jobs run` does, waiting for what the bot sends, and reading iCalendar text.
 */

import { features, jobsOf } from "../../../src/app/features.ts";
import { type Presenters, presenters } from "../../../src/app/presenters.ts";
import type { Database } from "../../../src/db/client.ts";
import { runJobByName } from "../../../src/jobs/manual.ts";
import type { RecordedCall } from "../../../src/localslack/emulator/calls.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import type { TestBot } from "../../helpers/bot.ts";
import { createTestDatabase, type StoreKind, writeOrgText } from "../../helpers/database.ts";
import { untilIdle } from "../../helpers/idle.ts";

export const logger = createLogger("silent");

export interface OrgOptions {
  timezone?: string;
  locale?: "en" | "zh-CN";
  roster?: string[];
  weekday?: string;
  time?: string;
  noticeDaysBefore?: number;
  speakersPerSession?: number;
  syncWithChannel?: boolean;
  holidayPolicy?: "skip" | "next-working-day";
  /** Extra YAML for the `branches:` list (indented as list items). */
  branches?: string;
}

/** An org file: one committee, a lecture hall in C0LECTURE with a three-person roster. */
export function orgText(o: OrgOptions = {}): string {
  const roster = o.roster ?? ["U0A", "U0B", "U0C"];
  return `organization:
  name: Test Committee
  timezone: ${o.timezone ?? "Asia/Shanghai"}
  locale: ${o.locale ?? "en"}
committee:
  channel: C0COMMITTEE
  members: [U0CHAIR]
  admins: [U0CHAIR]
branches:${o.branches ?? " []"}
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
lectureHall:
  channel: C0LECTURE
  weekday: ${o.weekday ?? "wednesday"}
  time: "${o.time ?? "16:00"}"
  place: Room 301
  noticeDaysBefore: ${o.noticeDaysBefore ?? 2}
  speakersPerSession: ${o.speakersPerSession ?? 1}
  roster: [${roster.join(", ")}]
  syncWithChannel: ${o.syncWithChannel ?? false}
  skipPublicHolidays: true
${o.holidayPolicy ? `  holidayPolicy: ${o.holidayPolicy}\n` : ""}`;
}

export interface Store {
  db: Database;
  clock: { now(): Date; set(at: string): void };
  /** What a use case is given: the database, the clock and the presenters. */
  deps: { db: Database; now: () => Date; presenters: Presenters };
}

/** A fresh database with the org written as `pbb org apply` would (ids only, no Slack). */
export async function storeWithOrg(store: StoreKind, text: string, start: string): Promise<Store> {
  const db = await createTestDatabase(store);
  await writeOrgText(db, text, "test");
  await db.prisma.organization.update({
    where: { id: 1 },
    data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
  });
  let current = new Date(start);
  const clock = {
    now: () => current,
    set: (at: string) => {
      current = new Date(at);
    },
  };
  return { db, clock, deps: { db, now: () => clock.now(), presenters } };
}

/** Forgets every lecture record, message and job run (the org stays), for the next test. */
export async function resetLecture(db: Database): Promise<void> {
  const p = db.prisma;
  await p.$transaction([
    p.swapRequest.deleteMany(),
    p.lectureTurn.deleteMany(),
    p.lectureSession.deleteMany(),
    p.rotationState.deleteMany(),
    p.absence.deleteMany(),
    p.calendarToken.deleteMany(),
    p.delivery.deleteMany(),
    p.jobRun.deleteMany(),
    p.auditLog.deleteMany(),
  ]);
}

/** Outbox rows whose key starts with `prefix`, oldest first, with their payload's text. */
export async function outbox(db: Database, prefix = "lecture:") {
  const rows = await db.prisma.delivery.findMany({
    where: { dedupeKey: { startsWith: prefix } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => {
    const payload = r.payload as { user?: string; text?: string; channel?: string };
    return {
      key: r.dedupeKey,
      method: r.method,
      after: r.afterKey,
      payload,
      json: JSON.stringify(r.payload),
    };
  });
}

/** Who speaks at each stored session of a series: [date, active speakers]. */
export async function speakersBySession(db: Database, series = "lecture") {
  const sessions = await db.prisma.lectureSession.findMany({
    where: { series },
    include: { turns: { orderBy: { id: "asc" } } },
    orderBy: { date: "asc" },
  });
  return sessions.map((s) => [
    s.date,
    s.turns.filter((t) => t.state === "ASSIGNED" || t.state === "CONFIRMED").map((t) => t.userId),
  ]);
}

/** `pbb jobs run <name> --at <at>` against the bot's store (the bot's worker delivers). */
export function runJob(db: Database, name: string, at: string) {
  return runJobByName({ db, jobs: jobsOf(features), logger, runner: "test" }, name, at);
}

/** Every user mentioned anywhere in a value. */
export function mentionedUsers(value: unknown): string[] {
  return [...new Set([...JSON.stringify(value).matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]!))];
}

/** Waits for the `count`-th call of `method` in `channel` (matching `where`), up to 20 s. */
export function waitCall(
  t: TestBot,
  method: string,
  channel: string,
  opts: { count?: number; where?: (c: RecordedCall) => boolean } = {},
): Promise<RecordedCall> {
  const where = (c: RecordedCall) => c.args.channel === channel && (!opts.where || opts.where(c));
  return t.emulator.calls.waitFor(method, { count: opts.count ?? 1, timeoutMs: 20_000, where });
}

/**
 * Waits until the bot is idle (a click's work runs after its ack, so it may not have started
 * when the click returns) and the outbox holds nothing pending (what was sent is recorded).
 */
export async function settled(t: TestBot): Promise<void> {
  await untilIdle(t.bot);
  for (let i = 0; i < 200; i++) {
    if ((await t.db.prisma.delivery.count({ where: { status: "PENDING" } })) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("deliveries still pending after 20 s");
}

/** The lecture posts the bot made in a channel (chat.postMessage only), oldest first. */
export function posts(t: TestBot, channel: string): RecordedCall[] {
  return t.emulator.calls.of("chat.postMessage").filter((c) => c.args.channel === channel);
}

export interface IcsEvent {
  [property: string]: string;
}

/**
 * A small RFC 5545 reader: checks CRLF line ends and the VCALENDAR frame, unfolds lines and
 * returns each VEVENT's properties (parameters dropped, TEXT unescaped).
 */
export function parseIcs(text: string): { calendar: IcsEvent; events: IcsEvent[] } {
  if (!text.endsWith("\r\n") || /[^\r]\n/.test(text)) throw new Error("lines must end in CRLF");
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  if (lines[0] !== "BEGIN:VCALENDAR" || lines.at(-1) !== "END:VCALENDAR")
    throw new Error("not a VCALENDAR");
  const calendar: IcsEvent = {};
  const events: IcsEvent[] = [];
  let current: IcsEvent | null = null;
  for (const line of lines.slice(1, -1)) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new Error(`bad content line: ${line}`);
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line
      .slice(colon + 1)
      .replace(/\\n/gi, "\n")
      .replace(/\\([,;\\])/g, "$1");
    if (name === "BEGIN" && value === "VEVENT") current = {};
    else if (name === "END" && value === "VEVENT") {
      if (!current) throw new Error("END:VEVENT without BEGIN");
      events.push(current);
      current = null;
    } else (current ?? calendar)[name] = value;
  }
  if (current) throw new Error("unterminated VEVENT");
  return { calendar, events };
}
