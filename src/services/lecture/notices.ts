/**
 * What the lecture jobs do for one session: make sure it exists with its speakers (assigning
 * earlier ones first), then post the channel notice, or DM the speakers a week ahead and the
 * day before. Each is idempotent: a re-run finds the session and the messages already there.
 */
import type { Database } from "../../db/client.ts";
import { activeTurns, type SessionRecord, sessionById } from "../../db/repositories/lecture.ts";
import type { LocalDate } from "../../domain/calendar.ts";
import { sessionPlannedOn } from "../../domain/lecture-schedule.ts";
import type { LectureJobDeps } from "../../ports/lecture.ts";
import type { Homes } from "../home/refresh.ts";
import { inTx } from "../kit/tx.ts";
import { ensureSession } from "./assign.ts";
import { dmTurn, type PresentingEnv, postNotice, presenting } from "./messages.ts";
import { syncLectureRoster } from "./roster.ts";
import { lectureSpec, loadLectureEnv } from "./series.ts";

export type NoticeSummary =
  | { date: LocalDate; seq: number; speakers: string[]; sent: boolean }
  | { skipped: "no-lecture-hall" | "no-session" };

async function ensureLecture(
  db: Database,
  env: PresentingEnv,
  plannedDate: LocalDate,
  at: Date,
  source: string,
) {
  const lecture = env.lecture;
  if (!lecture) return null;
  const planned = sessionPlannedOn(lecture.schedule, plannedDate);
  if (planned.skippedReason) return null;
  const assigned = await ensureSession(db, lectureSpec(lecture), planned, at, source);
  if (!assigned.ok) throw new Error(`lecture session ${planned.date}: ${assigned.error}`);
  await tellEarlierSpeakers(db, env, assigned.created.slice(0, -1));
  return assigned.session;
}

/** Speakers of earlier sessions assigned on the way hear of it now (their reminder may be past). */
async function tellEarlierSpeakers(db: Database, env: PresentingEnv, sessions: SessionRecord[]) {
  if (sessions.length === 0) return;
  await inTx(db, async (tx) => {
    for (const session of sessions) {
      for (const turn of activeTurns(session)) await dmTurn(tx, env, { turn, session }, "assigned");
    }
  });
}

/** The `lecture-notice` job: the session's notice in the lecture channel. */
export async function ensureLectureNotice(
  deps: LectureJobDeps,
  plannedDate: LocalDate,
  at: Date,
  source: string,
  homes?: Homes,
): Promise<NoticeSummary> {
  const { db } = deps;
  const loaded = await loadLectureEnv(db);
  if (!loaded?.lecture) return { skipped: "no-lecture-hall" };
  const env = presenting(loaded, deps);
  if (loaded.lecture.hall.syncWithChannel) {
    await syncLectureRoster(db, loaded.lecture.hall.channel, at, source);
  }
  const session = await ensureLecture(db, env, plannedDate, at, source);
  if (!session) return { skipped: "no-session" };
  const sent = await inTx(db, async (tx) => {
    const current = await sessionById(tx, session.id);
    return current ? postNotice(tx, env, current) : false;
  });
  const speakers = activeTurns(session).map((t) => t.userId);
  // The notice announces the speakers: their Homes show the turn from now on.
  if (sent && speakers.length > 0) homes?.changed({ users: speakers });
  return { date: session.date, seq: session.seq, speakers, sent };
}

/** The `lecture-speaker-reminder` job: each speaker's DM a week ahead or the day before. */
export async function ensureSpeakerReminders(
  deps: LectureJobDeps,
  plannedDate: LocalDate,
  kind: "week-ahead" | "day-before",
  at: Date,
  source: string,
): Promise<NoticeSummary> {
  const { db } = deps;
  const loaded = await loadLectureEnv(db);
  if (!loaded?.lecture) return { skipped: "no-lecture-hall" };
  const env = presenting(loaded, deps);
  const session = await ensureLecture(db, env, plannedDate, at, source);
  if (!session) return { skipped: "no-session" };
  const speakers = await inTx(db, async (tx) => {
    const current = await sessionById(tx, session.id);
    const told: string[] = [];
    for (const turn of current ? activeTurns(current) : []) {
      if (current && (await dmTurn(tx, env, { turn, session: current }, kind)))
        told.push(turn.userId);
    }
    return told;
  });
  return { date: session.date, seq: session.seq, speakers, sent: speakers.length > 0 };
}
