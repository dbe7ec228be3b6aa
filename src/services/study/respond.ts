/**
 * An expected person answers the notice: confirms, or excuses themselves with a reason. Only
 * the person invited answers their invitation, until the session begins; the answer shows in
 * their DM and in the channel notice's counts.
 */
import { bumpStudySession, studySessionById, updateAttendee } from "../../db/repositories/study.ts";
import type { ExcuseForm, StudyPresenter } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTxRetrying } from "../kit/tx.ts";
import { loadStudyEnv } from "./env.ts";
import { refreshInvite, refreshNotice, sessionView } from "./messages.ts";
import { type Result, refuse } from "./result.ts";

export const REASON_MAX = 300;

export async function answerInvite(
  deps: Deps,
  present: StudyPresenter,
  req: { sessionId: number; userId: string; answer: "confirmed" | "excused"; reason?: string },
): Promise<Result> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const reason = req.reason?.trim() ?? "";
  if (req.answer === "excused" && reason === "") return refuse("reason-empty");
  const now = deps.now();
  const result = await inTxRetrying(deps.db, async (tx): Promise<Result> => {
    const s = await studySessionById(tx, req.sessionId);
    if (!s) return refuse("not-found");
    const a = s.attendees.find((p) => p.userId === req.userId);
    if (!a) return refuse("not-expected");
    if (s.startsAt <= now) return refuse("session-started");
    if (!(await bumpStudySession(tx, s.id, s.version))) throw new Conflict();
    await updateAttendee(tx, a.id, {
      response: req.answer,
      reason: req.answer === "excused" ? reason.slice(0, REASON_MAX) : null,
      respondedAt: now,
    });
    const view = await refreshNotice(tx, env, present, s.id);
    const after = await studySessionById(tx, s.id);
    if (view && after) await refreshInvite(tx, env, present, after, view, req.userId, false);
    return { ok: true };
  });
  if (result.ok) deps.homes?.changed({ users: [req.userId] });
  return result;
}

/** The excuse modal's content, for the invited person only. */
export async function openExcuse(
  deps: Deps,
  req: { sessionId: number; userId: string },
): Promise<
  Result<{ form: ExcuseForm; env: NonNullable<Awaited<ReturnType<typeof loadStudyEnv>>> }>
> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const s = await studySessionById(deps.db, req.sessionId);
  if (!s) return refuse("not-found");
  if (!s.attendees.some((p) => p.userId === req.userId)) return refuse("not-expected");
  if (s.startsAt <= deps.now()) return refuse("session-started");
  const view = await sessionView(deps.db.prisma, env, s);
  return { ok: true, env, form: { sessionId: s.id, session: view } };
}
