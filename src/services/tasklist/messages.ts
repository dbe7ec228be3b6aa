/**
 * Enqueuing the round-trip's messages in the caller's transaction, each rendered from the list
 * as it is now. Posts carry a resultRef where the ts is needed later; updates use the stored
 * ts when it is known and otherwise wait for their post (`after`), which lends them its ts.
 */
import type { ListRecord, RevisionRecord, Tx } from "../../db/repositories/tasklist.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import { tasklistKeys as keys } from "./keys.ts";
import type { TasklistOrg } from "./org.ts";
import type { SlackMessage, TasklistPresenter } from "./port.ts";

export interface MessageContext {
  tx: Tx;
  rec: ListRecord;
  org: TasklistOrg;
  present: TasklistPresenter;
  /** Makes this change's updates unique: "v<version>", "c<comment>", "e<item event>". */
  tag: string;
}

const content = (m: SlackMessage) => ({ text: m.text, blocks: m.blocks });

function post(
  tx: Tx,
  key: string,
  channel: string,
  message: SlackMessage,
  opts: { resultRef?: boolean; thread?: { ts: string | null; postKey: string } } = {},
) {
  const threadTs = opts.thread?.ts;
  return enqueueDelivery(tx, {
    dedupeKey: key,
    method: "chat.postMessage",
    payload: { channel, ...content(message), ...(threadTs ? { thread_ts: threadTs } : {}) },
    ...(opts.resultRef ? { resultRef: key } : {}),
    ...(opts.thread && !threadTs ? { after: opts.thread.postKey } : {}),
  });
}

function update(
  tx: Tx,
  postKey: string,
  tag: string,
  known: { channel: string | null; ts: string | null },
  message: SlackMessage,
) {
  const target = known.channel && known.ts ? { channel: known.channel, ts: known.ts } : null;
  return enqueueDelivery(tx, {
    dedupeKey: keys.update(postKey, tag),
    method: "chat.update",
    payload: { ...(target ?? {}), ...content(message) },
    ...(target ? {} : { after: postKey }),
  });
}

export function postReminder(c: Omit<MessageContext, "tag">, carriedOver: number) {
  const message = c.present.reminder(c.rec, c.org, carriedOver);
  return post(c.tx, keys.reminder(c.rec.id), c.rec.branch.channelId, message, { resultRef: true });
}

export function updateReminder(c: MessageContext, carriedOver = 0) {
  const { rec, org } = c;
  const message = c.present.reminder(rec, org, carriedOver);
  const known = { channel: rec.reminderChannel, ts: rec.reminderTs };
  return update(c.tx, keys.reminder(rec.id), c.tag, known, message);
}

/** A follow-up in the reminder's thread. */
export function postInReminderThread(tx: Tx, rec: ListRecord, key: string, message: SlackMessage) {
  const thread = { ts: rec.reminderTs, postKey: keys.reminder(rec.id) };
  return post(tx, key, rec.reminderChannel ?? rec.branch.channelId, message, { thread });
}

export function postCommittee(c: MessageContext, rev: RevisionRecord) {
  const message = c.present.committee(c.rec, rev, c.org);
  const key = keys.committee(c.rec.id, rev.number);
  return post(c.tx, key, c.org.committeeChannel, message, { resultRef: true });
}

export function updateCommittee(c: MessageContext, rev: RevisionRecord, withdrawnAt?: Date) {
  const { rec, org } = c;
  const message = c.present.committee(rec, rev, org, withdrawnAt);
  const current = rec.currentRevision === rev.number;
  const known = current
    ? { channel: rec.committeeChannel, ts: rec.committeeTs }
    : { channel: null, ts: null };
  return update(c.tx, keys.committee(rec.id, rev.number), c.tag, known, message);
}

export async function postOrUpdatePlan(c: MessageContext, mode: "post" | "update") {
  const message = c.present.plan(c.rec, c.org);
  if (!message) return false;
  const key = keys.plan(c.rec.id);
  if (mode === "post") return post(c.tx, key, c.rec.branch.channelId, message, { resultRef: true });
  const known = {
    channel: c.rec.branchPlanTs ? c.rec.branch.channelId : null,
    ts: c.rec.branchPlanTs,
  };
  return update(c.tx, key, c.tag, known, message);
}

export async function postOrUpdateReturned(
  c: MessageContext,
  rev: RevisionRecord,
  mode: "post" | "update",
) {
  const message = c.present.returned(c.rec, rev, c.org);
  if (!message) return false;
  const key = keys.returned(c.rec.id, rev.number);
  if (mode === "post") return post(c.tx, key, c.rec.branch.channelId, message);
  return update(c.tx, key, "resubmitted", { channel: null, ts: null }, message);
}

export async function dmSecretaries(c: MessageContext, rev: RevisionRecord) {
  const message = c.present.secretaryDm(c.rec, rev, c.org);
  if (!message) return;
  for (const user of c.rec.branch.secretaries) {
    await enqueueDelivery(c.tx, {
      dedupeKey: keys.dm(c.rec.id, rev.number, user),
      method: "dm",
      payload: { user, ...content(message) },
    });
  }
}
