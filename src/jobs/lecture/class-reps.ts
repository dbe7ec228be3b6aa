/**
 * `classrep-turn`: once a day (00:00 in the org's zone) the branches whose class-representative
 * turn starts that day get their representative; the DM goes out at the branch's time of day.
 * (Branch settings live in the database, not in the org settings jobs see, so the job fires
 * daily and asks the database which branches are due.)
 */
import { addDays } from "../../domain/calendar.ts";
import { localDateOf, zonedInstant } from "../../domain/lecture-time.ts";
import { ensureClassReps } from "../../services/lecture/class-reps.ts";
import { defineJob, type Occurrence } from "../define.ts";
import { lectureDeps } from "./session-job.ts";

const occurrenceOn = (date: string, timezone: string): Occurrence => ({
  key: date,
  fireAt: zonedInstant(date, "00:00", timezone),
});

export const classRepJob = defineJob({
  name: "classrep-turn",
  occurrenceFor(org, at) {
    return occurrenceOn(localDateOf(at, org.timezone), org.timezone);
  },
  occurrencesBetween(org, from, to) {
    const out: Occurrence[] = [];
    const last = localDateOf(to, org.timezone);
    for (let day = localDateOf(from, org.timezone); day <= last; day = addDays(day, 1)) {
      const o = occurrenceOn(day, org.timezone);
      if (o.fireAt > from && o.fireAt <= to) out.push(o);
    }
    return out;
  },
  run: (ctx, occurrence, at) =>
    ensureClassReps(lectureDeps(ctx), occurrence.key, at, `classrep-turn ${ctx.source}`),
});
