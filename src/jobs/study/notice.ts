/**
 * `study-notice`: the org file's centre-group session of each month — its notice in the
 * channel and the invitations with the materials, `noticeDaysBefore` days before the `day` at
 * the group's `time`. Keyed by month ("centre-group:2026-12"), so it runs once per session
 * however it is fired. (A session scheduled with `/pbb study new` has its notice sent through
 * the outbox at the same moment before it, with the same keys.)
 */

import { studySettingsOf } from "../../services/study/env.ts";
import { centreGroupMonths, ensureCentreGroupNotice } from "../../services/study/schedule.ts";
import { studyPresenter } from "../../slack/views/study/index.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const DAY = 86_400_000;
const envOf = (org: JobOrg) => ({ study: studySettingsOf(org.settings), timezone: org.timezone });

const occurrences = (org: JobOrg, from: Date, to: Date): Occurrence[] =>
  centreGroupMonths(envOf(org), from, to).map((m) => ({
    key: `centre-group:${m.month}`,
    fireAt: m.fireAt,
  }));

export const studyNoticeJob = defineJob({
  name: "study-notice",
  occurrenceFor(org, at) {
    return occurrences(org, new Date(at.getTime() - 40 * DAY), at).at(-1) ?? null;
  },
  occurrencesBetween: occurrences,
  run(ctx, occurrence, at) {
    const month = occurrence.key.replace("centre-group:", "");
    const deps = { db: ctx.db, now: () => at, homes: ctx.homes };
    return ensureCentreGroupNotice(deps, studyPresenter, month, `study-notice ${ctx.source}`);
  },
});
