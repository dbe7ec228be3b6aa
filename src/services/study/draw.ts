/**
 * "Draw a speaker" at a centre-group session: only its chair draws, once the session is about
 * to begin, one draw at a time. The draw is the domain's (least spoken this year first, nobody
 * twice before everyone once) with a cryptographic random index; each draw is recorded and
 * posted in the notice's thread, where the chair says whether the person spoke or was absent
 * (skipped: it does not count, and they keep their priority).
 */
import { randomInt } from "node:crypto";
import {
  addDraw,
  bumpStudySession,
  decideDraw,
  drawById,
  presentBetween,
  type StudySessionRecord,
  spokenBetween,
  studyAudit,
  studySessionById,
} from "../../db/repositories/study.ts";
import { drawSpeaker, type RandomIndex } from "../../domain/study.ts";
import type { StudyPresenter } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import { loadStudyEnv } from "./env.ts";
import { drawView, postDraw, refreshNotice } from "./messages.ts";
import { type Result, refuse } from "./result.ts";

/** The chair may draw from this long before the session's start. */
const EARLY_MS = 30 * 60_000;

const cryptoIndex: RandomIndex = (n) => randomInt(n);

/** Present for a draw: recorded present once attendance is in, else confirmed; minus no-shows. */
export function presentForDraw(s: StudySessionRecord): string[] {
  const noShows = new Set(s.draws.filter((d) => d.outcome === "absent").map((d) => d.userId));
  const here =
    s.attendanceAt !== null
      ? s.attendees.filter((a) => a.attendance === "present")
      : s.attendees.filter((a) => a.response === "confirmed");
  return here.map((a) => a.userId).filter((id) => !noShows.has(id));
}

/** A refused draw; "nobody-due" names those owed a turn (absent), for the out-of-turn offer. */
export type DrawOutcome =
  | Result<{ drawn: string; seq: number; outOfTurn: boolean }>
  | { ok: false; error: "nobody-due"; owed: readonly string[]; sessionId: number };

export async function drawNextSpeaker(
  deps: Deps,
  present: StudyPresenter,
  req: { sessionId: number; userId: string; source: string; outOfTurn?: boolean },
  random: RandomIndex = cryptoIndex,
): Promise<DrawOutcome> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const now = deps.now();
  return inTxRetrying(deps.db, async (tx): Promise<DrawOutcome> => {
    const s = await studySessionById(tx, req.sessionId);
    if (!s) return refuse("not-found");
    if (s.kind !== "centre-group") return refuse("not-centre-group");
    if (s.chairUserId !== req.userId) return refuse("not-chair");
    if (s.startsAt.getTime() - EARLY_MS > now.getTime()) return refuse("session-not-started");
    const year = s.date.slice(0, 4);
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    const here = presentForDraw(s);
    const pool = await presentBetween(tx, first, last, s.id);
    const result = drawSpeaker(
      {
        present: here,
        drawnHere: s.draws.map((d) => d.userId),
        spokenThisYear: await spokenBetween(tx, first, last),
        pool: [...pool, ...here],
        pending: s.draws.some((d) => d.outcome === "pending"),
        outOfTurn: req.outOfTurn === true,
      },
      random,
    );
    if (!result.ok) {
      if (result.error === "nobody-due") {
        return { ok: false, error: "nobody-due", owed: result.owed ?? [], sessionId: s.id };
      }
      return refuse(result.error);
    }
    if (!(await bumpStudySession(tx, s.id, s.version))) throw new Conflict();
    const seq = s.draws.length + 1;
    const draw = await addDraw(tx, s.id, seq, result.userId, now, result.outOfTurn);
    await studyAudit(tx, {
      actor: req.userId,
      action: "study.draw",
      entityId: String(s.id),
      data: {
        seq,
        drawn: result.userId,
        among: result.due,
        round: result.round,
        outOfTurn: result.outOfTurn,
      },
      source: req.source,
    });
    const view = await refreshNotice(tx, env, present, s.id);
    if (view) await postDraw(tx, env, present, view, drawView(draw));
    return { ok: true, drawn: result.userId, seq, outOfTurn: result.outOfTurn };
  });
}

/** The chair says the drawn person spoke, or was absent (skipped, keeping their priority). */
export async function settleDraw(
  deps: Deps,
  present: StudyPresenter,
  req: { drawId: number; userId: string; outcome: "spoke" | "absent"; source: string },
): Promise<Result> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const now = deps.now();
  const result = await inTxRetrying(deps.db, async (tx): Promise<Result> => {
    const draw = await drawById(tx, req.drawId);
    if (!draw) return refuse("not-found");
    const s = await studySessionById(tx, draw.sessionId);
    if (!s) return refuse("not-found");
    if (s.chairUserId !== req.userId) return refuse("not-chair");
    if (!(await decideDraw(tx, draw.id, req.outcome, now))) return refuse("draw-decided");
    if (!(await bumpStudySession(tx, s.id, s.version))) throw new Conflict();
    await studyAudit(tx, {
      actor: req.userId,
      action: `study.draw.${req.outcome}`,
      entityId: String(s.id),
      data: { seq: draw.seq, userId: draw.userId },
      source: req.source,
    });
    const view = await refreshNotice(tx, env, present, s.id);
    if (view) await postDraw(tx, env, present, view, drawView({ ...draw, outcome: req.outcome }));
    return { ok: true };
  });
  return result;
}
