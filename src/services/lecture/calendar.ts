/**
 * iCalendar feeds at secret, revocable URLs: `/calendar/lectures/<token>.ics`. A person's
 * "person" token serves their turns only; their "schedule" token the whole schedule. Tokens are
 * 32 random bytes (base64url); only their SHA-256 is stored, so a URL is shown once, when it is
 * made (`revoke` makes new ones), and the feed compares hashes in constant time. Only people on
 * the lecture roster or the committee get links, and a token stops serving once its person is
 * neither. An admin rotates the whole-schedule tokens (`rotateScheduleTokens`).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.ts";
import {
  activeTurns,
  allSessions,
  isCommitteeAdmin,
  isCommitteePerson,
  liveToken,
  liveTokenOf,
  personNames,
  rotationRow,
  type TokenScope,
  type Tx,
} from "../../db/repositories/lecture.ts";
import {
  audit,
  createToken,
  revokeScheduleTokens,
  revokeTokens,
} from "../../db/repositories/lecture-write.ts";
import { addDays } from "../../domain/calendar.ts";
import {
  buildLectureFeed,
  buildPersonalFeed,
  type FeedSession,
  type FeedStrings,
} from "../../domain/lecture-ical.ts";
import { heldSessions, sessionsBetween } from "../../domain/lecture-schedule.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { type Result, refuse } from "./result.ts";
import { LECTURE_SERIES, lectureSpec, loadLectureEnv, rosterOf } from "./series.ts";

export const FEED_PATH = "/calendar/lectures";
const UID_DOMAIN = "lecture-hall.party-building-bot";
const WEEKS_AHEAD = 8;

export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string =>
  createHash("sha256").update(token, "utf8").digest("hex");

/** On the lecture roster in force, or on the committee (members and admins). */
export async function mayHaveCalendar(db: Database, userId: string): Promise<boolean> {
  if (await isCommitteePerson(db, userId)) return true;
  const env = await loadLectureEnv(db);
  if (!env?.lecture) return false;
  const spec = lectureSpec(env.lecture);
  return rosterOf(spec, await rotationRow(db, LECTURE_SERIES)).includes(userId);
}

async function createFor(tx: Tx, userId: string, scope: TokenScope, at: Date): Promise<string> {
  const token = newToken();
  await createToken(tx, hashToken(token), userId, scope);
  await audit(tx, {
    actor: userId,
    action: "lecture.calendar.token",
    entity: "CalendarToken",
    entityId: `${userId}:${scope}`,
    source: "/pbb lectures calendar",
    at,
  });
  return token;
}

export interface CalendarLinks {
  /** Tokens made now (shown once); undefined where a link in force was shown before. */
  personal?: string;
  schedule?: string;
}

/**
 * The person's links that are not in force yet, made now; `revoke` replaces both. Refused for
 * someone neither on the lecture roster nor on the committee.
 */
export async function calendarTokens(
  deps: Deps,
  r: { userId: string; revoke: boolean },
): Promise<Result<{ links: CalendarLinks }>> {
  const now = deps.now();
  if (!(await mayHaveCalendar(deps.db, r.userId))) return refuse("not-on-roster");
  return inTx(deps.db, async (tx) => {
    if (r.revoke && (await revokeTokens(tx, r.userId, now)) > 0) {
      await audit(tx, {
        actor: r.userId,
        action: "lecture.calendar.revoke",
        entity: "CalendarToken",
        entityId: r.userId,
        source: "/pbb lectures calendar revoke",
        at: now,
      });
    }
    const links: CalendarLinks = {};
    if (!(await liveTokenOf(tx, r.userId, "person")))
      links.personal = await createFor(tx, r.userId, "person", now);
    if (!(await liveTokenOf(tx, r.userId, "schedule")))
      links.schedule = await createFor(tx, r.userId, "schedule", now);
    return { ok: true as const, links };
  });
}

/**
 * Revokes every whole-schedule link (the old shared one included): each person asks
 * `/pbb lectures calendar` for a new one. `actor` null: the operator (`pbb lectures
 * calendar-rotate`); otherwise it must be a committee admin.
 */
export async function rotateScheduleTokens(
  deps: Deps,
  r: { actor: string | null; source: string },
): Promise<Result<{ revoked: number }>> {
  if (r.actor !== null && !(await isCommitteeAdmin(deps.db, r.actor))) return refuse("not-admin");
  const now = deps.now();
  return inTx(deps.db, async (tx) => {
    const revoked = await revokeScheduleTokens(tx, now);
    await audit(tx, {
      actor: r.actor ?? "operator",
      action: "lecture.calendar.rotate",
      entity: "CalendarToken",
      entityId: "schedule",
      source: r.source,
      at: now,
    });
    return { ok: true as const, revoked };
  });
}

export const feedUrl = (base: string, token: string) =>
  `${base.replace(/\/$/, "")}${FEED_PATH}/${token}.ics`;

/** The feed a token serves, or null when the token is unknown or revoked. */
export async function calendarFeed(db: Database, token: string, now: Date): Promise<string | null> {
  const hash = hashToken(token);
  const live = await liveToken(db, hash);
  // The index finds the row; the secret's comparison itself takes the same time for any input.
  if (!live || !timingSafeEqual(Buffer.from(live.tokenHash, "hex"), Buffer.from(hash, "hex")))
    return null;
  // A person who left the roster and the committee: their links stop serving.
  if (live.userId !== null && !(await mayHaveCalendar(db, live.userId))) return null;
  const wholeSchedule = live.scope === "schedule";
  const env = await loadLectureEnv(db);
  if (!env) return null;
  const stored = await allSessions(db, LECTURE_SERIES);
  const sessions: FeedSession[] = stored.map((s) => ({
    series: s.series,
    date: s.date,
    startsAt: s.startsAt,
    speakers: activeTurns(s).map((t) => t.userId),
    topic: activeTurns(s).find((t) => t.topic)?.topic ?? null,
    place: env.lecture?.hall.place ?? null,
    cancelled: s.status === "NOT_HELD",
    sequence: s.version,
  }));
  if (env.lecture && wholeSchedule) {
    const today = localDateOf(now, env.timezone);
    const known = new Set(stored.map((s) => s.date));
    const planned = heldSessions(
      sessionsBetween(env.lecture.schedule, today, addDays(today, WEEKS_AHEAD * 7)),
    ).filter((s) => !known.has(s.date) && s.startsAt > now);
    for (const s of planned) {
      sessions.push({ series: LECTURE_SERIES, date: s.date, startsAt: s.startsAt, speakers: [] });
    }
  }
  const names = await personNames(db, [...new Set(sessions.flatMap((s) => s.speakers))]);
  const { t } = env;
  const strings: FeedStrings = {
    calendarName: t(wholeSchedule ? "lecture.feed.name" : "lecture.feed.personalName"),
    summary: (s) =>
      t("lecture.feed.summary", {
        speakers: s.speakers.length
          ? s.speakers.map((u) => names.get(u) ?? u).join(t("lecture.list.separator"))
          : t("lecture.feed.unassigned"),
      }),
    description: (s) => (s.topic ? t("lecture.feed.topic", { topic: s.topic }) : ""),
  };
  const options = { domain: UID_DOMAIN, generatedAt: now, timezone: env.timezone };
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return wholeSchedule || live.userId === null
    ? buildLectureFeed(sessions, strings, options)
    : buildPersonalFeed(sessions, live.userId, strings, options);
}
