/** `/pbb status`: this month's list states per branch, in two queries whatever the branch count. */
import type { Database } from "../../db/client.ts";
import { periodOf } from "../../domain/period.ts";

export type ListState = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

export interface MonthStatus {
  period: string;
  branches: number;
  byState: Record<ListState, string[]>;
  overdue: string[];
}

export async function monthStatus(db: Database, timezone: string, now: Date): Promise<MonthStatus> {
  const period = periodOf(now, timezone);
  const [branches, lists] = await Promise.all([
    db.prisma.branch.findMany({
      where: { active: true },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    }),
    db.prisma.taskList.findMany({
      where: { period },
      select: { branchId: true, state: true, dueAt: true },
    }),
  ]);
  const byState: Record<ListState, string[]> = {
    DRAFT: [],
    SUBMITTED: [],
    RETURNED: [],
    APPROVED: [],
  };
  const overdue: string[] = [];
  for (const branch of branches) {
    const list = lists.find((l) => l.branchId === branch.id);
    const state = list?.state ?? "DRAFT";
    byState[state].push(branch.name);
    if ((state === "DRAFT" || state === "RETURNED") && list?.dueAt && list.dueAt < now)
      overdue.push(branch.name);
  }
  return { period, branches: branches.length, byState, overdue };
}
