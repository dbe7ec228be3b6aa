/**
 * `service-nudge`: once a quarter, on the 15th of its last month at 10:00 in the org's zone,
 * each member with no service report in the quarter gets one friendly DM. Keyed by the quarter
 * ("2026-Q4"), and each member's nudge by quarter + member: never more than one a quarter.
 */
import { zonedInstant } from "../../domain/lecture-time.ts";
import { nudgeQuarter } from "../../services/service-list/nudge.ts";
import { serviceListPresenter } from "../../slack/views/service-list/present.ts";
import { defineJob, type JobOrg, type Occurrence } from "../define.ts";

const DAY = 15;
const TIME = "10:00";

function quarters(org: JobOrg, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  const first = Number(new Date(from.getTime() - 40 * 86_400_000).toISOString().slice(0, 4));
  const last = Number(new Date(to.getTime() + 40 * 86_400_000).toISOString().slice(0, 4));
  for (let year = first; year <= last; year++) {
    for (let q = 1; q <= 4; q++) {
      const month = String(q * 3).padStart(2, "0");
      const fireAt = zonedInstant(`${year}-${month}-${DAY}`, TIME, org.timezone);
      if (fireAt > from && fireAt <= to) out.push({ key: `${year}-Q${q}`, fireAt });
    }
  }
  return out;
}

export const serviceNudgeJob = defineJob({
  name: "service-nudge",
  occurrenceFor(org, at) {
    return quarters(org, new Date(at.getTime() - 100 * 86_400_000), at).at(-1) ?? null;
  },
  occurrencesBetween: quarters,
  run(ctx, occurrence, at) {
    return nudgeQuarter({ db: ctx.db, now: () => at }, serviceListPresenter, occurrence.key);
  },
});
