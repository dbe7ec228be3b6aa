/**
 * Findings to closure: a submitted checklist's findings become rectification items for the
 * inspected branch (owner: its first secretary; due date by severity in working days); the owner
 * reports one done with evidence; the inspector or a committee member who is not the owner
 * verifies it (accept, or reopen with a comment). Four eyes: the domain's `verifierRefusal`,
 * which is the round trip's `deciderRefusal`.
 */
import type { Database } from "../../db/client.ts";
import { actorOf } from "../../db/repositories/inspections.ts";
import { totalOf } from "../../domain/inspection-compare.ts";
import { type ChecklistItem, scoreError } from "../../domain/inspection-round.ts";
import { localDateOf } from "../../domain/period.ts";
import {
  dueDateFor,
  type RectificationError,
  type RectificationSnapshot,
  type RectificationState,
  reportRefusal,
  type Severity,
  verifyTransition,
} from "../../domain/rectification.ts";
import { type Outcome, refuse } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { currentOrgRecord } from "../org/current.ts";

export interface FindingInput {
  problem: string;
  severity: Severity;
  suggestion?: string;
}

export interface ChecklistInput {
  scores: Record<string, string>;
  note?: string;
  findings: FindingInput[];
}

export type SubmitError =
  | "not-inspector"
  | "round-closed"
  | "already-submitted"
  | "finding-without-text"
  | `score-${string}`;

async function inspectorsOf(
  tx: Tx,
  a: { inspectorUserId: string | null; inspectorBranchId: number | null },
) {
  if (a.inspectorUserId) return [a.inspectorUserId];
  if (a.inspectorBranchId == null) return [];
  const roles = await tx.branchRole.findMany({
    where: { branchId: a.inspectorBranchId, role: "SECRETARY" },
    include: { person: true },
  });
  return roles.map((r) => r.person.slackUserId);
}

/** Submits an assignment's checklist once; its findings become rectification items. */
export async function submitChecklist(
  db: Database,
  input: { assignmentId: number; userId: string; at: Date; checklist: ChecklistInput },
): Promise<Outcome<{ items: number; total: number }, SubmitError>> {
  const org = await currentOrgRecord(db);
  if (!org) return refuse("not-inspector");
  const calendar = calendarOf(org.settings, org.timezone);
  const today = localDateOf(input.at, org.timezone);
  return inTx(db, async (tx) => {
    const a = await tx.inspectionAssignment.findUniqueOrThrow({
      where: { id: input.assignmentId },
      include: { round: true, branch: { include: { roles: { include: { person: true } } } } },
    });
    if (!(await inspectorsOf(tx, a)).includes(input.userId)) return refuse("not-inspector");
    if (today > a.round.closesOn || a.round.closedAt) return refuse("round-closed");
    if (a.state === "SUBMITTED") return refuse("already-submitted");
    const checklist = a.round.checklist as unknown as ChecklistItem[];
    const scores: Record<string, number> = {};
    for (const item of checklist) {
      const error = scoreError(input.checklist.scores[item.key], item);
      if (error) return refuse(`score-${item.key}-${error}` as SubmitError);
      scores[item.key] = Number(input.checklist.scores[item.key]);
    }
    if (input.checklist.findings.some((f) => f.problem.trim() === "")) {
      return refuse("finding-without-text");
    }
    const owner =
      a.branch.roles.find((r) => r.role === "SECRETARY")?.person.slackUserId ?? input.userId;
    const total = totalOf(scores);
    const won = await tx.inspectionAssignment.updateMany({
      where: { id: a.id, version: a.version },
      data: {
        state: "SUBMITTED",
        scores,
        total,
        note: input.checklist.note?.trim() || null,
        submittedBy: input.userId,
        submittedAt: input.at,
        version: { increment: 1 },
      },
    });
    if (won.count === 0) return refuse("already-submitted");
    await tx.rectification.createMany({
      data: input.checklist.findings.map((f, position) => ({
        assignmentId: a.id,
        branchId: a.branchId,
        position,
        problem: f.problem.trim(),
        severity: f.severity,
        suggestion: f.suggestion?.trim() || null,
        ownerId: owner,
        dueOn: dueDateFor(calendar, today, f.severity),
      })),
    });
    return { ok: true, items: input.checklist.findings.length, total };
  });
}

async function snapshot(tx: Tx, id: number) {
  const row = await tx.rectification.findUniqueOrThrow({
    where: { id },
    include: { assignment: { include: { branch: true } } },
  });
  const snap: RectificationSnapshot = {
    branchKey: row.assignment.branch.key,
    state: row.state as RectificationState,
    ownerId: row.ownerId,
    inspectors: await inspectorsOf(tx, row.assignment),
    dueOn: row.dueOn,
  };
  return { row, snap };
}

/** The owner reports the item done, with what was done and evidence (text or link). */
export async function reportDone(
  db: Database,
  input: { id: number; userId: string; at: Date; doneText: string; evidence: string },
): Promise<Outcome<object, RectificationError | "busy">> {
  return inTx(db, async (tx) => {
    const { row, snap } = await snapshot(tx, input.id);
    const refusal = reportRefusal(snap, await actorOf(tx, input.userId), input.evidence);
    if (refusal) return refuse(refusal);
    const won = await tx.rectification.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        state: "REPORTED",
        doneText: input.doneText.trim(),
        evidence: input.evidence.trim(),
        reportedBy: input.userId,
        reportedAt: input.at,
        version: { increment: 1 },
      },
    });
    return won.count === 0 ? refuse("busy") : { ok: true };
  });
}

/** Accept (verified) or reopen with a comment: by someone other than the owner. */
export async function verify(
  db: Database,
  input: { id: number; userId: string; at: Date; accept: boolean; comment?: string },
): Promise<Outcome<{ state: RectificationState }, RectificationError | "busy">> {
  const org = await currentOrgRecord(db);
  const zone = org?.timezone ?? "UTC";
  return inTx(db, async (tx) => {
    const { row, snap } = await snapshot(tx, input.id);
    const result = verifyTransition(
      snap,
      await actorOf(tx, input.userId),
      input.accept ? { type: "accept" } : { type: "reopen", comment: input.comment ?? "" },
    );
    if (!result.ok) return refuse(result.error);
    const won = await tx.rectification.updateMany({
      where: { id: row.id, version: row.version },
      data:
        result.next === "VERIFIED"
          ? {
              state: "VERIFIED",
              verifiedBy: input.userId,
              verifiedAt: input.at,
              verifiedOn: localDateOf(input.at, zone),
              version: { increment: 1 },
            }
          : {
              state: "OPEN",
              reopenCount: { increment: 1 },
              lastComment: input.comment?.trim() ?? null,
              version: { increment: 1 },
            },
    });
    return won.count === 0 ? refuse("busy") : { ok: true, state: result.next };
  });
}
