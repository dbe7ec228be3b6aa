/**
 * `quarter-tracking`: on the first working day after each quarter (the org file's
 * `schedules.quarterTracking.time`), each branch gets its quarter's plan items and the committee
 * the table of all branches; keyed by the quarter ("2027-Q1"). `quarter-tracking-followup`,
 * three working days later, reminds the branches still missing reasons, once ("2027-Q1#1").
 * The same fire checks the responsibility lists: each committee member gets their quarter's items.
 */
import { parseQuarterKey } from "../../domain/annual-plan.ts";
import { followUpFor, followUpsBetween } from "../../domain/annual-plan-quarter.ts";
import { planSettingsOf } from "../../services/annual-plans/org.ts";
import { runQuarterTracking, sendQuarterFollowUps } from "../../services/annual-plans/quarter.ts";
import { responsibilityCheck } from "../../services/responsibilities/check.ts";
import { dutyCheckPresenter } from "../../slack/views/responsibilities/check.ts";
import { defineJob } from "../define.ts";
import { planJob, planRunOf } from "./plan-job.ts";

const quarterOf = (key: string) => {
  const ref = parseQuarterKey(key.split("#")[0] ?? "");
  if (!ref) throw new Error(`not a quarter occurrence: ${key}`);
  return ref;
};

export const quarterTrackingJob = planJob("quarter-tracking", async (run, occurrence) => {
  const ref = quarterOf(occurrence.key);
  const plans = await runQuarterTracking(run, ref);
  const duties = await responsibilityCheck(
    { db: run.db, now: () => run.at, homes: run.homes, presenter: dutyCheckPresenter },
    { ...ref, at: run.at },
  );
  return { ...plans, dutyChecks: duties.sent.length };
});

export const quarterFollowUpJob = defineJob({
  name: "quarter-tracking-followup",
  occurrenceFor(org, at) {
    const settings = planSettingsOf(org.settings, org.timezone);
    return settings ? followUpFor(settings, at) : null;
  },
  occurrencesBetween(org, from, to) {
    const settings = planSettingsOf(org.settings, org.timezone);
    return settings ? followUpsBetween(settings, from, to) : [];
  },
  run: (ctx, occurrence, at) =>
    sendQuarterFollowUps(
      planRunOf(ctx, at, "quarter-tracking-followup"),
      quarterOf(occurrence.key),
    ),
});
