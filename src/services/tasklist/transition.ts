/**
 * One state change of a list, the way every use case makes it: read the list and the actor's
 * roles (from the database, never from what Slack echoes back), ask the domain, then apply the
 * answer with a conditional update on the list's version. A count of 0 means someone else
 * changed the list first: the attempt rolls back and starts over from the new state, where the
 * domain says what the user is told (e.g. "already decided"). Revisions, decision, audit entry
 * and every message the change causes are written in the same transaction.
 *
 * The reading and deciding happen before that transaction, not in it: the conditional update
 * already refuses a decision taken on a state that has changed since, so the transaction holds
 * only the writes, and a refusal (a double click, a stale button) costs no transaction at all.
 */
import type { Database } from "../../db/client.ts";
import {
  type ListRecord,
  loadActor,
  loadListRecord,
  type Tx,
} from "../../db/repositories/tasklist.ts";
import {
  audit,
  type NewItem,
  recordDecision,
  updateListIfUnchanged,
  writeRevisions,
} from "../../db/repositories/tasklist-write.ts";
import type { Actor, ListEvent, ListSnapshot, ListState } from "../../domain/task-list.ts";
import { snapshotOf, transition } from "../../domain/task-list.ts";
import { afterListChange } from "../home/refresh.ts";
import { breathe, Conflict, inTx, retrying } from "../kit/tx.ts";
import { applyEffects } from "./effects.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import type { TasklistDeps, TasklistPresenter } from "./port.ts";
import { type Result, refuse, type TasklistError } from "./result.ts";

export interface TransitionRequest {
  listId: number;
  userId: string;
  /** The Slack action_id or callback_id (or job) that asked for it, for the audit log. */
  source: string;
  /** The event for the list as stored, or why not. */
  event(snapshot: ListSnapshot): ListEvent | TasklistError;
  /** Checks of the request against the stored list (e.g. the modal's month). */
  check?(rec: ListRecord): TasklistError | null;
  /** The items of the revision the transition creates. */
  items?(rec: ListRecord): NewItem[];
  /** More writes in the same transaction once the change is applied. */
  alsoWrite?(tx: Tx, rec: ListRecord): Promise<void>;
  auditData?: Record<string, string | number | null>;
}

export type TransitionOutcome = Result<{ listId: number; revision: number; state: ListState }>;

export async function runTransition(
  deps: TasklistDeps,
  req: TransitionRequest,
): Promise<TransitionOutcome> {
  let org: TasklistOrg | undefined; // what the messages need; a refusal needs none of it
  return retrying(async () => {
    const decided = await decide(deps.db, req);
    if (!decided.ok) return decided;
    org ??= await loadTasklistOrg(deps.db);
    const settings = org;
    return inTx(deps.db, (tx) =>
      apply(tx, settings, deps.presenters.tasklist, deps.now(), req, decided),
    ).then(afterListChange(deps.homes, req.listId));
  });
}

interface Decided {
  ok: true;
  rec: ListRecord;
  actor: Actor;
  event: ListEvent;
  result: Extract<ReturnType<typeof transition>, { ok: true }>;
}

/** The list and the actor as stored, and what the domain makes of the request on them. */
async function decide(
  db: Database,
  req: TransitionRequest,
): Promise<Decided | ReturnType<typeof refuse>> {
  // Comments are only rendered, from the list as it is after the change.
  const rec = await loadListRecord(db, req.listId, { comments: false });
  if (!rec) return refuse("not-found");
  const bad = req.check?.(rec);
  if (bad) return refuse(bad);
  const actor = await loadActor(db, req.userId);
  const snapshot = snapshotOf(rec);
  const event = req.event(snapshot);
  if (typeof event === "string") return refuse(event);
  const result = transition(snapshot, event, actor);
  if (!result.ok) return refuse(result.error);
  return { ok: true, rec, actor, event, result };
}

async function apply(
  tx: Tx,
  org: TasklistOrg,
  present: TasklistPresenter,
  now: Date,
  req: TransitionRequest,
  { rec, actor, event, result }: Decided,
): Promise<TransitionOutcome> {
  const creates = result.revisions.some((r) => r.created);
  const won = await updateListIfUnchanged(tx, {
    listId: rec.id,
    version: rec.version,
    next: result.next,
    now,
    firstSubmission: result.firstSubmission,
    approved: event.type === "approve",
    newRevision: creates,
  });
  if (!won) throw new Conflict();
  await breathe();
  const items = creates ? (req.items?.(rec) ?? []) : [];
  await writeRevisions(tx, rec.id, result.revisions, {
    submittedBy: actor.userId,
    submittedAt: now,
    items,
  });
  if (event.type === "approve" || event.type === "return") {
    await recordDecision(tx, {
      listId: rec.id,
      revision: event.revision,
      kind: event.type === "approve" ? "APPROVED" : "RETURNED",
      by: actor.userId,
      at: now,
      ...(result.comment ? { comment: result.comment } : {}),
    });
  }
  await req.alsoWrite?.(tx, rec);
  await audit(tx, {
    actor: actor.userId,
    action: `tasklist.${event.type}`,
    entityId: rec.id,
    data: {
      branch: rec.branch.key,
      period: rec.period,
      revision: result.next.revision,
      from: rec.state,
      to: result.next.state,
      ...(creates ? { items: items.length } : {}),
      ...(result.comment ? { comment: result.comment } : {}),
      ...req.auditData,
    },
    source: req.source,
    at: now,
  });
  await breathe();
  const after = await loadListRecord(tx, rec.id);
  if (!after) throw new Error(`list ${rec.id} vanished inside its transaction`);
  await breathe();
  await applyEffects(
    { tx, rec: after, org, present, tag: `v${after.version}` },
    result.effects,
    event.type === "withdraw" ? { withdrawnAt: now } : {},
  );
  return { ok: true, listId: rec.id, revision: result.next.revision, state: result.next.state };
}
