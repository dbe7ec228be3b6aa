/**
 * `project-milestones`: every day at 10:00 in the org's zone, each practical project without its
 * committee message gets it; each milestone due within 3 working days reminds its lead once;
 * each overdue one escalates to the committee once a week; a project without a lead has the
 * committee asked to name one (once per leaving) and its reminders go there. Keyed by the local date; each
 * message by its own key, so a second run sends nothing more.
 */

import { addDays } from "../../domain/calendar.ts";
import { zonedInstant } from "../../domain/lecture-time.ts";
import { localDateOf } from "../../domain/period.ts";
import { inTx } from "../../services/kit/tx.ts";
import { askForNewLeads } from "../../services/service-list/leads.ts";
import {
  nextMilestoneWorkDay,
  runProjectMilestones,
} from "../../services/service-list/projects.ts";
import { serviceListPresenter } from "../../slack/views/service-list/present.ts";
import { dailyOccurrences, latestOccurrence } from "../daily.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

// An hour after the monthly reminder (09:00): the 1st of a month opens with the round trip alone.
const TIME = "10:00";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  return dailyOccurrences(org.timezone, from, to, (day) => zonedInstant(day, TIME, org.timezone));
}

export const projectMilestonesJob = defineJob({
  name: "project-milestones",
  occurrenceFor: (org, at) => latestOccurrence(days, org, at, 2),
  occurrencesBetween: days,
  /** The next day whose run sends something (the sandbox's "Next milestone reminder"). */
  async nextWorkAt(db, org, after) {
    let day = localDateOf(after, org.timezone);
    if (zonedInstant(day, TIME, org.timezone) <= after) day = addDays(day, 1);
    const found = await nextMilestoneWorkDay(db, org.settings, org.timezone, day);
    return found ? zonedInstant(found, TIME, org.timezone) : null;
  },
  async run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at };
    const done = await runProjectMilestones(deps, serviceListPresenter, occurrence.key);
    // An org written without the feature's hook (a test, an old bot) still gets its question.
    const asked = await inTx(ctx.db, (tx) => askForNewLeads(tx, serviceListPresenter));
    return { ...done, asked: asked.length };
  },
});
