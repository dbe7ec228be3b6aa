/**
 * What the committee is told about all branches: who is overdue at the deadline, which lists
 * have waited too long for a decision, and each branch's month at the month's end.
 */
import {
  activeBranches,
  audit,
  type ListRecord,
  listsOfPeriod,
  listsUnderReview,
  loadListRecord,
  markEscalated,
  type Tx,
} from "../../db/repositories/tasklist.ts";
import {
  approvalReminderDue,
  isOnTime,
  listDeadline,
  monthSchedule,
} from "../../domain/month-schedule.ts";
import {
  awaitingDecision,
  latestRevision,
  revisionOf,
  snapshotOf,
} from "../../domain/task-list.ts";
import { completion } from "../../domain/task-list-items.ts";
import type { MonthSummaryInput, SlackMessage } from "../../ports/tasklist.ts";
import { inTx } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { tasklistKeys } from "./keys.ts";
import { loadTasklistOrg } from "./org.ts";
import type { JobRun } from "./reminders.ts";

const toCommittee = (tx: Tx, key: string, channel: string, m: SlackMessage) =>
  enqueueDelivery(tx, {
    dedupeKey: key,
    method: "chat.postMessage",
    payload: { channel, text: m.text, blocks: m.blocks },
  });

/** Each active branch with its list for the month (null: none was ever created). */
async function branchesWithLists(run: JobRun, period: string) {
  const [branches, lists] = await Promise.all([
    activeBranches(run.db),
    listsOfPeriod(run.db, period),
  ]);
  return Promise.all(
    branches.map(async (branch) => {
      const id = lists.find((l) => l.branchId === branch.id)?.id;
      const rec = id === undefined ? null : await loadListRecord(run.db, id, { comments: false });
      return { branch, rec };
    }),
  );
}

export async function postOverdueList(run: JobRun, period: string) {
  const org = await loadTasklistOrg(run.db);
  const rows = await branchesWithLists(run, period);
  const late = rows.flatMap(({ branch, rec }) => {
    const state = rec?.state ?? "DRAFT";
    return state === "DRAFT" || state === "RETURNED" ? [{ branch, rec, state }] : [];
  });
  const overdue = late.map(({ branch, state }) => ({ branch, state }));
  const lateLists = late.flatMap(({ rec }) => (rec ? [rec.id] : []));
  const deadlineAt = monthSchedule(org.schedule, org.calendar, period).deadline.at;
  const message = run.presenters.tasklist.overdue({ period, deadlineAt, branches: overdue }, org);
  await inTx(run.db, (tx) =>
    toCommittee(tx, tasklistKeys.overdue(period), org.committeeChannel, message),
  );
  // Past the deadline, the late branches' Homes (and the committee's) show them overdue.
  if (lateLists.length > 0) run.homes?.changed({ listIds: lateLists });
  return { period, overdue: overdue.map((o) => o.branch.key) };
}

/** Lists waiting for a decision longer than the threshold, not reminded of within it. */
export async function remindWaitingApprovals(run: JobRun, date: string) {
  const org = await loadTasklistOrg(run.db);
  const hours = org.schedule.approvalReminderHours ?? 48;
  const due: { rec: ListRecord; since: Date }[] = [];
  for (const id of await listsUnderReview(run.db)) {
    const rec = await loadListRecord(run.db, id, { comments: false });
    const since = rec && latestRevision(rec)?.submittedAt;
    if (!rec || !since || !awaitingDecision(snapshotOf(rec))) continue;
    if (approvalReminderDue(org.schedule, since, rec.lastEscalatedAt, run.at))
      due.push({ rec, since });
  }
  if (due.length === 0) return { date, waiting: [] };
  const lists = due.map(({ rec, since }) => ({
    rec,
    waitingHours: (run.at.getTime() - since.getTime()) / 3600_000,
  }));
  const message = run.presenters.tasklist.approvalWaiting({ thresholdHours: hours, lists }, org);
  const ids = due.map((d) => d.rec.id);
  await inTx(run.db, async (tx) => {
    await toCommittee(tx, tasklistKeys.approvalWaiting(date), org.committeeChannel, message);
    await markEscalated(tx, ids, run.at);
    for (const id of ids) {
      await audit(tx, {
        actor: run.source,
        action: "tasklist.escalate",
        entityId: id,
        data: { date, thresholdHours: hours },
        source: run.source,
        at: run.at,
      });
    }
  });
  return { date, waiting: due.map((d) => d.rec.branch.key) };
}

export async function postMonthSummary(run: JobRun, period: string) {
  const org = await loadTasklistOrg(run.db);
  const deadline = monthSchedule(org.schedule, org.calendar, period).deadline.at;
  const rows = await branchesWithLists(run, period);
  const summary: MonthSummaryInput = {
    period,
    rows: rows.map(({ branch, rec }) => {
      const plan = rec && revisionOf(rec, rec.approvedRevision);
      return {
        branch,
        state: rec?.state ?? "DRAFT",
        onTime: rec?.firstSubmittedAt
          ? isOnTime(
              rec.firstSubmittedAt,
              listDeadline(rec, () => deadline),
            )
          : null,
        completion: plan ? completion(plan.items) : null,
      };
    }),
  };
  const message = run.presenters.tasklist.monthSummary(summary, org);
  await inTx(run.db, (tx) =>
    toCommittee(tx, tasklistKeys.summary(period), org.committeeChannel, message),
  );
  return {
    period,
    rows: summary.rows.map((r) => ({
      branch: r.branch.key,
      state: r.state,
      onTime: r.onTime,
      done: r.completion ? `${r.completion.done}/${r.completion.total}` : null,
    })),
  };
}
