/**
 * The task-list modal submitted: a first submission, a resubmission of a returned list, or an
 * amendment of the approved plan (items already done keep their status). The draft goes.
 */
import { deleteDraft } from "../../db/repositories/tasklist.ts";
import { revisionOf, submissionKind } from "../../domain/task-list.ts";
import { carryOverStatuses, type TaskItemData } from "../../domain/task-list-items.ts";
import type { TasklistDeps } from "../../ports/tasklist.ts";
import { runTransition, type TransitionOutcome } from "./transition.ts";

export interface SubmitRequest {
  listId: number;
  /** The branch and month the modal was for: they must be the list's. */
  branchKey: string;
  period: string;
  userId: string;
  items: TaskItemData[];
  source: string;
}

export function submitList(deps: TasklistDeps, req: SubmitRequest): Promise<TransitionOutcome> {
  return runTransition(deps, {
    listId: req.listId,
    userId: req.userId,
    source: req.source,
    check: (rec) =>
      rec.period === req.period && rec.branch.key === req.branchKey ? null : "invalid",
    // A list that cannot take a submission now still goes through the domain, which says why.
    event: (s) => ({ type: submissionKind(s) ?? (s.state === "APPROVED" ? "amend" : "submit") }),
    items: (rec) => {
      const inForce = revisionOf(rec, rec.approvedRevision);
      if (!inForce || rec.state !== "APPROVED") return req.items;
      const carried = carryOverStatuses(inForce.items, req.items);
      return req.items.map((item, i) => ({ ...item, ...carried[i] }));
    },
    alsoWrite: (tx, rec) =>
      deleteDraft(tx, { userId: req.userId, branchId: rec.branch.id, period: rec.period }),
  });
}
