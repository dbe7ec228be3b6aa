/**
 * The lecture hall's messages as outbox deliveries, rendered from the stored records by the
 * view builders, in the transaction of the change they tell of. Updates go after the post they
 * update (the outbox fills in its channel and ts), so they also work before it was sent.
 */

import { findDeliveryByKey } from "../../db/repositories/deliveries.ts";
import {
  activeTurns,
  pendingSwapOf,
  type SessionRecord,
  type SwapRecord,
  sessionById,
  type TurnInSession,
  type TurnRecord,
  type Tx,
  turnWithSession,
} from "../../db/repositories/lecture.ts";
import { setNoticeChannel, setTurnDm } from "../../db/repositories/lecture-write.ts";
import type {
  LectureMessage,
  LecturePresenter,
  LecturePresenting,
  SessionInfo,
  SpeakerDmView,
} from "../../ports/lecture.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { noticeKey, noticeUpdateKey, turnDmKey, turnDmUpdateKey } from "./keys.ts";
import { branchOfSeries, type LectureEnv } from "./series.ts";

/** The org as the lecture hall sees it, with the presenter its messages are rendered by. */
export type PresentingEnv = LectureEnv & { present: LecturePresenter };

export const presenting = (env: LectureEnv, deps: LecturePresenting): PresentingEnv => ({
  ...env,
  present: deps.presenters.lecture,
});

export type Moment = SpeakerDmView["moment"];

export function sessionInfo(env: LectureEnv, s: SessionRecord): SessionInfo {
  const lecture = branchOfSeries(s.series) === null;
  return {
    date: s.date,
    startsAt: s.startsAt,
    timezone: env.timezone,
    place: lecture ? (env.lecture?.hall.place ?? null) : null,
    seq: s.seq,
  };
}

export function noticeMessage(env: PresentingEnv, s: SessionRecord): LectureMessage {
  const changed = s.turns.some((t) => t.state === "SWAPPED_OUT" || t.state === "DROPPED");
  const speakers = activeTurns(s).map((t) => ({ userId: t.userId, topic: t.topic }));
  return env.present.notice(
    { ...sessionInfo(env, s), speakers, state: changed ? "updated" : "scheduled" },
    env.t,
  );
}

/** Posts the session's channel notice once (a re-run enqueues nothing new). */
export async function postNotice(tx: Tx, env: PresentingEnv, s: SessionRecord): Promise<boolean> {
  const channel = env.lecture?.hall.channel;
  if (!channel) return false;
  const key = noticeKey(s.id);
  const enqueued = await enqueueDelivery(tx, {
    dedupeKey: key,
    method: "chat.postMessage",
    payload: { channel, ...noticeMessage(env, s), unfurl_links: false },
    resultRef: key,
  });
  if (enqueued) await setNoticeChannel(tx, s.id, channel);
  return enqueued;
}

/** Brings an already posted (or enqueued) notice up to date with the session. */
export async function refreshNotice(tx: Tx, env: PresentingEnv, sessionId: number): Promise<void> {
  const s = await sessionById(tx, sessionId);
  if (!s?.noticeChannel) return;
  await enqueueDelivery(tx, {
    dedupeKey: noticeUpdateKey(s.id, s.version),
    method: "chat.update",
    payload: {
      channel: s.noticeChannel,
      ...(s.noticeTs ? { ts: s.noticeTs } : {}),
      ...noticeMessage(env, s),
    },
    after: noticeKey(s.id),
  });
}

/** Who took over a turn given up (the later turn in the same slot), if anyone. */
function successor(s: SessionRecord, turn: TurnRecord): string | null {
  return s.turns.find((t) => t.slot === turn.slot && t.id > turn.id)?.userId ?? null;
}

export function turnMessage(
  env: PresentingEnv,
  { turn, session }: TurnInSession,
  moment: Moment,
  pending: SwapRecord | null,
  over = false,
): LectureMessage {
  const branchKey = branchOfSeries(session.series);
  if (branchKey !== null) {
    const branch = env.classReps.get(branchKey);
    const state =
      turn.state === "CONFIRMED" ? "confirmed" : turn.state === "ASSIGNED" ? "assigned" : "dropped";
    return env.present.classRepDm(
      {
        turnId: turn.id,
        branchName: branch?.name ?? branchKey,
        cadence: branch?.cadence ?? "monthly",
        date: session.date,
        state,
      },
      env.t,
    );
  }
  const closed = turn.state === "SWAPPED_OUT" || turn.state === "DROPPED";
  const state: SpeakerDmView["state"] =
    turn.state === "SWAPPED_OUT"
      ? "swapped-out"
      : turn.state === "DROPPED"
        ? "dropped"
        : pending
          ? "swap-pending"
          : turn.state === "CONFIRMED"
            ? "confirmed"
            : "assigned";
  return env.present.speakerDm(
    {
      ...sessionInfo(env, session),
      turnId: turn.id,
      moment,
      state,
      topic: turn.topic,
      coSpeakers: activeTurns(session)
        .filter((t) => t.id !== turn.id)
        .map((t) => t.userId),
      other: closed ? successor(session, turn) : (pending?.toUser ?? null),
      over: over && !closed,
    },
    env.t,
  );
}

/** DMs the turn's holder (once per turn and moment) and remembers it as the turn's DM. */
export async function dmTurn(
  tx: Tx,
  env: PresentingEnv,
  found: TurnInSession,
  moment: Moment,
  notBefore?: Date,
): Promise<boolean> {
  const key = turnDmKey(found.turn.id, moment);
  const pending = await pendingSwapOf(tx, found.turn.id);
  const enqueued = await enqueueDelivery(tx, {
    dedupeKey: key,
    method: "dm",
    payload: { user: found.turn.userId, ...turnMessage(env, found, moment, pending) },
    ...(notBefore ? { notBefore } : {}),
  });
  if (enqueued) await setTurnDm(tx, found.turn.id, key, moment);
  return enqueued;
}

/** Re-renders the turn's latest DM after a change (`change`: the audit row that recorded it). */
export async function refreshTurnDm(tx: Tx, env: PresentingEnv, turnId: number, change: number) {
  const found = await turnWithSession(tx, turnId);
  if (!found?.turn.dmKey) return;
  const moment = (found.turn.dmMoment ?? "assigned") as Moment;
  const pending = await pendingSwapOf(tx, turnId);
  await enqueueDelivery(tx, {
    dedupeKey: turnDmUpdateKey(turnId, change),
    method: "chat.update",
    payload: { ...turnMessage(env, found, moment, pending) },
    after: found.turn.dmKey,
  });
}

const MOMENTS: readonly Moment[] = ["assigned", "week-ahead", "day-before"];

/**
 * Once the session has started, every DM sent to its speakers (each moment's, not only the
 * latest) is updated to say it is over, without buttons: an old DM must not offer a swap or a
 * confirmation for a lecture that already took place. Returns how many updates were enqueued.
 */
export async function closeSessionDms(
  tx: Tx,
  env: PresentingEnv,
  sessionId: number,
): Promise<number> {
  const session = await sessionById(tx, sessionId);
  if (!session || branchOfSeries(session.series) !== null) return 0;
  let enqueued = 0;
  for (const turn of session.turns) {
    for (const moment of MOMENTS) {
      const key = turnDmKey(turn.id, moment);
      if (!(await findDeliveryByKey(tx, key))) continue;
      const added = await enqueueDelivery(tx, {
        dedupeKey: `lecture:turn:${turn.id}:over:${moment}`,
        method: "chat.update",
        payload: { ...turnMessage(env, { turn, session }, moment, null, true) },
        after: key,
      });
      if (added) enqueued += 1;
    }
  }
  return enqueued;
}
