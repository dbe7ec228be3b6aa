/**
 * The records the assessment's built-in sources count (issue 22): each function is ONE query
 * over all the given branches, so drafting 300 branches costs what drafting 3 does.
 */
import type { Database } from "../client.ts";

/** The branches' monthly lists of `year`. */
const listsOf = (branchIds: readonly number[], year: number) => ({
  branchId: { in: [...branchIds] },
  period: { gte: `${year}-01`, lte: `${year}-12` },
});

export function listsOfYear(db: Database, branchIds: readonly number[], year: number) {
  return db.prisma.taskList.findMany({
    where: listsOf(branchIds, year),
    select: {
      id: true,
      branchId: true,
      period: true,
      dueAt: true,
      firstSubmittedAt: true,
      approvedAt: true,
      committeeChannel: true,
      committeeTs: true,
    },
    orderBy: [{ branchId: "asc" }, { period: "asc" }],
  });
}

/** The lists of the year returned at least once (a decision RETURNED on any revision). */
export async function returnedListIds(
  db: Database,
  branchIds: readonly number[],
  year: number,
): Promise<Set<number>> {
  const rows = await db.prisma.decision.findMany({
    where: {
      kind: "RETURNED",
      revision: {
        list: listsOf(branchIds, year),
      },
    },
    select: { revision: { select: { listId: true } } },
  });
  return new Set(rows.map((r) => r.revision.listId));
}

/** The items of the year's approved revisions (the list as it stands). */
export function approvedItemsOfYear(db: Database, branchIds: readonly number[], year: number) {
  return db.prisma.taskItem.findMany({
    where: {
      revision: {
        status: "APPROVED",
        list: listsOf(branchIds, year),
      },
    },
    select: {
      title: true,
      status: true,
      doneAt: true,
      revision: { select: { list: { select: { branchId: true, period: true } } } },
    },
    orderBy: [{ revisionId: "asc" }, { position: "asc" }],
  });
}

/** Each branch's people (secretaries and members), by Slack user id. */
export function branchPeople(db: Database, branchIds: readonly number[]) {
  return db.prisma.branchRole.findMany({
    where: { branchId: { in: [...branchIds] } },
    select: { branchId: true, person: { select: { slackUserId: true } } },
  });
}

/** The turns of lecture sessions dated in the year up to `lastDate` (not skipped sessions). */
export function lectureTurnsOfYear(db: Database, year: number, lastDate: string) {
  return db.prisma.lectureTurn.findMany({
    where: {
      session: { date: { gte: `${year}-01-01`, lte: lastDate }, status: { not: "SKIPPED" } },
      state: { in: ["ASSIGNED", "CONFIRMED"] },
    },
    select: {
      userId: true,
      session: {
        select: { date: true, seq: true, status: true, noticeChannel: true, noticeTs: true },
      },
    },
    orderBy: { session: { date: "asc" } },
  });
}
