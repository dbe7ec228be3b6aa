/**
 * Findings to closure: the owner reports an item done with what was done and evidence; the
 * inspector or a committee member who is not the owner verifies it (accept, or reopen with a
 * comment). Four eyes: the domain's `verifierRefusal`, which is the round trip's
 * `deciderRefusal`. Each change tells the next person in a DM, in the same transaction.
 */
import type { Database } from "../../db/client.ts";
import {
  actorOf,
  inspectorsOf,
  type RectificationRow,
  rectificationById,
} from "../../db/repositories/inspections.ts";
import { localDateOf } from "../../domain/period.ts";
import {
  type RectificationSnapshot,
  type RectificationState,
  reassignRefusal,
  reportRefusal,
  verifierRefusal,
  verifyTransition,
} from "../../domain/rectification.ts";
import type { Actor } from "../../domain/task-list.ts";
import type { RectificationView } from "../../ports/inspections.ts";
import { type Deps, refuse } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import { refreshOverdueList } from "./reminders.ts";
import type { InspectionsError, Result } from "./result.ts";
import { type PresenterFor, recordChange, rectificationView } from "./views.ts";

async function snapshotOf(db: Database | Tx, row: RectificationRow) {
  const snap: RectificationSnapshot = {
    branchKey: row.assignment.branch.key,
    state: row.state as RectificationState,
    ownerId: row.ownerId,
    inspectors: await inspectorsOf(db, row.assignment),
    dueOn: row.dueOn,
  };
  return snap;
}

/** An item's modal, for whom `refusal` lets open it. */
async function openItem(
  deps: Deps,
  req: { id: number; userId: string },
  refusal: (
    snap: RectificationSnapshot,
    actor: Actor,
    row: RectificationRow,
  ) => InspectionsError | null,
): Promise<Result<{ item: RectificationView }>> {
  const row = await rectificationById(deps.db, req.id);
  if (!row) return refuse("not-found");
  const why = refusal(
    await snapshotOf(deps.db, row),
    await actorOf(deps.db.prisma, req.userId),
    row,
  );
  return why ? refuse(why) : { ok: true, item: rectificationView(row) };
}

/** The "report done" modal's item, for its owner while it is open. */
export const openDone = (deps: Deps, req: { id: number; userId: string }) =>
  openItem(deps, req, (snap, actor) => reportRefusal(snap, actor, "-"));

/** The "reopen" modal's item, for a verifier while it waits for verification. */
export const openReopen = (deps: Deps, req: { id: number; userId: string }) =>
  openItem(
    deps,
    req,
    (snap, actor, row) =>
      verifierRefusal(snap, actor) ?? (row.state !== "REPORTED" ? "not-reported" : null),
  );

/** The branch's secretaries and members: who may own its items. */
async function branchPeople(db: Database | Tx, branchId: number): Promise<string[]> {
  const client = "prisma" in db ? db.prisma : db;
  const roles = await client.branchRole.findMany({
    where: { branchId },
    select: { person: { select: { slackUserId: true } } },
  });
  return roles.map((r) => r.person.slackUserId);
}

/** The "reassign" modal's item, for a secretary of its branch or a committee member. */
export const openReassign = (deps: Deps, req: { id: number; userId: string }) =>
  openItem(deps, req, (snap, actor) => reassignRefusal({ ...snap, branchPeople: [] }, actor));

/**
 * Hands an open item to another owner of the inspected branch (never one of its inspectors);
 * the change is recorded and the new owner is told in a DM. Reminders follow the owner.
 */
export async function reassign(
  deps: Deps,
  present: PresenterFor,
  input: { id: number; userId: string; owner: string },
): Promise<Result> {
  const p = present(await orgTranslator(deps.db));
  const at = deps.now();
  const zone = (await currentOrgRecord(deps.db))?.timezone ?? "UTC";
  const result = await inTx(deps.db, async (tx): Promise<Result> => {
    const row = await rectificationById(tx, input.id);
    if (!row) return refuse("not-found");
    const refusal = reassignRefusal(
      { ...(await snapshotOf(tx, row)), branchPeople: await branchPeople(tx, row.branchId) },
      await actorOf(tx, input.userId),
      input.owner,
    );
    if (refusal) return refuse(refusal);
    const won = await tx.rectification.updateMany({
      where: { id: row.id, version: row.version },
      data: { ownerId: input.owner, version: { increment: 1 } },
    });
    if (won.count === 0) return refuse("busy");
    await recordChange(tx, {
      actor: input.userId,
      action: "reassign",
      entity: "rectification",
      id: row.id,
      at,
      data: { from: row.ownerId, to: input.owner },
    });
    const after = await rectificationById(tx, row.id);
    if (!after) return refuse("not-found");
    await enqueueDelivery(tx, {
      dedupeKey: `inspections:rect:${row.id}:owner:${after.version}`,
      method: "dm",
      payload: {
        user: input.owner,
        ...p.ownerItem(rectificationView(after), { reassignedBy: input.userId }),
      },
    });
    await refreshOverdueList(tx, p, localDateOf(at, zone), `${row.id}:${after.version}`);
    return { ok: true };
  });
  if (result.ok) deps.homes?.changed({ users: [input.userId, input.owner] });
  return result;
}

/** The owner reports the item done, with what was done and evidence (text or link). */
export async function reportDone(
  deps: Deps,
  present: PresenterFor,
  input: { id: number; userId: string; doneText: string; evidence: string },
): Promise<Result> {
  const at = deps.now();
  const p = present(await orgTranslator(deps.db));
  const result = await inTx(deps.db, async (tx): Promise<Result> => {
    const row = await rectificationById(tx, input.id);
    if (!row) return refuse("not-found");
    const snap = await snapshotOf(tx, row);
    const refusal = reportRefusal(snap, await actorOf(tx, input.userId), input.evidence);
    if (refusal) return refuse(refusal);
    const won = await tx.rectification.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        state: "REPORTED",
        doneText: input.doneText.trim(),
        evidence: input.evidence.trim(),
        reportedBy: input.userId,
        reportedAt: at,
        version: { increment: 1 },
      },
    });
    if (won.count === 0) return refuse("busy");
    const after = await rectificationById(tx, row.id);
    if (!after) return refuse("not-found");
    const view = rectificationView(after);
    const verifiers = snap.inspectors.filter((u) => u !== row.ownerId && u !== input.userId);
    const org = await tx.organization.findFirst();
    const targets =
      verifiers.length > 0
        ? verifiers.map((user) => ({ key: user, payload: { user } }))
        : org
          ? [{ key: "committee", payload: { channel: org.committeeChannel } }]
          : [];
    for (const target of targets) {
      await enqueueDelivery(tx, {
        dedupeKey: `inspections:rect:${row.id}:reported:${after.version}:${target.key}`,
        method: "user" in target.payload ? "dm" : "chat.postMessage",
        payload: { ...target.payload, ...p.verifyRequest(view) },
      });
    }
    return { ok: true };
  });
  if (result.ok) deps.homes?.changed({ users: [input.userId] });
  return result;
}

/** Accept (verified) or reopen with a comment: by someone other than the owner. */
export async function verify(
  deps: Deps,
  present: PresenterFor,
  input: { id: number; userId: string; accept: boolean; comment?: string },
): Promise<Result<{ state: RectificationState }>> {
  const at = deps.now();
  const org = await currentOrgRecord(deps.db);
  const zone = org?.timezone ?? "UTC";
  const p = present(await orgTranslator(deps.db));
  const result = await inTx(deps.db, async (tx): Promise<Result<{ state: RectificationState }>> => {
    const row = await rectificationById(tx, input.id);
    if (!row) return refuse("not-found");
    const outcome = verifyTransition(
      await snapshotOf(tx, row),
      await actorOf(tx, input.userId),
      input.accept ? { type: "accept" } : { type: "reopen", comment: input.comment ?? "" },
    );
    if (!outcome.ok) return refuse(outcome.error);
    const won = await tx.rectification.updateMany({
      where: { id: row.id, version: row.version },
      data:
        outcome.next === "VERIFIED"
          ? {
              state: "VERIFIED",
              verifiedBy: input.userId,
              verifiedAt: at,
              verifiedOn: localDateOf(at, zone),
              version: { increment: 1 },
            }
          : {
              state: "OPEN",
              reopenCount: { increment: 1 },
              lastComment: input.comment?.trim() ?? null,
              version: { increment: 1 },
            },
    });
    if (won.count === 0) return refuse("busy");
    const after = await rectificationById(tx, row.id);
    if (!after) return refuse("not-found");
    const view = rectificationView(after);
    await enqueueDelivery(tx, {
      dedupeKey:
        outcome.next === "VERIFIED"
          ? `inspections:rect:${row.id}:verified`
          : `inspections:rect:${row.id}:open:${after.reopenCount}`,
      method: "dm",
      payload: {
        user: row.ownerId,
        ...(outcome.next === "VERIFIED" ? p.verified(view) : p.ownerItem(view)),
      },
    });
    return { ok: true, state: outcome.next };
  });
  if (result.ok) deps.homes?.changed({ users: [input.userId] });
  return result;
}
