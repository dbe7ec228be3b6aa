/**
 * The approval machinery every submitted document shares (the monthly list, a branch's annual
 * plans): read the document and the actor's roles from the database, ask the domain's one state
 * machine (`domain/task-list.ts` `transition`: submit, resubmit, amend, withdraw, approve,
 * return with a comment, four eyes), then apply the answer in one transaction with a conditional
 * update on the document's version. A lost race (the update matched nothing) rolls back and
 * starts over from the new state, where the domain says what the user is told; "busy" after a
 * few tries. Revisions, the decision, the audit entry and the messages the change causes
 * (the kind's `effects`) commit together.
 *
 * A document kind gives its store (how its rows are read and written) and its effects; the
 * runner is the same for every kind.
 */
import type { Database } from "../../db/client.ts";
import type { DecisionEntry, DocChange } from "../../db/repositories/approval-docs.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import type {
  Actor,
  ListEvent,
  ListSnapshot,
  ListState,
  RevisionChange,
  StoredList,
  TaskListError,
  Transition,
} from "../../domain/task-list.ts";
import { snapshotOf, transition } from "../../domain/task-list.ts";
import { type Outcome, refuse } from "./result.ts";
import { breathe, Conflict, inTx, retrying, type Tx } from "./tx.ts";

/** What the runner reads of a stored document of any kind. */
export interface ApprovalDoc extends StoredList {
  id: number;
  version: number;
}

export type { DecisionEntry, DocChange };

/** How a document kind's rows are read and written. */
export interface ApprovalStore<D extends ApprovalDoc, I> {
  /** The audit log's action prefix ("tasklist", "annual-plan"). */
  name: string;
  /** The document; "decide" reads what the rules need, "render" all its surfaces show. */
  load(db: Database | Tx, id: number, purpose: "decide" | "render"): Promise<D | null>;
  /** The conditional update on `version`: true when this caller's change was applied. */
  updateIfUnchanged(tx: Tx, change: DocChange): Promise<boolean>;
  writeRevisions(
    tx: Tx,
    id: number,
    changes: readonly RevisionChange[],
    created: { submittedBy: string; submittedAt: Date; items: readonly I[] },
  ): Promise<unknown>;
  recordDecision(tx: Tx, decision: DecisionEntry): Promise<void>;
  audit(
    tx: Tx,
    entry: {
      actor: string;
      action: string;
      entityId: number;
      data: Record<string, string | number | null>;
      source: string;
      at: Date;
    },
  ): Promise<void>;
  /** What the audit entry says of the document (branch, month or year …). */
  describe(doc: D): Record<string, string | number | null>;
}

export type ApprovalRefusal = TaskListError | "not-found" | "busy";

export interface ApprovalRequest<D extends ApprovalDoc, I, E extends string> {
  id: number;
  userId: string;
  /** The Slack action_id or callback_id (or job) that asked for it, for the audit log. */
  source: string;
  /** The event for the document as stored, or why not. */
  event(snapshot: ListSnapshot): ListEvent | E;
  /** Checks of the request against the stored document (e.g. the modal's period). */
  check?(doc: D): E | null;
  /** The items of the revision the transition creates. */
  items?(doc: D): I[];
  /** More writes in the same transaction once the change is applied. */
  alsoWrite?(tx: Tx, doc: D): Promise<void>;
  auditData?: Record<string, string | number | null>;
}

/** What a kind does with a change, in its transaction, from the document as it is after it. */
export interface ApprovalKind<D extends ApprovalDoc, I> {
  store: ApprovalStore<D, I>;
  /** Anything the effects need, loaded once per request and only when not refused. */
  prepare?(): Promise<void>;
  effects(
    tx: Tx,
    after: D,
    change: { event: ListEvent; result: Transition; actor: Actor; now: Date },
  ): Promise<void>;
}

export type ApprovalOutcome<E extends string> = Outcome<
  { id: number; revision: number; state: ListState },
  E | ApprovalRefusal
>;

interface Decided<D> {
  ok: true;
  doc: D;
  actor: Actor;
  event: ListEvent;
  result: Transition;
}

export async function runApproval<D extends ApprovalDoc, I, E extends string>(
  deps: { db: Database; now: () => Date },
  kind: ApprovalKind<D, I>,
  req: ApprovalRequest<D, I, E>,
): Promise<ApprovalOutcome<E>> {
  let prepared = false;
  return retrying(async (): Promise<ApprovalOutcome<E>> => {
    const decided = await decide(deps.db, kind.store, req);
    if (!decided.ok) return decided;
    if (!prepared) {
      await kind.prepare?.();
      prepared = true;
    }
    const now = deps.now();
    return inTx(deps.db, (tx) => apply(tx, kind, now, req, decided));
  });
}

async function decide<D extends ApprovalDoc, I, E extends string>(
  db: Database,
  store: ApprovalStore<D, I>,
  req: ApprovalRequest<D, I, E>,
): Promise<Decided<D> | ReturnType<typeof refuse<E | ApprovalRefusal>>> {
  const doc = await store.load(db, req.id, "decide");
  if (!doc) return refuse("not-found");
  const bad = req.check?.(doc);
  if (bad) return refuse(bad);
  const actor = await loadActor(db, req.userId);
  const snapshot = snapshotOf(doc);
  const event = req.event(snapshot);
  if (typeof event === "string") return refuse(event);
  const result = transition(snapshot, event, actor);
  if (!result.ok) return refuse(result.error);
  return { ok: true, doc, actor, event, result };
}

async function apply<D extends ApprovalDoc, I, E extends string>(
  tx: Tx,
  kind: ApprovalKind<D, I>,
  now: Date,
  req: ApprovalRequest<D, I, E>,
  { doc, actor, event, result }: Decided<D>,
): Promise<ApprovalOutcome<E>> {
  const { store } = kind;
  const creates = result.revisions.some((r) => r.created);
  const won = await store.updateIfUnchanged(tx, {
    id: doc.id,
    version: doc.version,
    next: result.next,
    now,
    firstSubmission: result.firstSubmission,
    approved: event.type === "approve",
    newRevision: creates,
  });
  if (!won) throw new Conflict();
  await breathe();
  const items = creates ? (req.items?.(doc) ?? []) : [];
  await store.writeRevisions(tx, doc.id, result.revisions, {
    submittedBy: actor.userId,
    submittedAt: now,
    items,
  });
  if (event.type === "approve" || event.type === "return") {
    await store.recordDecision(tx, {
      id: doc.id,
      revision: event.revision,
      kind: event.type === "approve" ? "APPROVED" : "RETURNED",
      by: actor.userId,
      at: now,
      ...(result.comment ? { comment: result.comment } : {}),
    });
  }
  await req.alsoWrite?.(tx, doc);
  await store.audit(tx, {
    actor: actor.userId,
    action: `${store.name}.${event.type}`,
    entityId: doc.id,
    data: {
      ...store.describe(doc),
      revision: result.next.revision,
      from: doc.state,
      to: result.next.state,
      ...(creates ? { items: items.length } : {}),
      ...(result.comment ? { comment: result.comment } : {}),
      ...req.auditData,
    },
    source: req.source,
    at: now,
  });
  await breathe();
  const after = await store.load(tx, doc.id, "render");
  if (!after) throw new Error(`${store.name} ${doc.id} vanished inside its transaction`);
  await breathe();
  await kind.effects(tx, after, { event, result, actor, now });
  return { ok: true, id: doc.id, revision: result.next.revision, state: result.next.state };
}
