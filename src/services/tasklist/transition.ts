/**
 * The round trip's one way of changing a list, and the messages a change writes. Every use case
 * that moves a list (the committee's Approve and Return, a submission, a withdrawal) goes through
 * `runTransition`, which hands the shared approval runner (services/kit/approval.ts: read and ask
 * the domain outside a transaction, then the conditional update on the list's version, revisions,
 * decision and audit in one, again from the top when another click won) the list's store
 * (`listStore`) and its effects: `applyEffects` renders each of the domain's effects through the
 * presenter the use case was given and enqueues it in the outbox, in the same transaction.
 */
import {
  approvedItemsOf,
  audit,
  type ListRecord,
  loadListRecord,
  type NewItem,
  type RevisionRecord,
  recordDecision,
  type Tx,
  updateListIfUnchanged,
  writeRevisions,
} from "../../db/repositories/tasklist.ts";
import { previousPeriod } from "../../domain/period.ts";
import { type Effect, type ListState, latestRevision, revisionOf } from "../../domain/task-list.ts";
import { unfinishedItems } from "../../domain/task-list-items.ts";
import type {
  ReminderExtras,
  SlackMessage,
  TasklistDeps,
  TasklistPresenter,
} from "../../ports/tasklist.ts";
import { duePlanItems } from "../annual-plans/items.ts";
import { afterListChange } from "../home/refresh.ts";
import { type ApprovalRequest, type ApprovalStore, runApproval } from "../kit/approval.ts";
import { enqueueDelivery, enqueuePost, enqueueUpdate } from "../outbox/index.ts";
import { tasklistKeys as keys } from "./keys.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import type { Result, TasklistError } from "./result.ts";

// ── The committee's decision ────────────────────────────────────────────────────────────────

export type DecideRequest = {
  listId: number;
  /** The revision the clicked message shows; a newer one makes the click stale. */
  revision: number;
  userId: string;
  source: string;
  /** From a modal's private_metadata: the branch and month it was opened for. */
  expect?: { branchKey: string; period: string };
} & ({ decision: "approve" } | { decision: "return"; comment: string });

/**
 * A committee member approves or returns a revision. Of many clicks at once exactly one wins
 * (the conditional update); the others re-read the list and are told it was already decided.
 */
export function decideList(deps: TasklistDeps, req: DecideRequest): Promise<TransitionOutcome> {
  return runTransition(deps, {
    listId: req.listId,
    userId: req.userId,
    source: req.source,
    check: (rec) =>
      !req.expect || (rec.branch.key === req.expect.branchKey && rec.period === req.expect.period)
        ? null
        : "invalid",
    event: () =>
      req.decision === "approve"
        ? { type: "approve", revision: req.revision }
        : { type: "return", revision: req.revision, comment: req.comment },
  });
}

// ── Any change of a list ────────────────────────────────────────────────────────────────────

/** A change to a list through the approval machinery, the list named by `listId`. */
export type TransitionRequest = Omit<ApprovalRequest<ListRecord, NewItem, TasklistError>, "id"> & {
  listId: number;
};

export type TransitionOutcome = Result<{ listId: number; revision: number; state: ListState }>;

/** The monthly list as a document of the shared approval machinery (services/kit/approval.ts). */
export const listStore: ApprovalStore<ListRecord, NewItem> = {
  name: "tasklist",
  // Comments are only rendered, from the list as it is after the change.
  load: (db, id, purpose) => loadListRecord(db, id, { comments: purpose === "render" }),
  updateIfUnchanged: updateListIfUnchanged,
  writeRevisions,
  recordDecision,
  audit,
  describe: (rec) => ({ branch: rec.branch.key, period: rec.period }),
};

/** Reads and decides, then writes in one transaction; again from the top if another click won. */
export async function runTransition(
  deps: TasklistDeps,
  req: TransitionRequest,
): Promise<TransitionOutcome> {
  const { listId, ...request } = req;
  let org: TasklistOrg | undefined; // what the messages need; a refusal needs none of it
  const outcome = await runApproval(
    deps,
    {
      store: listStore,
      async prepare() {
        org ??= await loadTasklistOrg(deps.db);
      },
      async effects(tx, rec, { event, result, now }) {
        if (!org) throw new Error("the round trip's org was not loaded");
        const c = { tx, rec, org, present: deps.presenters.tasklist, tag: `v${rec.version}` };
        await applyEffects(
          c,
          result.effects,
          event.type === "withdraw" ? { withdrawnAt: now } : {},
        );
      },
    },
    { ...request, id: listId },
  );
  const result: TransitionOutcome = outcome.ok
    ? { ok: true, listId: outcome.id, revision: outcome.revision, state: outcome.state }
    : outcome;
  return afterListChange(deps.homes, req.listId)(result);
}

// ── What a change tells: the domain's effects as outbox messages ────────────────────────────
// Each is rendered from the list as it is now. Posts carry a resultRef where the ts is needed
// later; updates use the stored ts when it is known and otherwise wait for their post.

export interface MessageContext {
  tx: Tx;
  rec: ListRecord;
  org: TasklistOrg;
  present: TasklistPresenter;
  /** Makes this change's updates unique: "v<version>", "c<comment>", "e<item event>". */
  tag: string;
}

/** Carries out a transition's symbolic effects as outbox messages, in its transaction. */
export async function applyEffects(
  c: MessageContext,
  effects: readonly Effect[],
  opts: { withdrawnAt?: Date } = {},
): Promise<void> {
  const latest = latestRevision(c.rec);
  if (!latest) throw new Error(`list ${c.rec.id} has no revision after a transition`);
  for (const effect of effects) {
    switch (effect) {
      case "post-committee":
        await postCommittee(c, latest);
        break;
      case "update-committee":
        await updateCommittee(c, latest, opts.withdrawnAt);
        break;
      case "update-reminder":
        await updateReminder(c, await reminderExtras(c));
        break;
      case "post-branch-plan":
        await postOrUpdatePlan(c, "post");
        break;
      case "update-branch-plan":
        await postOrUpdatePlan(c, "update");
        break;
      case "post-branch-returned":
        await postOrUpdateReturned(c, latest, "post");
        break;
      case "update-branch-returned": {
        const returned = revisionOf(c.rec, latest.number - 1);
        if (returned) await postOrUpdateReturned(c, returned, "update");
        break;
      }
      case "dm-secretaries":
        await dmSecretaries(c, latest);
        break;
    }
  }
  // The plan in force says whether an amendment waits: keep it current on every change.
  const planned = effects.includes("post-branch-plan") || effects.includes("update-branch-plan");
  if (!planned && c.rec.approvedRevision !== null) await postOrUpdatePlan(c, "update");
}

/**
 * What the reminder says besides the list: unfinished items of last month's list (which the
 * modal offers while nothing is submitted) and the year's plan items due this month.
 */
export async function reminderExtras(
  c: Pick<MessageContext, "tx" | "rec">,
): Promise<ReminderExtras> {
  const planDue = await duePlanItems(c.tx, c.rec.branch.id, c.rec.period);
  if (c.rec.state !== "DRAFT") return { carriedOver: 0, planDue };
  const items = await approvedItemsOf(c.tx, c.rec.branch.id, previousPeriod(c.rec.period));
  return { carriedOver: unfinishedItems(items).length, planDue };
}

/** An update of the message posted under `postKey`, unique to this change (`tag`). */
const update = (
  c: Pick<MessageContext, "tx" | "tag">,
  postKey: string,
  known: { channel: string | null; ts: string | null },
  message: SlackMessage,
) => enqueueUpdate(c.tx, { key: keys.update(postKey, c.tag), postKey, known, message });

export function postReminder(c: Omit<MessageContext, "tag">, extras: ReminderExtras) {
  const message = c.present.reminder(c.rec, c.org, extras);
  const key = keys.reminder(c.rec.id);
  return enqueuePost(c.tx, { key, channel: c.rec.branch.channelId, message, resultRef: true });
}

export function updateReminder(c: MessageContext, extras?: ReminderExtras) {
  const { rec, org } = c;
  const message = c.present.reminder(rec, org, extras);
  const known = { channel: rec.reminderChannel, ts: rec.reminderTs };
  return update(c, keys.reminder(rec.id), known, message);
}

/** A follow-up in the reminder's thread. */
export function postInReminderThread(tx: Tx, rec: ListRecord, key: string, message: SlackMessage) {
  const thread = { ts: rec.reminderTs, postKey: keys.reminder(rec.id) };
  const channel = rec.reminderChannel ?? rec.branch.channelId;
  return enqueuePost(tx, { key, channel, message, thread });
}

export function postCommittee(c: MessageContext, rev: RevisionRecord) {
  const message = c.present.committee(c.rec, rev, c.org);
  const key = keys.committee(c.rec.id, rev.number);
  return enqueuePost(c.tx, { key, channel: c.org.committeeChannel, message, resultRef: true });
}

export function updateCommittee(c: MessageContext, rev: RevisionRecord, withdrawnAt?: Date) {
  const { rec, org } = c;
  const message = c.present.committee(rec, rev, org, withdrawnAt);
  const current = rec.currentRevision === rev.number;
  const known = current
    ? { channel: rec.committeeChannel, ts: rec.committeeTs }
    : { channel: null, ts: null };
  return update(c, keys.committee(rec.id, rev.number), known, message);
}

export async function postOrUpdatePlan(c: MessageContext, mode: "post" | "update") {
  const message = c.present.plan(c.rec, c.org);
  if (!message) return false;
  const key = keys.plan(c.rec.id);
  const channel = c.rec.branch.channelId;
  if (mode === "post") return enqueuePost(c.tx, { key, channel, message, resultRef: true });
  const known = { channel: c.rec.branchPlanTs ? channel : null, ts: c.rec.branchPlanTs };
  return update(c, key, known, message);
}

export async function postOrUpdateReturned(
  c: MessageContext,
  rev: RevisionRecord,
  mode: "post" | "update",
) {
  const message = c.present.returned(c.rec, rev, c.org);
  if (!message) return false;
  const key = keys.returned(c.rec.id, rev.number);
  if (mode === "post") return enqueuePost(c.tx, { key, channel: c.rec.branch.channelId, message });
  // The returned notice is updated once, when the list is resubmitted.
  return update({ tx: c.tx, tag: "resubmitted" }, key, { channel: null, ts: null }, message);
}

export async function dmSecretaries(c: MessageContext, rev: RevisionRecord) {
  const message = c.present.secretaryDm(c.rec, rev, c.org);
  if (!message) return;
  for (const user of c.rec.branch.secretaries) {
    await enqueueDelivery(c.tx, {
      dedupeKey: keys.dm(c.rec.id, rev.number, user),
      method: "dm",
      payload: { user, text: message.text, blocks: message.blocks },
    });
  }
}
