/**
 * Enqueuing the annual plans' messages in the caller's transaction, each rendered from the plan
 * as it is now; posts carry a resultRef where the ts is needed later, updates use the stored ts
 * or wait for their post (`after`).
 */
import type { Tx } from "../../db/repositories/annual-plan.ts";
import type {
  BranchYear,
  PlanOrg,
  PlanPresenter,
  PlanRecord,
  PlanRevisionRecord,
  SlackMessage,
} from "../../ports/annual-plans.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { planKeys as keys } from "./keys.ts";

export interface PlanMessageContext {
  tx: Tx;
  org: PlanOrg;
  present: PlanPresenter;
  /** Makes this change's updates unique ("p<plan>v<version>"). */
  tag: string;
}

const content = (m: SlackMessage) => ({ text: m.text, blocks: m.blocks });

function post(tx: Tx, key: string, channel: string, m: SlackMessage, resultRef = false) {
  return enqueueDelivery(tx, {
    dedupeKey: key,
    method: "chat.postMessage",
    payload: { channel, ...content(m) },
    ...(resultRef ? { resultRef: key } : {}),
  });
}

function update(
  tx: Tx,
  postKey: string,
  tag: string,
  known: { channel: string | null; ts: string | null },
  m: SlackMessage,
) {
  const target = known.channel && known.ts ? { channel: known.channel, ts: known.ts } : null;
  return enqueueDelivery(tx, {
    dedupeKey: keys.update(postKey, tag),
    method: "chat.update",
    payload: { ...(target ?? {}), ...content(m) },
    ...(target ? {} : { after: postKey }),
  });
}

export function postReminder(c: Omit<PlanMessageContext, "tag">, year: BranchYear) {
  const key = keys.reminder(year.branch.id, year.year);
  return post(c.tx, key, year.branch.channelId, c.present.reminder(year, c.org), true);
}

export function updateReminder(c: PlanMessageContext, year: BranchYear) {
  const key = keys.reminder(year.branch.id, year.year);
  const stored = year.plans.find((p) => p.reminderTs);
  const known = { channel: stored?.reminderChannel ?? null, ts: stored?.reminderTs ?? null };
  return update(c.tx, key, c.tag, known, c.present.reminder(year, c.org));
}

export function postCommittee(c: PlanMessageContext, plan: PlanRecord, rev: PlanRevisionRecord) {
  const key = keys.committee(plan.id, rev.number);
  return post(c.tx, key, c.org.committeeChannel, c.present.committee(plan, rev, c.org), true);
}

export function updateCommittee(
  c: PlanMessageContext,
  plan: PlanRecord,
  rev: PlanRevisionRecord,
  withdrawnAt?: Date,
) {
  const current = plan.currentRevision === rev.number;
  const known = current
    ? { channel: plan.committeeChannel, ts: plan.committeeTs }
    : { channel: null, ts: null };
  const message = c.present.committee(plan, rev, c.org, withdrawnAt);
  return update(c.tx, keys.committee(plan.id, rev.number), c.tag, known, message);
}

export async function postReturned(
  c: PlanMessageContext,
  plan: PlanRecord,
  rev: PlanRevisionRecord,
) {
  const message = c.present.returned(plan, rev, c.org);
  if (!message) return false;
  return post(c.tx, keys.returned(plan.id, rev.number), plan.branch.channelId, message);
}

export async function postApproved(c: PlanMessageContext, plan: PlanRecord) {
  const message = c.present.approved(plan, c.org);
  if (!message || plan.approvedRevision === null) return false;
  return post(c.tx, keys.approved(plan.id, plan.approvedRevision), plan.branch.channelId, message);
}

/** The plan in force in the branch's channel, again (an item done or moved). */
export async function updateApproved(c: PlanMessageContext, plan: PlanRecord) {
  const message = c.present.approved(plan, c.org);
  if (!message || plan.approvedRevision === null) return false;
  const key = keys.approved(plan.id, plan.approvedRevision);
  return update(c.tx, key, c.tag, { channel: null, ts: null }, message);
}

export async function dmSecretaries(
  c: PlanMessageContext,
  plan: PlanRecord,
  rev: PlanRevisionRecord,
) {
  const message = c.present.secretaryDm(plan, rev, c.org);
  if (!message) return;
  for (const user of plan.branch.secretaries) {
    await enqueueDelivery(c.tx, {
      dedupeKey: keys.dm(plan.id, rev.number, user),
      method: "dm",
      payload: { user, ...content(message) },
    });
  }
}
