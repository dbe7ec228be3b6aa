/** The round trip's reasons for refusing a request; the outcome type and helpers are the kit's. */
import type { TaskListError } from "../../domain/task-list.ts";
import type { ToggleError } from "../../domain/task-list-items.ts";
import { type Outcome, refusals } from "../kit/result.ts";

/** Why a request was refused; each has a catalog message `tasklist.error.<code>`. */
export type TasklistError =
  | TaskListError
  | ToggleError
  /** The list or item does not exist (or an id was forged). */
  | "not-found"
  /** What Slack echoed back does not match the stored list (a forged or stale surface). */
  | "invalid"
  /** The list kept changing under us; nothing was changed. */
  | "busy"
  /**
   * A Submit/Revise button in an older copy (a DM, a notice) after the list was approved: say so
   * instead of opening the amendment flow the button never offered.
   */
  | "already-approved";

export type Result<T extends object = object> = Outcome<T, TasklistError>;

export const { refuse, errorKey } = refusals<TasklistError>()("tasklist");
