/**
 * The month's reminders, as "ensure" operations: each active branch has its list for the month
 * and its reminder posted (the list row and the post commit together; both are keyed, by branch
 * + month and by the list, so a re-run, a catch-up or a second replica adds nothing), and on a
 * follow-up day a branch that has not submitted gets a reminder in the reminder's thread.
 */
import type { Database } from "../../db/client.ts";
import {
  activeBranches,
  audit,
  type BranchRecord,
  createListIfMissing,
  findListId,
  type ListRecord,
  loadListRecord,
  type Tx,
} from "../../db/repositories/tasklist.ts";
import { monthSchedule } from "../../domain/month-schedule.ts";
import type { TasklistPresenter } from "../../ports/tasklist.ts";
import type { Homes } from "../home/refresh.ts";
import { inTx } from "../kit/tx.ts";
import { tasklistKeys } from "./keys.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import { postInReminderThread, postReminder, reminderExtras } from "./transition.ts";

export interface JobRun {
  db: Database;
  /** The run's "now" (a `pbb jobs run --at` time, or the fire time). */
  at: Date;
  /** The job's name, for the audit log. */
  source: string;
  /** The running bot's Home refresher, if this process has one. */
  homes?: Homes | undefined;
  /** How the round trip's messages look. */
  presenters: { tasklist: TasklistPresenter };
}

/** The branch's list for the month and its posted reminder, created if missing. */
async function ensureListAndReminder(
  tx: Tx,
  run: JobRun,
  org: TasklistOrg,
  branch: BranchRecord,
  period: string,
): Promise<{ rec: ListRecord; created: boolean; posted: boolean }> {
  const dueAt = monthSchedule(org.schedule, org.calendar, period).deadline.at;
  const created = await createListIfMissing(tx, { branchId: branch.id, period, dueAt });
  const id = await findListId(tx, branch.id, period);
  const rec = id === null ? null : await loadListRecord(tx, id);
  if (!rec) throw new Error(`the ${period} list of branch ${branch.key} was not created`);
  if (created) {
    await audit(tx, {
      actor: run.source,
      action: "tasklist.remind",
      entityId: rec.id,
      data: { branch: branch.key, period, dueAt: dueAt.toISOString() },
      source: run.source,
      at: run.at,
    });
  }
  const present = run.presenters.tasklist;
  const posted = await postReminder({ tx, rec, org, present }, await reminderExtras({ tx, rec }));
  return { rec, created, posted };
}

export async function ensureMonthlyReminders(run: JobRun, period: string) {
  const org = await loadTasklistOrg(run.db);
  const summary = { period, branches: 0, listsCreated: 0, remindersPosted: 0 };
  const created: number[] = [];
  for (const branch of await activeBranches(run.db)) {
    const done = await inTx(run.db, (tx) => ensureListAndReminder(tx, run, org, branch, period));
    summary.branches += 1;
    if (done.created) created.push(done.rec.id);
    if (done.posted) summary.remindersPosted += 1;
  }
  summary.listsCreated = created.length;
  // A new month's list changes what every Home concerned shows ("to submit by …").
  if (created.length > 0) run.homes?.changed({ listIds: created });
  return summary;
}

/** Follow-up `index` of the month: in the reminder's thread of every branch not submitted. */
export async function sendFollowUps(run: JobRun, period: string, index: number) {
  const org = await loadTasklistOrg(run.db);
  const summary = { period, followUp: index + 1, reminded: [] as string[] };
  for (const branch of await activeBranches(run.db)) {
    const sent = await inTx(run.db, async (tx) => {
      const { rec } = await ensureListAndReminder(tx, run, org, branch, period);
      if (rec.state !== "DRAFT" && rec.state !== "RETURNED") return false;
      const message = run.presenters.tasklist.followUp(rec, org);
      return postInReminderThread(tx, rec, tasklistKeys.followUp(rec.id, index), message);
    });
    if (sent) summary.reminded.push(branch.key);
  }
  return summary;
}
