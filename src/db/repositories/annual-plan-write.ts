/**
 * Writing the annual plans. State changes are conditional updates on the plan's version (the
 * approval machinery's `ApprovalStore`): the row count says whether this caller won.
 */
import type { PlanItemData } from "../../domain/annual-plan.ts";
import { targetCode } from "../../domain/annual-plan.ts";
import type { RevisionChange } from "../../domain/task-list.ts";
import type { Prisma } from "../client.ts";
import type { StoredPlanKind, Tx } from "./annual-plan.ts";

/** Creates the plans of `kinds` for the branch's year unless they exist; how many were created. */
export async function createPlansIfMissing(
  tx: Tx,
  data: {
    branchId: number;
    year: number;
    kinds: readonly StoredPlanKind[];
    firstMonth: number;
    dueAt: Date;
  },
): Promise<number> {
  const { count } = await tx.annualPlan.createMany({
    data: data.kinds.map((kind) => ({
      branchId: data.branchId,
      year: data.year,
      kind,
      firstMonth: data.firstMonth,
      dueAt: data.dueAt,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function updatePlanIfUnchanged(
  tx: Tx,
  c: {
    id: number;
    version: number;
    next: {
      state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
      revision: number;
      approvedRevision: number | null;
    };
    now: Date;
    firstSubmission: boolean;
    approved: boolean;
    newRevision: boolean;
  },
): Promise<boolean> {
  const { count } = await tx.annualPlan.updateMany({
    where: { id: c.id, version: c.version },
    data: {
      state: c.next.state,
      currentRevision: c.next.revision,
      approvedRevision: c.next.approvedRevision,
      version: { increment: 1 },
      ...(c.firstSubmission ? { firstSubmittedAt: c.now } : {}),
      ...(c.approved ? { approvedAt: c.now } : {}),
      ...(c.newRevision ? { committeeChannel: null, committeeTs: null } : {}),
    },
  });
  return count === 1;
}

export interface NewPlanItem extends PlanItemData {
  status?: "OPEN" | "DONE";
  doneAt?: Date | null;
  doneBy?: string | null;
}

export async function writePlanRevisions(
  tx: Tx,
  planId: number,
  changes: readonly RevisionChange[],
  created: { submittedBy: string; submittedAt: Date; items: readonly NewPlanItem[] },
): Promise<void> {
  for (const change of changes) {
    if (!change.created) {
      await tx.annualPlanRevision.updateMany({
        where: { planId, number: change.number },
        data: { status: change.status },
      });
      continue;
    }
    await tx.annualPlanRevision.create({
      data: {
        planId,
        number: change.number,
        status: change.status,
        isAmendment: change.isAmendment ?? false,
        submittedBy: created.submittedBy,
        submittedAt: created.submittedAt,
        items: {
          create: created.items.map((item, position) => ({
            position,
            title: item.title,
            target: targetCode(item.target),
            ownerUserId: item.ownerUserId,
            expectedResult: item.expectedResult,
            status: item.status ?? "OPEN",
            doneAt: item.doneAt ?? null,
            doneBy: item.doneBy ?? null,
          })),
        },
      },
    });
  }
}

export async function recordPlanDecision(
  tx: Tx,
  d: {
    id: number;
    revision: number;
    kind: "APPROVED" | "RETURNED";
    by: string;
    at: Date;
    comment?: string;
  },
): Promise<void> {
  await tx.annualPlanRevision.updateMany({
    where: { planId: d.id, number: d.revision },
    data: { decision: d.kind, decidedBy: d.by, decidedAt: d.at, comment: d.comment ?? null },
  });
}

export async function auditPlan(
  tx: Tx,
  e: {
    actor: string;
    action: string;
    entityId: number;
    data: Prisma.InputJsonValue;
    source: string;
    at: Date;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: "AnnualPlan",
      entityId: String(e.entityId),
      data: e.data,
      source: e.source,
      at: e.at,
    },
  });
}

export async function savePlanDraft(
  tx: Tx,
  d: { userId: string; planId: number; items: Prisma.InputJsonValue },
): Promise<void> {
  await tx.annualPlanDraft.upsert({
    where: { userId_planId: { userId: d.userId, planId: d.planId } },
    create: { userId: d.userId, planId: d.planId, items: d.items },
    update: { items: d.items },
  });
}

export async function deletePlanDraft(tx: Tx, userId: string, planId: number): Promise<void> {
  await tx.annualPlanDraft.deleteMany({ where: { userId, planId } });
}

/** The branch's reminder of `year` was posted: its ts on each of the branch's plans. */
export async function storePlanReminderTs(
  tx: Tx,
  r: { branchId: number; year: number; channel: string; ts: string },
): Promise<void> {
  await tx.annualPlan.updateMany({
    where: { branchId: r.branchId, year: r.year },
    data: { reminderChannel: r.channel, reminderTs: r.ts },
  });
}

export async function storePlanCommitteeTs(
  tx: Tx,
  r: { planId: number; revision: number; channel: string; ts: string },
): Promise<void> {
  await tx.annualPlan.updateMany({
    where: { id: r.planId, currentRevision: r.revision },
    data: { committeeChannel: r.channel, committeeTs: r.ts },
  });
}
