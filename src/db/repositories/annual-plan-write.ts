/**
 * Writing the annual plans. State changes are conditional updates on the plan's version (the
 * approval machinery's `ApprovalStore`): the row count says whether this caller won.
 */
import type { PlanItemData } from "../../domain/annual-plan.ts";
import { targetCode } from "../../domain/annual-plan.ts";
import type { RevisionChange } from "../../domain/task-list.ts";
import type { Prisma } from "../client.ts";
import type { StoredPlanKind, Tx } from "./annual-plan.ts";
import {
  type AuditEntry,
  auditDoc,
  type DecisionEntry,
  type DocChange,
  docChangeUpdate,
  type ItemProgress,
  progressOf,
  writeRevisionChanges,
} from "./approval-docs.ts";

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

export async function updatePlanIfUnchanged(tx: Tx, c: DocChange): Promise<boolean> {
  const { count } = await tx.annualPlan.updateMany(docChangeUpdate(c));
  return count === 1;
}

export interface NewPlanItem extends PlanItemData, ItemProgress {}

export async function writePlanRevisions(
  tx: Tx,
  planId: number,
  changes: readonly RevisionChange[],
  created: { submittedBy: string; submittedAt: Date; items: readonly NewPlanItem[] },
): Promise<void> {
  await writeRevisionChanges(changes, created, {
    restate: (number, status) =>
      tx.annualPlanRevision.updateMany({ where: { planId, number }, data: { status } }),
    create: (head) =>
      tx.annualPlanRevision.create({
        data: {
          planId,
          ...head,
          items: {
            create: created.items.map((item, position) => ({
              position,
              title: item.title,
              target: targetCode(item.target),
              ownerUserId: item.ownerUserId,
              expectedResult: item.expectedResult,
              ...progressOf(item),
            })),
          },
        },
      }),
  });
}

export async function recordPlanDecision(tx: Tx, d: DecisionEntry): Promise<void> {
  await tx.annualPlanRevision.updateMany({
    where: { planId: d.id, number: d.revision },
    data: { decision: d.kind, decidedBy: d.by, decidedAt: d.at, comment: d.comment ?? null },
  });
}

export async function auditPlan(tx: Tx, e: AuditEntry): Promise<void> {
  await auditDoc(tx, "AnnualPlan", e);
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
