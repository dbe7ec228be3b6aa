import type { Database } from "../../src/db/client.ts";

const STATES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;
/** Branches x{from}..x{to-1}, each with a December list (state by number) and an approved November. */
export async function addBranchesForTest(db: Database, from: number, to: number): Promise<void> {
  const keys = Array.from({ length: to - from }, (_, k) => `x${from + k}`);
  await db.prisma.branch.createMany({
    data: keys.map((key) => ({ key, name: `Branch ${key}`, channelId: `C0${key.toUpperCase()}` })),
  });
  const branches = await db.prisma.branch.findMany({ where: { key: { in: keys } } });
  const stateOf = (id: number) => STATES[id % 4] ?? "DRAFT";
  await db.prisma.taskList.createMany({
    data: branches.flatMap((b) => [
      {
        branchId: b.id,
        period: "2026-12",
        state: stateOf(b.id),
        currentRevision: stateOf(b.id) === "DRAFT" ? 0 : 1,
        approvedRevision: stateOf(b.id) === "APPROVED" ? 1 : null,
        firstSubmittedAt: stateOf(b.id) === "DRAFT" ? null : new Date("2026-12-03T02:00:00Z"),
      },
      {
        branchId: b.id,
        period: "2026-11",
        state: "APPROVED" as const,
        currentRevision: 1,
        approvedRevision: 1,
        firstSubmittedAt: new Date("2026-11-03T02:00:00Z"),
      },
    ]),
  });
  const lists = await db.prisma.taskList.findMany({
    where: { branchId: { in: branches.map((b) => b.id) }, state: { not: "DRAFT" } },
  });
  const status = (s: string) =>
    s === "APPROVED"
      ? ("APPROVED" as const)
      : s === "RETURNED"
        ? ("RETURNED" as const)
        : ("SUBMITTED" as const);
  await db.prisma.taskListRevision.createMany({
    data: lists.map((l) => ({
      listId: l.id,
      number: 1,
      status: status(l.state),
      submittedBy: "U0SEC1",
    })),
  });
  const revisions = await db.prisma.taskListRevision.findMany({
    where: { listId: { in: lists.map((l) => l.id) }, status: "APPROVED" },
  });
  await db.prisma.taskItem.createMany({
    data: revisions.flatMap((r) =>
      [0, 1, 2, 3].map((position) => ({
        revisionId: r.id,
        position,
        title: `Task ${position + 1}`,
        category: "THEORY_STUDY" as const,
        status: position === 0 ? ("DONE" as const) : ("OPEN" as const),
      })),
    ),
  });
}
