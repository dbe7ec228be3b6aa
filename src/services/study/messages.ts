/**
 * The study messages as outbox deliveries, rendered by the presenter (a port) from the stored
 * session, in the transaction of the change they tell of: the channel notice (updated in place
 * as people answer, speakers are drawn and attendance is recorded), each expected person's
 * invitation with the materials, the draws in the notice's thread, the make-up requests.
 */
import {
  branchById,
  type StudySessionRecord,
  studySessionById,
  type Tx,
} from "../../db/repositories/study.ts";
import type { DrawView, SessionView, StudyPresenter } from "../../ports/study.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import type { StudyEnv } from "./env.ts";
import {
  drawKey,
  drawUpdateKey,
  inviteKey,
  inviteUpdateKey,
  makeUpDoneKey,
  makeUpKey,
  makeUpReminderKey,
  noticeKey,
  noticeUpdateKey,
} from "./keys.ts";

export async function sessionView(
  tx: Tx,
  env: StudyEnv,
  s: StudySessionRecord,
): Promise<SessionView> {
  const branch = s.branchId === null ? null : await branchById(tx, s.branchId);
  const recorded = s.attendanceAt !== null;
  const count = (a: string) => s.attendees.filter((p) => p.attendance === a).length;
  return {
    id: s.id,
    kind: s.kind,
    topic: s.topic,
    startsAt: s.startsAt,
    timezone: env.timezone,
    minutes: s.minutes,
    materials: s.materials,
    chair: s.chairUserId,
    branchName: branch?.name ?? null,
    expected: s.attendees.length,
    confirmed: s.attendees.filter((p) => p.response === "confirmed").map((p) => p.userId),
    excused: s.attendees
      .filter((p) => p.response === "excused")
      .map((p) => ({ userId: p.userId, reason: p.reason })),
    attendance: recorded
      ? { present: count("present"), excused: count("excused"), absent: count("absent") }
      : null,
    draws: s.draws.map(drawView),
  };
}

export const drawView = (d: {
  id: number;
  seq: number;
  userId: string;
  outcome: string;
  outOfTurn: boolean;
}) =>
  ({
    id: d.id,
    seq: d.seq,
    userId: d.userId,
    outcome: d.outcome as DrawView["outcome"],
    outOfTurn: d.outOfTurn,
  }) satisfies DrawView;

/**
 * The session's notice in its channel and each expected person's invitation; once per session
 * and person however often it is asked.
 */
export async function sendNotices(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  sessionId: number,
): Promise<number> {
  const s = await studySessionById(tx, sessionId);
  if (!s) return 0;
  const view = await sessionView(tx, env, s);
  let sent = 0;
  const posted = await enqueueDelivery(tx, {
    dedupeKey: noticeKey(s.id),
    method: "chat.postMessage",
    payload: { channel: s.channelId, ...present.notice(view, env.t), unfurl_links: false },
  });
  if (posted) sent += 1;
  for (const a of s.attendees) {
    const invited = await enqueueDelivery(tx, {
      dedupeKey: inviteKey(s.id, a.userId),
      method: "dm",
      payload: {
        user: a.userId,
        ...present.invite(
          { session: view, userId: a.userId, response: null, reason: null, closed: false },
          env.t,
        ),
        unfurl_links: false,
      },
    });
    if (invited) sent += 1;
  }
  return sent;
}

/** Brings the channel notice up to date with the session (after its version was bumped). */
export async function refreshNotice(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  sessionId: number,
): Promise<SessionView | null> {
  const s = await studySessionById(tx, sessionId);
  if (!s) return null;
  const view = await sessionView(tx, env, s);
  await enqueueDelivery(tx, {
    dedupeKey: noticeUpdateKey(s.id, s.version),
    method: "chat.update",
    payload: { channel: s.channelId, ...present.notice(view, env.t) },
    after: noticeKey(s.id),
  });
  return view;
}

/** Re-renders one person's invitation (their answer, or closed once the session began). */
export async function refreshInvite(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  s: StudySessionRecord,
  view: SessionView,
  userId: string,
  closed: boolean,
): Promise<void> {
  const a = s.attendees.find((p) => p.userId === userId);
  if (!a) return;
  await enqueueDelivery(tx, {
    dedupeKey: inviteUpdateKey(s.id, userId, s.version),
    method: "chat.update",
    payload: present.invite(
      {
        session: view,
        userId,
        response: (a.response as "confirmed" | "excused" | null) ?? null,
        reason: a.reason,
        closed,
      },
      env.t,
    ),
    after: inviteKey(s.id, userId),
  });
}

/** A draw in the notice's thread, and its update once the chair said spoke or absent. */
export async function postDraw(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  view: SessionView,
  draw: DrawView,
): Promise<void> {
  const decided = draw.outcome !== "pending";
  await enqueueDelivery(tx, {
    dedupeKey: decided ? drawUpdateKey(view.id, draw.seq) : drawKey(view.id, draw.seq),
    method: decided ? "chat.update" : "chat.postMessage",
    payload: present.draw(draw, view, env.t),
    after: decided ? drawKey(view.id, draw.seq) : noticeKey(view.id),
  });
}

/** Asks someone not present to make up; `reminder`: the one reminder; `done`: the thanks. */
export async function dmMakeUp(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  view: SessionView,
  a: { userId: string; attendance: string; makeUpNote: string | null },
  due: string,
  moment: "ask" | "reminder" | "done",
): Promise<boolean> {
  const message = present.makeUp(
    {
      session: view,
      attendance: a.attendance as "excused" | "absent",
      due,
      note: moment === "done" ? a.makeUpNote : null,
      reminder: moment === "reminder",
    },
    env.t,
  );
  const key =
    moment === "ask"
      ? makeUpKey(view.id, a.userId)
      : moment === "reminder"
        ? makeUpReminderKey(view.id, a.userId)
        : makeUpDoneKey(view.id, a.userId);
  return enqueueDelivery(tx, {
    dedupeKey: key,
    ...(moment === "done"
      ? { method: "chat.update" as const, payload: message, after: makeUpKey(view.id, a.userId) }
      : { method: "dm" as const, payload: { user: a.userId, ...message } }),
  });
}
