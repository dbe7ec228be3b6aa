/**
 * `lecture-swap-expiry`: every hour on the hour, swap requests left unanswered past their time
 * expire and the speaker is told (an answer that comes too late is refused the same way).
 */

import { lectureScheduleOf } from "../../services/lecture/config.ts";
import { expireOverdueSwaps } from "../../services/lecture/swap-close.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";
import { lectureDeps } from "./session-job.ts";

const HOUR = 3600_000;
const hasHall = (org: JobOrg) => lectureScheduleOf(org.settings, org.timezone) !== null;
const occurrenceAt = (ms: number): Occurrence => ({
  key: new Date(ms).toISOString().slice(0, 13),
  fireAt: new Date(ms),
});

export const swapExpiryJob = defineJob({
  name: "lecture-swap-expiry",
  occurrenceFor(org, at) {
    if (!hasHall(org)) return null;
    return occurrenceAt(Math.floor(at.getTime() / HOUR) * HOUR);
  },
  occurrencesBetween(org, from, to) {
    if (!hasHall(org)) return [];
    const out: Occurrence[] = [];
    for (let ms = Math.floor(from.getTime() / HOUR) * HOUR + HOUR; ms <= to.getTime(); ms += HOUR)
      out.push(occurrenceAt(ms));
    return out;
  },
  run: (ctx, _occurrence, at) => expireOverdueSwaps(lectureDeps(ctx), at),
});
