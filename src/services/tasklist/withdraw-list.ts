/** The secretary withdraws the revision waiting for the committee (the reminder's button). */
import type { TasklistDeps } from "../../ports/tasklist.ts";
import { runTransition, type TransitionOutcome } from "./transition.ts";

export function withdrawList(
  deps: TasklistDeps,
  req: { listId: number; userId: string; source: string },
): Promise<TransitionOutcome> {
  return runTransition(deps, { ...req, event: () => ({ type: "withdraw" }) });
}
