/**
 * What the committee's buttons open: the return modal (only for someone who may return this
 * revision now: refused otherwise, before any modal opens) and the read-only full list.
 */
import { loadActor, loadListRecord } from "../../db/repositories/tasklist.ts";
import { transition } from "../../domain/task-list.ts";
import type { FullListView, RevisionView } from "../../slack/views/tasklist/index.ts";
import type { Deps } from "../kit/result.ts";
import { loadTasklistOrg, type TasklistOrg } from "./org.ts";
import { type Result, refuse } from "./result.ts";
import { fullListView, revisionOf, revisionView, snapshotOf } from "./views.ts";

export async function prepareReturn(
  deps: Deps,
  req: { listId: number; revision: number; userId: string },
): Promise<Result<{ view: RevisionView; org: TasklistOrg }>> {
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
  return { ok: true, view: revisionView(rec, rev, org), org };
}

export async function fullList(
  deps: Deps,
  req: { listId: number; revision: number },
): Promise<Result<{ view: FullListView; org: TasklistOrg }>> {
  const [org, rec] = await Promise.all([
    loadTasklistOrg(deps.db),
    loadListRecord(deps.db, req.listId, { comments: false }),
  ]);
  const rev = rec && revisionOf(rec, req.revision);
  if (!rec || !rev) return refuse("not-found");
  return { ok: true, view: fullListView(rec, rev, org), org };
}
