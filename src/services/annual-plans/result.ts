/** The annual plans' reasons for refusing a request; each has `annualPlans.error.<code>`. */
import type { TaskListError } from "../../domain/task-list.ts";
import { type Outcome, refusals } from "../kit/result.ts";

export type PlanError =
  | TaskListError
  /** The plan does not exist (or an id was forged). */
  | "not-found"
  /** What Slack echoed back does not match the stored plan. */
  | "invalid"
  | "busy"
  /** A branch's plan outside its year (a branch created after it). */
  | "not-this-year"
  /** A plan item of a plan not (or no longer) in force. */
  | "not-in-force"
  /** A plan item already done cannot be moved. */
  | "already-done";

export type PlanResult<T extends object = object> = Outcome<T, PlanError>;

export const { refuse, errorKey: planErrorKey } = refusals<PlanError>()("annualPlans");
