/** `/pbb study`: the coming sessions, the person's record this year and the make-ups they owe. */
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import { branchesOfSecretary, studySessionsBetween } from "../../db/repositories/study.ts";
import { addDays } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import type { StudySummaryView } from "../../ports/study.ts";
import type { Deps } from "../kit/result.ts";
import { loadStudyEnv, type StudyEnv } from "./env.ts";
import { owedMakeUps, studyRecord } from "./record.ts";
import { type Result, refuse } from "./result.ts";

export async function studySummary(
  deps: Deps,
  userId: string,
): Promise<Result<{ view: StudySummaryView; env: StudyEnv }>> {
  const env = await loadStudyEnv(deps.db);
  if (!env) return refuse("no-org");
  const now = deps.now();
  const today = localDateOf(now, env.timezone);
  const year = Number(today.slice(0, 4));
  const coming = await studySessionsBetween(deps.db, today, addDays(today, 60));
  const recent = await studySessionsBetween(deps.db, `${year - 1}-01-01`, today);
  const roles = await committeeRolesOf(deps.db, userId);
  const secretary = (await branchesOfSecretary(deps.db, userId)).length > 0;
  const record = await studyRecord(deps.db, year);
  return {
    ok: true,
    env,
    view: {
      timezone: env.timezone,
      year,
      canSchedule: roles.admin || secretary,
      upcoming: coming
        .filter((s) => s.startsAt > now)
        .slice(0, 5)
        .map((s) => ({
          kind: s.kind,
          topic: s.topic,
          startsAt: s.startsAt,
          expected: s.attendees.some((a) => a.userId === userId),
        })),
      mine: record.people.find((p) => p.userId === userId) ?? null,
      owed: owedMakeUps(recent, userId),
    },
  };
}
