/**
 * iCalendar feeds at secret, revocable URLs: `/calendar/lectures/<token>.ics`. A token with a
 * person serves their turns only; the one without serves the whole schedule. Tokens are 32
 * random bytes (base64url); an unknown or revoked token serves nothing.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client.ts";
import {
  activeTurns,
  allSessions,
  liveToken,
  liveTokenOf,
  personNames,
  type Tx,
} from "../../db/repositories/lecture.ts";
import { audit, createToken, revokeTokens } from "../../db/repositories/lecture-write.ts";
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
import { LECTURE_SERIES, loadLectureEnv } from "./series.ts";

export const FEED_PATH = "/calendar/lectures";
const UID_DOMAIN = "lecture-hall.party-building-bot";
const WEEKS_AHEAD = 8;

export const newToken = (): string => randomBytes(32).toString("base64url");

async function ensureToken(tx: Tx, userId: string | null, actor: string, at: Date) {
  const live = await liveTokenOf(tx, userId);
  if (live) return live.token;
  const token = newToken();
  await createToken(tx, token, userId);
  await audit(tx, {
    actor,
    action: "lecture.calendar.token",
    entity: "CalendarToken",
    entityId: userId ?? "schedule",
    source: "/pbb lectures calendar",
    at,
  });
  return token;
}

export interface CalendarLinks {
  personal: string;
  schedule: string;
}

/** The person's feed token and the whole schedule's, created on first ask; `revoke` renews theirs. */
export async function calendarTokens(
  deps: Deps,
  r: { userId: string; revoke: boolean },
): Promise<CalendarLinks> {
  const now = deps.now();
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
    const personal = await ensureToken(tx, r.userId, r.userId, now);
    const schedule = await ensureToken(tx, null, r.userId, now);
    return { personal, schedule };
  });
}

export const feedUrl = (base: string, token: string) =>
  `${base.replace(/\/$/, "")}${FEED_PATH}/${token}.ics`;

/** The feed a token serves, or null when the token is unknown or revoked. */
export async function calendarFeed(db: Database, token: string, now: Date): Promise<string | null> {
  const live = await liveToken(db, token);
  if (!live) return null;
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
  if (env.lecture && live.userId === null) {
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
    calendarName: t(live.userId ? "lecture.feed.personalName" : "lecture.feed.name"),
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
  return live.userId
    ? buildPersonalFeed(sessions, live.userId, strings, options)
    : buildLectureFeed(sessions, strings, options);
}
