/**
 * The task-list modal: what it opens with (draft first, then the returned or withdrawn revision
 * or the plan in force, then last month's unfinished items), rebuilt with a row added or
 * removed, and a modal closed half-filled kept as a draft. Opening answers a trigger_id that
 * lives 3 s, so it reads little: the list, the actor, and at most two more queries.
 */
import {
  approvedItemsOf,
  deleteDraft,
  findDraft,
  type ListRecord,
  loadActor,
  loadListRecord,
  ownerCandidates,
  saveDraft,
} from "../../db/repositories/tasklist.ts";
import { previousPeriod } from "../../domain/period.ts";
import {
  awaitingDecision,
  isSecretaryOf,
  latestRevision,
  revisionOf,
  snapshotOf,
  submissionKind,
} from "../../domain/task-list.ts";
import {
  type DraftItem,
  draftFromRows,
  parseDraft,
  type RawItemRow,
} from "../../domain/task-list-input.ts";
import { unfinishedItems } from "../../domain/task-list-items.ts";
import type { ListForm, ListFormSource, ListModalTarget } from "../../ports/tasklist.ts";
import { type DuePlanItem, duePlanItems } from "../annual-plans/items.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import { type Result, refuse } from "./result.ts";

type Kind = ListForm["kind"];

/** What to pre-fill, in order of priority, with the note saying where it came from. */
async function prefill(
  deps: Deps,
  rec: ListRecord,
  userId: string,
  kind: Kind,
): Promise<{ items: Partial<DraftItem>[]; from?: ListFormSource }> {
  const draft = parseDraft(await findDraft(deps.db, userId, rec.branch.id, rec.period));
  if (draft.length > 0) return { items: draft, from: "draft" };
  const latest = latestRevision(rec);
  if (latest?.status === "RETURNED") return { items: latest.items, from: "returned" };
  if (kind === "amend")
    return { items: revisionOf(rec, rec.approvedRevision)?.items ?? [], from: "in-force" };
  if (latest?.status === "WITHDRAWN") return { items: latest.items, from: "withdrawn" };
  const carried = unfinishedItems(
    await approvedItemsOf(deps.db, rec.branch.id, previousPeriod(rec.period)),
  );
  return carried.length > 0 ? { items: carried, from: "carried-over" } : { items: [] };
}

/** The year's plan items due in the list's month that none of the rows carries yet. */
async function offerFor(
  deps: Deps,
  rec: ListRecord,
  rows: readonly { planItemId?: number | null }[],
): Promise<DuePlanItem[]> {
  const linked = new Set(rows.map((r) => r.planItemId));
  return (await duePlanItems(deps.db, rec.branch.id, rec.period)).filter((i) => !linked.has(i.id));
}

/** What the clicked button offered; a surface that is always current (the Home) omits it. */
export type ListModalIntent = "submit" | "resubmit" | "amend";

export async function openListModal(
  deps: Deps,
  req: { listId: number; userId: string; intent?: ListModalIntent },
): Promise<Result<{ form: ListForm; org: TasklistOrg }>> {
  const [org, rec, actor] = await Promise.all([
    loadTasklistOrg(deps.db),
    loadListRecord(deps.db, req.listId, { comments: false }),
    loadActor(deps.db, req.userId),
  ]);
  if (!rec) return refuse("not-found");
  if (!isSecretaryOf(actor, rec.branch.key)) return refuse("not-secretary");
  const snapshot = snapshotOf(rec);
  const kind = submissionKind(snapshot);
  if (!kind)
    return refuse(
      awaitingDecision(snapshot) && snapshot.state === "APPROVED"
        ? "amendment-pending"
        : "already-submitted",
    );
  // An older copy's Submit/Revise after approval: say what happened, not open an amendment.
  if (kind === "amend" && req.intent && req.intent !== "amend") return refuse("already-approved");
  const [rows, owners] = await Promise.all([
    prefill(deps, rec, req.userId, kind),
    ownerCandidates(deps.db, rec.branch.id),
  ]);
  const planOffer = await offerFor(deps, rec, rows.items);
  return { ok: true, form: { rec, kind, rows, owners, planOffer }, org };
}

/** The modal again with a row added or removed, keeping what was typed. */
export async function rebuildListModal(
  deps: Deps,
  req: { meta: ListModalTarget; raw: RawItemRow[]; change: { add: true } | { remove: number } },
): Promise<Result<{ form: ListForm; org: TasklistOrg }>> {
  const { meta } = req;
  if (meta.listId === undefined) return refuse("invalid");
  const [org, rec] = await Promise.all([
    loadTasklistOrg(deps.db),
    loadListRecord(deps.db, meta.listId, { comments: false }),
  ]);
  if (!rec) return refuse("not-found");
  if (rec.period !== meta.period || rec.branch.key !== meta.branchKey) return refuse("invalid");
  const kind = submissionKind(snapshotOf(rec)) ?? "submit";
  const rows = { raw: req.raw, nextRow: meta.nextRow, change: req.change };
  const owners = await ownerCandidates(deps.db, rec.branch.id);
  const planOffer = await offerFor(deps, rec, req.raw);
  return { ok: true, form: { rec, kind, rows, owners, planOffer }, org };
}

/** A modal closed half-filled: kept for next time (an empty one forgets the draft). */
export async function keepDraft(
  deps: Deps,
  req: { meta: ListModalTarget; userId: string; raw: RawItemRow[] },
): Promise<Result> {
  const { meta } = req;
  if (meta.listId === undefined) return refuse("invalid");
  const [rec, actor] = await Promise.all([
    loadListRecord(deps.db, meta.listId, { comments: false }),
    loadActor(deps.db, req.userId),
  ]);
  if (!rec) return refuse("not-found");
  if (rec.period !== meta.period) return refuse("invalid");
  if (!isSecretaryOf(actor, rec.branch.key)) return refuse("not-secretary");
  const items = draftFromRows(req.raw);
  const key = { userId: req.userId, branchId: rec.branch.id, period: rec.period };
  await inTx(deps.db, (tx) =>
    items.length === 0 ? deleteDraft(tx, key) : saveDraft(tx, { ...key, items }),
  );
  return { ok: true };
}
