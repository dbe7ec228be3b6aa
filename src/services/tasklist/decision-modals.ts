/**
 * What the committee's buttons open: the return modal (only for someone who may return this
 * revision now: refused otherwise, before any modal opens) and the read-only full list.
 */
import { loadActor, loadListRecord } from "../../db/repositories/tasklist.ts";
import { revisionOf, snapshotOf, transition } from "../../domain/task-list.ts";
import type { ListRecord, RevisionRecord } from "../../ports/tasklist.ts";
import type { Deps } from "../kit/result.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import { type Result, refuse } from "./result.ts";

/** The list and revision a modal shows. */
type Shown = { rec: ListRecord; rev: RevisionRecord; org: TasklistOrg };

export async function prepareReturn(
  deps: Deps,
  req: { listId: number; revision: number; userId: string },
): Promise<Result<Shown>> {
  const [org, rec, actor] = await Promise.all([
    loadTasklistOrg(deps.db),
    loadListRecord(deps.db, req.listId, { comments: false }),
    loadActor(deps.db, req.userId),
  ]);
  const rev = rec && revisionOf(rec, req.revision);
  if (!rec || !rev) return refuse("not-found");
  // The same rules as the return itself; the comment is asked for in the modal.
  const probe = transition(
    snapshotOf(rec),
    { type: "return", revision: req.revision, comment: "?" },
    actor,
  );
  if (!probe.ok) return refuse(probe.error);
  return { ok: true, rec, rev, org };
}

export async function fullList(
  deps: Deps,
  req: { listId: number; revision: number },
): Promise<Result<Shown>> {
  const [org, rec] = await Promise.all([
    loadTasklistOrg(deps.db),
    loadListRecord(deps.db, req.listId, { comments: false }),
  ]);
  const rev = rec && revisionOf(rec, req.revision);
  if (!rec || !rev) return refuse("not-found");
  return { ok: true, rec, rev, org };
}
