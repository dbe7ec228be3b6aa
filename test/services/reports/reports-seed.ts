/**
 * Report data seeded through Prisma on the example org (branches resettlement, services, rights,
 * office) for 2026-Q4, and the figures a report of it must show.
 */
import { readFile } from "node:fs/promises";
import type { Database } from "../../../src/db/client.ts";
import { applyOrgText } from "../../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import { EXAMPLE_ORG } from "../../helpers/bot.ts";

export const AS_OF = new Date("2027-01-01T01:00:00Z");

export async function applyExampleOrg(db: Database): Promise<void> {
  const text = await readFile(EXAMPLE_ORG, "utf8");
  const applied = await applyOrgText(db, offlineResolver, text, "org.yml", {
    actor: "test",
    source: "test",
  });
  if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
}

/** Removes every list, lecture session and extra branch a test seeded. */
export async function clearReportData(db: Database): Promise<void> {
  await db.prisma.taskItem.deleteMany();
  await db.prisma.decision.deleteMany();
  await db.prisma.taskListRevision.deleteMany();
  await db.prisma.taskList.deleteMany();
  await db.prisma.lectureTurn.deleteMany();
  await db.prisma.lectureSession.deleteMany();
  await db.prisma.branch.deleteMany({ where: { key: { startsWith: "extra" } } });
}

interface RevisionSeed {
  decision?: "APPROVED" | "RETURNED";
  /** Item statuses of the revision. */
  items?: ("OPEN" | "DONE")[];
}

async function seedList(
  db: Database,
  branchKey: string,
  period: string,
  firstSubmittedAt: string | null,
  revisions: RevisionSeed[],
): Promise<void> {
  const branch = await db.prisma.branch.findUniqueOrThrow({ where: { key: branchKey } });
  const approved = revisions.findLastIndex((r) => r.decision === "APPROVED");
  const list = await db.prisma.taskList.create({
    data: {
      branchId: branch.id,
      period,
      state: approved >= 0 ? "APPROVED" : revisions.length > 0 ? "SUBMITTED" : "DRAFT",
      currentRevision: revisions.length,
      approvedRevision: approved >= 0 ? approved + 1 : null,
      dueAt: new Date(`${period}-05T10:00:00Z`),
      firstSubmittedAt: firstSubmittedAt ? new Date(firstSubmittedAt) : null,
    },
  });
  for (const [index, r] of revisions.entries()) {
    await db.prisma.taskListRevision.create({
      data: {
        listId: list.id,
        number: index + 1,
        status: r.decision ?? "SUBMITTED",
        submittedBy: "U0SEC1",
        items: {
          create: (r.items ?? []).map((status, position) => ({
            position,
            title: `Task ${position + 1}`,
            category: "THEORY_STUDY" as const,
            status,
          })),
        },
        ...(r.decision
          ? { decisions: { create: { kind: r.decision, decidedBy: "U0CHAIR" } } }
          : {}),
      },
    });
  }
}

async function seedTurn(
  db: Database,
  seq: number,
  date: string,
  status: "HELD" | "NOT_HELD",
  userId: string,
): Promise<void> {
  await db.prisma.lectureSession.create({
    data: {
      series: "lecture",
      seq,
      date,
      startsAt: new Date(`${date}T08:00:00Z`),
      status,
      turns: { create: { slot: 0, userId, state: "CONFIRMED" } },
    },
  });
}

/** The first dataset: what the expected figures below describe. */
export async function seedQ4(db: Database): Promise<void> {
  await seedList(db, "resettlement", "2026-10", "2026-10-03T02:00:00Z", [
    { decision: "APPROVED", items: ["DONE", "DONE", "OPEN"] },
  ]);
  await seedList(db, "resettlement", "2026-11", "2026-11-06T02:00:00Z", [
    { decision: "RETURNED", items: ["OPEN"] },
    { decision: "APPROVED", items: ["DONE", "DONE"] },
  ]);
  await seedList(db, "services", "2026-10", "2026-10-02T02:00:00Z", [{ items: ["OPEN"] }]);
  await seedList(db, "office", "2026-12", "2026-12-01T02:00:00Z", [
    { decision: "APPROVED", items: ["DONE", "OPEN", "OPEN", "OPEN"] },
  ]);
  await seedTurn(db, 1, "2026-10-14", "HELD", "U0SEC1"); // resettlement secretary, office member
  await seedTurn(db, 2, "2026-11-11", "HELD", "U0C"); // services member
  await seedTurn(db, 3, "2026-11-18", "NOT_HELD", "U0A");
}

/** A second dataset that changes the chart: every branch's lists done and on time. */
export async function seedAllDone(db: Database): Promise<void> {
  for (const key of ["resettlement", "services", "rights", "office"]) {
    for (const month of ["2026-10", "2026-11", "2026-12"]) {
      await seedList(db, key, month, `${month}-01T02:00:00Z`, [
        { decision: "APPROVED", items: ["DONE", "DONE"] },
      ]);
    }
  }
}

type Row = Record<string, number>;

/** What the report of seedQ4 shows, by branch key, then the committee's total under "". */
export const EXPECTED_Q4: Record<string, Row> = {
  resettlement: {
    listsExpected: 3,
    submitted: 2,
    onTime: 1,
    late: 1,
    missing: 1,
    approved: 2,
    firstPass: 1,
    revisionsBeforeApproval: 1,
    itemsPlanned: 5,
    itemsDone: 4,
    lectureTurns: 1,
  },
  services: {
    listsExpected: 3,
    submitted: 1,
    onTime: 1,
    late: 0,
    missing: 2,
    approved: 0,
    firstPass: 0,
    revisionsBeforeApproval: 0,
    itemsPlanned: 0,
    itemsDone: 0,
    lectureTurns: 1,
  },
  rights: {
    listsExpected: 3,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 3,
    approved: 0,
    firstPass: 0,
    revisionsBeforeApproval: 0,
    itemsPlanned: 0,
    itemsDone: 0,
    lectureTurns: 0,
  },
  office: {
    listsExpected: 3,
    submitted: 1,
    onTime: 1,
    late: 0,
    missing: 2,
    approved: 1,
    firstPass: 1,
    revisionsBeforeApproval: 0,
    itemsPlanned: 4,
    itemsDone: 1,
    lectureTurns: 1,
  },
  "": {
    listsExpected: 12,
    submitted: 4,
    onTime: 3,
    late: 1,
    missing: 8,
    approved: 3,
    firstPass: 2,
    revisionsBeforeApproval: 1,
    itemsPlanned: 9,
    itemsDone: 5,
    lectureTurns: 2,
  },
};

export const BRANCH_NAMES: Record<string, string> = {
  resettlement: "移交安置处党支部",
  services: "服务保障处党支部",
  rights: "权益维护处党支部",
  office: "机关综合党支部",
};
