/**
 * `lecture-swap-expiry`: every hour on the hour, swap requests left unanswered past their time
 * expire and the speaker is told (an answer that comes too late is refused the same way).
 */

import { lectureScheduleOf } from "../../services/lecture/config.ts";
import { expireOverdueSwaps } from "../../services/lecture/swap-close.ts";
import { hourOf, hoursBetween } from "../daily.ts";
import { defineJob, type JobOrg } from "../define.ts";
import { lectureDeps } from "./session-job.ts";

const hasHall = (org: JobOrg) => lectureScheduleOf(org.settings, org.timezone) !== null;

export const swapExpiryJob = defineJob({
  name: "lecture-swap-expiry",
  occurrenceFor: (org, at) => (hasHall(org) ? hourOf(at) : null),
  occurrencesBetween: (org, from, to) => (hasHall(org) ? hoursBetween(from, to) : []),
  run: (ctx, _occurrence, at) => expireOverdueSwaps(lectureDeps(ctx), at),
});
