/** Helpers of the Home's view model over the rows its presenter is given. */
import { isOverdue, listDeadline } from "../../../domain/month-schedule.ts";
import type { HomeInput } from "../../../ports/home.ts";
import type { BranchState } from "./model.ts";

export type { HomeInput } from "../../../ports/home.ts";

export const WAITING_PAGE_SIZE = 8;
export const SESSIONS_SHOWN = 4;

interface ListLike {
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
  dueAt: Date | null;
}

/** The state a branch's list of `period` is in at `now` (no list yet: not submitted). */
export function branchState(
  list: ListLike | undefined,
  period: string,
  input: Pick<HomeInput, "now" | "deadlineOf">,
): BranchState {
  switch (list?.state) {
    case "SUBMITTED":
      return "submitted";
    case "RETURNED":
      return "returned";
    case "APPROVED":
      return "approved";
    default: {
      const deadline = listDeadline({ dueAt: list?.dueAt ?? null, period }, input.deadlineOf);
      return isOverdue(deadline, input.now) ? "overdue" : "not-submitted";
    }
  }
}

/** `page` clamped into [0, pages - 1]. */
export function pageOf<T>(all: readonly T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { rows: all.slice(p * size, (p + 1) * size), total: all.length, page: p, pages };
}
