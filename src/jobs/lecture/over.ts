/**
 * `lecture-over`: when a session starts, its speakers' DMs (every one sent, not only the latest)
 * are updated to say the lecture is over, without their buttons — an old "one week to go" must
 * not offer a swap for a lecture that already took place.
 */

import { sessionByDate } from "../../db/repositories/lecture.ts";
import { addDays } from "../../domain/calendar.ts";
import { heldSessions, sessionsBetween } from "../../domain/lecture-schedule.ts";
import { localDateOf } from "../../domain/lecture-time.ts";
import { inTx } from "../../services/kit/tx.ts";
import { lectureScheduleOf } from "../../services/lecture/config.ts";
import { closeSessionDms, presenting } from "../../services/lecture/messages.ts";
import { LECTURE_SERIES, loadLectureEnv } from "../../services/lecture/series.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";
import { lectureDeps } from "./session-job.ts";

const scheduleOf = (org: JobOrg) => lectureScheduleOf(org.settings, org.timezone)?.schedule;

function sessionsFiring(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const schedule = scheduleOf(org);
  if (!schedule) return [];
  const zone = schedule.calendar.timezone;
  const first = addDays(localDateOf(from, zone), -1);
  const last = addDays(localDateOf(to, zone), 1);
  return heldSessions(sessionsBetween(schedule, first, last))
    .map((s) => ({ key: `lecture:${s.date}:over`, fireAt: s.startsAt }))
    .filter((o) => o.fireAt > from && o.fireAt <= to)
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

export const lectureOverJob = defineJob({
  name: "lecture-over",
  occurrenceFor(org, at) {
    const day = 86_400_000;
    return sessionsFiring(org, new Date(at.getTime() - 8 * day), at).at(-1) ?? null;
  },
  occurrencesBetween: sessionsFiring,
  async run(ctx, occurrence) {
    const date = occurrence.key.split(":")[1] ?? "";
    const loaded = await loadLectureEnv(ctx.db);
    if (!loaded?.lecture) return { skipped: "no-lecture-hall" };
    const env = presenting(loaded, lectureDeps(ctx));
    const session = await sessionByDate(ctx.db, LECTURE_SERIES, date);
    if (!session) return { date, closed: 0 };
    const closed = await inTx(ctx.db, (tx) => closeSessionDms(tx, env, session.id));
    return { date, closed };
  },
});
