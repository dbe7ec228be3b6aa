/**
 * The inspection itself: the inspector opens the checklist of their assignment (a draft kept
 * when they closed it unsent), submits it once while the round is open (each score checked
 * against its item's maximum, each finding with text); its findings become rectification items
 * for the inspected branch (owner: its first secretary; due date by severity in working days).
 * The branch sees the result in its channel; the owner gets each item in a DM.
 */
import {
  assignmentById,
  inspectorsOf,
  rectificationById,
  saveDraft,
} from "../../db/repositories/inspections.ts";
import { totalOf } from "../../domain/inspection-compare.ts";
import { checklistMax, type RoundKind, scoreError } from "../../domain/inspection-round.ts";
import { localDateOf } from "../../domain/period.ts";
import { dueDateFor, type Severity } from "../../domain/rectification.ts";
import type { ChecklistForm, FindingValues } from "../../ports/inspections.ts";
import type { Deps } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import type { Result } from "./result.ts";
import { itemsOf, type PresenterFor, rectificationView } from "./views.ts";

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

const isOpen = (
  round: { closesOn: string; opensOn: string; closedAt: Date | null },
  today: string,
) => !round.closedAt && today >= round.opensOn && today <= round.closesOn;

/** The checklist modal's content, for one of the assignment's inspectors while the round is open. */
export async function openChecklist(
  deps: Deps,
  req: { assignmentId: number; userId: string },
): Promise<Result<{ form: ChecklistForm }>> {
  const org = await currentOrgRecord(deps.db);
  if (!org) return refuse("no-org");
  const a = await assignmentById(deps.db, req.assignmentId);
  if (!a) return refuse("not-found");
  if (!(await inspectorsOf(deps.db, a)).includes(req.userId)) return refuse("not-inspector");
  if (!isOpen(a.round, localDateOf(deps.now(), org.timezone))) return refuse("round-closed");
  if (a.state === "SUBMITTED") return refuse("already-submitted");
  const draft = a.draft as ChecklistForm["draft"];
  return {
    ok: true,
    form: {
      assignmentId: a.id,
      kind: a.round.kind as RoundKind,
      period: a.round.period,
      closesOn: a.round.closesOn,
      branch: a.branch.name,
      items: itemsOf(a.round.checklist),
      draft: draft ?? null,
    },
  };
}

/** Keeps what the inspector typed when they closed the modal unsent (inspectors only). */
export async function keepDraft(
  deps: Deps,
  req: {
    assignmentId: number;
    userId: string;
    draft: { scores: Record<string, string>; note: string; findings: FindingValues[] };
  },
): Promise<Result> {
  const a = await assignmentById(deps.db, req.assignmentId);
  if (!a) return refuse("not-found");
  if (!(await inspectorsOf(deps.db, a)).includes(req.userId)) return refuse("not-inspector");
  await saveDraft(deps.db, a.id, req.draft);
  return { ok: true };
}

export type SubmitResult =
  | Result<{ items: number; total: number }>
  | {
      ok: false;
      error: "score";
      /** The checklist item whose score is wrong. */
      field: string;
    };

/** Submits an assignment's checklist once; its findings become rectification items. */
export async function submitChecklist(
  deps: Deps,
  present: PresenterFor,
  input: { assignmentId: number; userId: string; checklist: ChecklistInput },
): Promise<SubmitResult> {
  const org = await currentOrgRecord(deps.db);
  if (!org) return refuse("no-org");
  const at = deps.now();
  const calendar = calendarOf(org.settings, org.timezone);
  const today = localDateOf(at, org.timezone);
  const p = present(await orgTranslator(deps.db));
  const result = await inTx(deps.db, async (tx): Promise<SubmitResult> => {
    const a = await assignmentById(tx, input.assignmentId);
    if (!a) return refuse("not-found");
    if (!(await inspectorsOf(tx, a)).includes(input.userId)) return refuse("not-inspector");
    if (!isOpen(a.round, today)) return refuse("round-closed");
    if (a.state === "SUBMITTED") return refuse("already-submitted");
    const items = itemsOf(a.round.checklist);
    const scores: Record<string, number> = {};
    for (const item of items) {
      if (scoreError(input.checklist.scores[item.key], item))
        return { ok: false, error: "score", field: item.key };
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
        submittedAt: at,
        version: { increment: 1 },
      },
    });
    if (won.count === 0) return refuse("already-submitted");
    const findings = input.checklist.findings.map((f, position) => ({
      assignmentId: a.id,
      branchId: a.branchId,
      position,
      problem: f.problem.trim(),
      severity: f.severity,
      suggestion: f.suggestion?.trim() || null,
      ownerId: owner,
      dueOn: dueDateFor(calendar, today, f.severity),
    }));
    if (findings.length > 0) await tx.rectification.createMany({ data: findings });
    const result = p.result({
      kind: a.round.kind as RoundKind,
      period: a.round.period,
      branch: a.branch.name,
      total,
      max: checklistMax(items),
      items: items.map((i) => ({ ...i, score: scores[i.key] ?? 0 })),
      note: input.checklist.note?.trim() || null,
      findings: findings.map((f) => ({
        problem: f.problem,
        severity: f.severity,
        suggestion: f.suggestion ?? "",
        dueOn: f.dueOn,
        owner,
      })),
    });
    await enqueueDelivery(tx, {
      dedupeKey: `inspections:assignment:${a.id}:result`,
      method: "chat.postMessage",
      payload: { channel: a.branch.channelId, ...result },
    });
    const created = await tx.rectification.findMany({
      where: { assignmentId: a.id },
      select: { id: true },
      orderBy: { position: "asc" },
    });
    for (const { id } of created) {
      const row = await rectificationById(tx, id);
      if (!row) continue;
      await enqueueDelivery(tx, {
        dedupeKey: `inspections:rect:${id}:open:0`,
        method: "dm",
        payload: { user: owner, ...p.ownerItem(rectificationView(row)) },
      });
    }
    return { ok: true, items: findings.length, total };
  });
  if (result.ok) deps.homes?.changed({ users: [input.userId] });
  return result;
}
