/**
 * Make-up: someone not present at a session reads its materials and hands in a short note.
 * A note from someone present, not expected, before attendance is recorded, or a second one, is
 * refused. The `study-makeup-reminder` job sends each owed make-up one reminder.
 */
import {
  bumpStudySession,
  makeUpsToRemind,
  type StudySessionRecord,
  studySessionById,
  updateAttendee,
} from "../../db/repositories/study.ts";
import { makeUpRefusal } from "../../domain/study.ts";
import type { MakeUpForm, StudyPresenter } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { Conflict, inTx, inTxRetrying, type Tx } from "../kit/tx.ts";
import { envAndSession, loadStudyEnv, type StudyEnv } from "./env.ts";
import { dmMakeUp, refreshNotice, sessionView } from "./messages.ts";
import { type Result, refuse } from "./result.ts";

export const NOTE_MAX = 2000;

/** The person's place on the session's list and why they may not make it up, if not. */
function makeUpOf(s: StudySessionRecord, userId: string) {
  const a = s.attendees.find((p) => p.userId === userId);
  const why = makeUpRefusal({
    expected: a !== undefined,
    attendance: (a?.attendance ?? null) as "present" | "excused" | "absent" | null,
    madeUp: a?.madeUpAt != null,
  });
  return { a, why };
}

/** The make-up DM to a person who owes one ("reminder") or handed it in ("done"). */
function dmOwed(
  tx: Tx,
  env: StudyEnv,
  present: StudyPresenter,
  view: Parameters<typeof dmMakeUp>[3],
  s: StudySessionRecord,
  a: { userId: string; attendance: string | null; makeUpNote: string | null },
  kind: "done" | "reminder",
) {
  const who = { userId: a.userId, attendance: a.attendance ?? "absent", makeUpNote: a.makeUpNote };
  return dmMakeUp(tx, env, present, view, who, s.makeUpDue ?? s.date, kind);
}

export async function openMakeUp(
  deps: Deps,
  req: { sessionId: number; userId: string },
): Promise<Result<{ form: MakeUpForm; env: StudyEnv }>> {
  const found = await envAndSession(deps.db, req.sessionId);
  if (!found.ok) return found;
  const { env, s } = found;
  const why = makeUpOf(s, req.userId).why;
  if (why) return refuse(why);
  const view = await sessionView(deps.db.prisma, env, s);
  return { ok: true, env, form: { sessionId: s.id, session: view, due: s.makeUpDue ?? s.date } };
}

export async function submitMakeUp(
  deps: Deps,
  present: StudyPresenter,
  req: { sessionId: number; userId: string; note: string },
): Promise<Result> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const note = req.note.trim();
  if (note === "") return refuse("note-empty");
  const now = deps.now();
  const result = await inTxRetrying(deps.db, async (tx): Promise<Result> => {
    const s = await studySessionById(tx, req.sessionId);
    if (!s) return refuse("not-found");
    const { a, why } = makeUpOf(s, req.userId);
    if (why || !a) return refuse(why ?? "not-expected");
    if (!(await bumpStudySession(tx, s.id, s.version))) throw new Conflict();
    await updateAttendee(tx, a.id, { makeUpNote: note.slice(0, NOTE_MAX), madeUpAt: now });
    const view = await refreshNotice(tx, env, present, s.id);
    if (view) {
      await dmOwed(tx, env, present, view, s, { ...a, makeUpNote: note }, "done");
    }
    return { ok: true };
  });
  if (result.ok) deps.homes?.changed({ users: [req.userId] });
  return result;
}

/** The `study-makeup-reminder` job's work on `today`: one reminder per make-up still owed. */
export async function remindMakeUps(
  deps: Deps,
  present: StudyPresenter,
  today: string,
): Promise<{ reminded: string[] }> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return { reminded: [] };
  const due = await makeUpsToRemind(deps.db, today);
  const reminded: string[] = [];
  const now = deps.now();
  await inTx(deps.db, async (tx) => {
    for (const a of due) {
      const s = await studySessionById(tx, a.sessionId);
      if (!s) continue;
      const view = await sessionView(tx, env, s);
      const sent = await dmOwed(tx, env, present, view, s, { ...a, makeUpNote: null }, "reminder");
      await updateAttendee(tx, a.id, { makeUpRemindedAt: now });
      if (sent) reminded.push(a.userId);
    }
  });
  return { reminded };
}
