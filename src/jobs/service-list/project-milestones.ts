/**
 * `project-milestones`: every day at 09:00 in the org's zone, each practical project without its
 * committee message gets it; each milestone due within 3 working days reminds its lead once;
 * each overdue one escalates to the committee once a week. Keyed by the local date; each
 * message by its own key, so a second run sends nothing more.
 */
import { addDays } from "../../domain/calendar.ts";
import { localDateOf, zonedInstant } from "../../domain/lecture-time.ts";
import { runProjectMilestones } from "../../services/service-list/projects.ts";
import { serviceListPresenter } from "../../slack/views/service-list/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const TIME = "09:00";

function days(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  let day = addDays(localDateOf(from, org.timezone), -1);
  const last = localDateOf(to, org.timezone);
  for (let i = 0; i < 1000 && day <= last; i++, day = addDays(day, 1)) {
    const fireAt = zonedInstant(day, TIME, org.timezone);
    if (fireAt > from && fireAt <= to) out.push({ key: day, fireAt });
  }
  return out;
}

export const projectMilestonesJob = defineJob({
  name: "project-milestones",
  occurrenceFor(org, at) {
    return days(org, new Date(at.getTime() - 2 * 86_400_000), at).at(-1) ?? null;
  },
  occurrencesBetween: days,
  run(ctx, occurrence, at) {
    const deps = { db: ctx.db, now: () => at };
    return runProjectMilestones(deps, serviceListPresenter, occurrence.key);
  },
});
