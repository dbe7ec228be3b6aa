/**
 * A committee member approves or returns a revision. Of many clicks at once exactly one wins
 * (the conditional update); the others re-read the list and are told it was already decided.
 */
import type { TasklistDeps } from "./port.ts";
import { runTransition, type TransitionOutcome } from "./transition.ts";

export type DecideRequest = {
  listId: number;
  /** The revision the clicked message shows; a newer one makes the click stale. */
  revision: number;
  userId: string;
  source: string;
  /** From a modal's private_metadata: the branch and month it was opened for. */
  expect?: { branchKey: string; period: string };
} & ({ decision: "approve" } | { decision: "return"; comment: string });

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
