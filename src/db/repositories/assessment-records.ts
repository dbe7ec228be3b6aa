/**
 * The records the assessment's built-in sources count (issue 22): each function is ONE query
 * over all the given branches, so drafting 300 branches costs what drafting 3 does.
 */
import { Prisma, type TaskItemStatus } from "../../generated/prisma/client.ts";
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

/**
 * The items of the year's approved revisions (the list as it stands), in one flat statement:
 * Prisma's nested select builds a JSON object per item, which on the embedded store cost more
 * than the rest of the draft's reads together at 300 branches.
 */
export async function approvedItemsOfYear(
  db: Database,
  branchIds: readonly number[],
  year: number,
): Promise<ApprovedItem[]> {
  const ids = branchIds.map(Number).filter(Number.isSafeInteger);
  if (ids.length === 0) return [];
  const rows = await db.prisma.$queryRaw<ApprovedItemRow[]>`
    SELECT i."title", i."status"::text AS "status", i."doneAt", l."branchId", l."period"
    FROM "TaskItem" i
    JOIN "TaskListRevision" r ON r."id" = i."revisionId"
    JOIN "TaskList" l ON l."id" = r."listId"
    WHERE r."status" = 'APPROVED' AND l."branchId" IN (${Prisma.join(ids)})
      AND l."period" >= ${`${year}-01`} AND l."period" <= ${`${year}-12`}
    ORDER BY i."revisionId", i."position"`;
  return rows.map((r) => ({
    title: r.title,
    status: r.status,
    doneAt: r.doneAt,
    revision: { list: { branchId: r.branchId, period: r.period } },
  }));
}

interface ApprovedItemRow {
  title: string;
  status: TaskItemStatus;
  doneAt: Date | null;
  branchId: number;
  period: string;
}

export interface ApprovedItem {
  title: string;
  status: TaskItemStatus;
  doneAt: Date | null;
  revision: { list: { branchId: number; period: string } };
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
