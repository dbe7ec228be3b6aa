/**
 * A lecture-hall job fired by the session schedule (domain/lecture-schedule.ts): the channel
 * notice `noticeDaysBefore` days before a session at its time of day, the speaker DMs a week
 * ahead and the day before. Occurrences are keyed by the session's planned date (and the kind
 * of reminder), so however a run is fired it runs once per session.
 */
import { addDays, type LocalDate } from "../../domain/calendar.ts";
import {
  type FireKind,
  fireTime,
  heldSessions,
  sessionForFire,
  sessionOccurrence,
  sessionsBetween,
} from "../../domain/lecture-schedule.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import type { LectureJobDeps } from "../../ports/lecture.ts";
import { lectureScheduleOf } from "../../services/lecture/config.ts";
import { lecturePresenter } from "../../slack/views/lecture/present.ts";
import {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobOrg,
  type Occurrence,
} from "../define.ts";

/** What a lecture job's use case is given: the job's database and the presenter. */
export const lectureDeps = (ctx: Pick<JobContext, "db">): LectureJobDeps => ({
  db: ctx.db,
  presenters: { lecture: lecturePresenter },
});

const scheduleOf = (org: JobOrg) => lectureScheduleOf(org.settings, org.timezone)?.schedule;

export function occurrenceKey(plannedDate: LocalDate, kind: FireKind, kinds: readonly FireKind[]) {
  const base = sessionOccurrence({ plannedDate });
  return kinds.length > 1 ? `${base}:${kind}` : base;
}

export function parseSessionKey(key: string): { plannedDate: LocalDate; kind?: FireKind } {
  const m = /^lecture:(\d{4}-\d{2}-\d{2})(?::(week-ahead|day-before|notice))?$/.exec(key);
  if (!m?.[1]) throw new Error(`not a lecture occurrence: ${key}`);
  return m[2] ? { plannedDate: m[1], kind: m[2] as FireKind } : { plannedDate: m[1] };
}

export function sessionJob<S>(
  name: string,
  kinds: readonly FireKind[],
  work: (
    ctx: JobContext,
    session: { plannedDate: LocalDate; kind: FireKind },
    at: Date,
  ) => Promise<S>,
): JobDefinition<JobOrg, S> {
  return defineJob<JobOrg, S>({
    name,
    occurrenceFor(org, at) {
      const schedule = scheduleOf(org);
      if (!schedule) return null;
      let best: Occurrence | null = null;
      for (const kind of kinds) {
        const s = sessionForFire(schedule, at, kind);
        const fireAt = s ? fireTime(s, kind) : null;
        if (s && fireAt && (!best || fireAt > best.fireAt))
          best = { key: occurrenceKey(s.plannedDate, kind, kinds), fireAt };
      }
      return best;
    },
    occurrencesBetween(org, from, to) {
      const schedule = scheduleOf(org);
      if (!schedule) return [];
      const lead = Math.max(7, schedule.timing.noticeDaysBefore);
      const first = addDays(localDateOf(from, schedule.calendar.timezone), -7);
      const last = addDays(localDateOf(to, schedule.calendar.timezone), lead + 7);
      return heldSessions(sessionsBetween(schedule, first, last))
        .flatMap((s) =>
          kinds.map((kind) => ({
            key: occurrenceKey(s.plannedDate, kind, kinds),
            fireAt: fireTime(s, kind),
          })),
        )
        .filter((o) => o.fireAt > from && o.fireAt <= to)
        .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
    },
    run(ctx, occurrence, at) {
      const { plannedDate, kind } = parseSessionKey(occurrence.key);
      return work(ctx, { plannedDate, kind: kind ?? kinds[0] ?? "notice" }, at);
    },
  });
}
