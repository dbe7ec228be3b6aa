/**
 * The rows a report is computed from, for one period, in a fixed number of queries (three,
 * whatever the number of branches): branches with their people, the period's lists with their
 * revisions, decisions and items, and the lecture turns of the period's sessions.
 */
import type { BranchRow, ItemRow, ListRow, RevisionRow, TurnRow } from "../../domain/report.ts";
import type { ReportPeriod } from "../../domain/report-period.ts";
import type { Prisma } from "../client.ts";

/** What the report reads: the bot's client, a transaction, or a client wrapped for counting. */
export type ReportReader = Pick<Prisma.TransactionClient, "branch" | "taskList" | "lectureTurn">;

export interface ReportRows {
  branches: BranchRow[];
  lists: ListRow[];
  revisions: RevisionRow[];
  items: ItemRow[];
  turns: TurnRow[];
}

/** The lecture hall's series in LectureSession (class representatives have their own). */
export const LECTURE_SERIES = "lecture";

export async function loadReportRows(db: ReportReader, period: ReportPeriod): Promise<ReportRows> {
  const [branches, lists, turns] = await Promise.all([
    db.branch.findMany({
      select: {
        id: true,
        key: true,
        name: true,
        active: true,
        roles: { select: { person: { select: { slackUserId: true } } }, orderBy: { id: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    db.taskList.findMany({
      where: { period: { in: period.months } },
      select: {
        id: true,
        branchId: true,
        period: true,
        dueAt: true,
        firstSubmittedAt: true,
        approvedRevision: true,
        revisions: {
          select: {
            number: true,
            isAmendment: true,
            decisions: { select: { kind: true } },
            items: { select: { status: true } },
          },
        },
      },
      orderBy: [{ period: "asc" }, { branchId: "asc" }],
    }),
    db.lectureTurn.findMany({
      where: { session: { series: LECTURE_SERIES, date: { gte: period.first, lte: period.last } } },
      select: { userId: true, state: true, session: { select: { date: true, status: true } } },
    }),
  ]);
  return {
    branches: branches.map((b) => ({
      id: b.id,
      key: b.key,
      name: b.name,
      active: b.active,
      people: [...new Set(b.roles.map((r) => r.person.slackUserId))],
    })),
    lists: lists.map(({ revisions: _, ...l }) => l),
    revisions: lists.flatMap((l) =>
      l.revisions.map((r) => ({
        listId: l.id,
        number: r.number,
        isAmendment: r.isAmendment,
        decision: r.decisions[0]?.kind ?? null,
      })),
    ),
    items: lists.flatMap((l) =>
      l.revisions.flatMap((r) =>
        r.items.map((i) => ({ listId: l.id, revision: r.number, done: i.status === "DONE" })),
      ),
    ),
    turns: turns.map((t) => ({
      userId: t.userId,
      date: t.session.date,
      sessionStatus: t.session.status,
      state: t.state,
    })),
  };
}
