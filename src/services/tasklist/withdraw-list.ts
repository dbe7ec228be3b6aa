/** The secretary withdraws the revision waiting for the committee (the reminder's button). */
import type { Deps } from "../kit/result.ts";
import { runTransition, type TransitionOutcome } from "./transition.ts";

export function withdrawList(
  deps: Deps,
  req: { listId: number; userId: string; source: string },
): Promise<TransitionOutcome> {
  return runTransition(deps, { ...req, event: () => ({ type: "withdraw" }) });
}
