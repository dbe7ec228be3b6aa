import { activeTurns, sessionById } from "../../db/repositories/lecture.ts";
import type { LocalDate } from "../../domain/calendar.ts";
import { zonedInstant } from "../../domain/lecture-time.ts";
import type { LectureJobDeps } from "../../ports/lecture.ts";
import { inTx } from "../kit/tx.ts";
import { ensureSession } from "./assign.ts";
import { dmTurn, presenting } from "./messages.ts";
import { classRepDay, classRepSpec, loadLectureEnv } from "./series.ts";

export interface ClassRepSummary {
  date: LocalDate;
  branches: { key: string; representatives: string[] }[];
}

/** The `classrep-turn` job for one day: the branches whose turn starts that day. */
export async function ensureClassReps(
  deps: LectureJobDeps,
  date: LocalDate,
  at: Date,
  source: string,
): Promise<ClassRepSummary> {
  const { db } = deps;
  const loaded = await loadLectureEnv(db);
  const summary: ClassRepSummary = { date, branches: [] };
  if (!loaded) return summary;
  const env = presenting(loaded, deps);
  for (const c of env.classReps.values()) {
    if (classRepDay(env, c, date) !== date) continue;
    const startsAt = zonedInstant(date, c.time, env.timezone);
    const assigned = await ensureSession(db, classRepSpec(env, c), { date, startsAt }, at, source);
    if (!assigned.ok) throw new Error(`class representatives of ${c.key}: ${assigned.error}`);
    const told = await inTx(db, async (tx) => {
      const session = await sessionById(tx, assigned.session.id);
      if (!session) return [];
      const notBefore = startsAt > at ? startsAt : undefined;
      for (const turn of activeTurns(session)) {
        await dmTurn(tx, env, { turn, session }, "assigned", notBefore);
      }
      return activeTurns(session).map((t) => t.userId);
    });
    summary.branches.push({ key: c.key, representatives: told });
  }
  return summary;
}
