/**
 * The inspection itself: the inspector opens the checklist of their assignment (a draft kept
 * when they closed it unsent), submits it once while the round is open (each score checked
 * against its item's maximum, each finding with text); its findings become rectification items
 * for the inspected branch (owner: its first secretary; due date by severity in working days).
 * The branch sees the result in its channel; the owner gets each item in a DM.
 */

import type { Database, Prisma } from "../../db/client.ts";
import {
  assignmentById,
  inspectorsOf,
  rectificationById,
  saveDraft,
} from "../../db/repositories/inspections.ts";
import { totalOf } from "../../domain/inspection-compare.ts";
import { checklistMax, type RoundKind, scoreError } from "../../domain/inspection-round.ts";
import { localDateOf } from "../../domain/period.ts";
import { dueDateFor, PENDING_STATES, type Severity } from "../../domain/rectification.ts";
import type {
  ChecklistForm,
  FindingValues,
  InspectionsPresenter,
  ItemView,
} from "../../ports/inspections.ts";
import type { Deps } from "../kit/result.ts";
import { refuse } from "../kit/result.ts";
import { inTx, type Tx } from "../kit/tx.ts";
import { calendarOf } from "../org/calendar-settings.ts";
import { currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import type { Result } from "./result.ts";
import { itemsOf, type PresenterFor, recordChange, rectificationView } from "./views.ts";

export interface FindingInput {
  problem: string;
  severity: Severity;
  suggestion?: string;
  /** The form's slot (an amendment matches it to the pending item shown there). */
  slot?: number;
}

export interface ChecklistInput {
  scores: Record<string, string>;
  note?: string;
  findings: FindingInput[];
  /** Why a sent checklist changes (required to amend). */
  reason?: string;
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
  if (!a.branch.active) return refuse("branch-inactive");
  const amending = a.state === "SUBMITTED";
  const draft = amending ? await submittedValues(deps.db, a) : (a.draft as ChecklistForm["draft"]);
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
      amending,
    },
  };
}

/** The items still pending for an assignment, in the order the amend form shows them. */
const pendingItems = (db: Database | Tx, assignmentId: number) =>
  ("prisma" in db ? db.prisma : db).rectification.findMany({
    where: { assignmentId, state: { in: [...PENDING_STATES] } },
    orderBy: { position: "asc" },
  });

/** What was sent, as the form shows it: scores, note, and each pending finding in its slot. */
async function submittedValues(
  db: Database,
  a: { id: number; scores: unknown; note: string | null },
): Promise<NonNullable<ChecklistForm["draft"]>> {
  const scores = (a.scores ?? {}) as Record<string, number>;
  return {
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, String(v)])),
    note: a.note ?? "",
    findings: (await pendingItems(db, a.id)).map((r) => ({
      problem: r.problem,
      severity: r.severity as Severity,
      suggestion: r.suggestion ?? "",
    })),
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
  | Result<{ items: number; total: number; amended?: true }>
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
    // A branch deactivated mid-round is no longer inspected; what it was sent stays.
    if (!a.branch.active) return refuse("branch-inactive");
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
    const newItem = (f: FindingInput, position: number) => ({
      assignmentId: a.id,
      branchId: a.branchId,
      position,
      problem: f.problem.trim(),
      severity: f.severity,
      suggestion: f.suggestion?.trim() || null,
      ownerId: owner,
      dueOn: dueDateFor(calendar, today, f.severity),
    });
    if (a.state === "SUBMITTED") {
      return amend(tx, p, { a, items, scores, total, input, at, newItem });
    }
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
    const findings = input.checklist.findings.map(newItem);
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
    await tellOwners(tx, p, a.id, 0);
    return { ok: true, items: findings.length, total };
  });
  if (result.ok) deps.homes?.changed({ users: [input.userId] });
  return result;
}

/** Each item of the assignment from `fromPosition` on, in a DM to its owner. */
async function tellOwners(
  tx: Tx,
  p: InspectionsPresenter,
  assignmentId: number,
  fromPosition: number,
) {
  const created = await tx.rectification.findMany({
    where: { assignmentId, position: { gte: fromPosition } },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  for (const { id } of created) {
    const row = await rectificationById(tx, id);
    if (!row) continue;
    await enqueueDelivery(tx, {
      dedupeKey: `inspections:rect:${id}:open:0`,
      method: "dm",
      payload: { user: row.ownerId, ...p.ownerItem(rectificationView(row)) },
    });
  }
}

type Row = NonNullable<Awaited<ReturnType<typeof assignmentById>>>;

/**
 * A sent checklist changed while its round is open: new scores and note, each pending item
 * matched to its slot (emptied: cancelled with the reason; edited: its text changed), new
 * findings become items. The change is recorded (who, when, before and after) and the branch is
 * told in its channel.
 */
async function amend(
  tx: Tx,
  p: InspectionsPresenter,
  c: {
    a: Row;
    items: ItemView[];
    scores: Record<string, number>;
    total: number;
    input: { assignmentId: number; userId: string; checklist: ChecklistInput };
    at: Date;
    newItem: (f: FindingInput, position: number) => Prisma.RectificationCreateManyInput;
  },
): Promise<SubmitResult> {
  const { a, input } = c;
  const reason = input.checklist.reason?.trim() ?? "";
  if (reason === "") return refuse("amend-reason-required");
  const pending = await pendingItems(tx, a.id);
  const bySlot = new Map(input.checklist.findings.map((f, i) => [f.slot ?? i, f]));
  const removed: string[] = [];
  const changed: { before: string; after: string }[] = [];
  for (const [slot, item] of pending.entries()) {
    const f = bySlot.get(slot);
    bySlot.delete(slot);
    if (!f) {
      await tx.rectification.update({
        where: { id: item.id },
        data: { state: "CANCELLED", lastComment: reason, version: { increment: 1 } },
      });
      removed.push(item.problem);
      continue;
    }
    const next = {
      problem: f.problem.trim(),
      severity: f.severity,
      suggestion: f.suggestion?.trim() || null,
    };
    if (
      next.problem !== item.problem ||
      next.severity !== item.severity ||
      next.suggestion !== item.suggestion
    ) {
      await tx.rectification.update({
        where: { id: item.id },
        data: { ...next, version: { increment: 1 } },
      });
      changed.push({ before: item.problem, after: next.problem });
    }
  }
  const last = await tx.rectification.aggregate({
    where: { assignmentId: a.id },
    _max: { position: true },
  });
  const from = (last._max.position ?? -1) + 1;
  const added = [...bySlot.values()].map((f, i) => c.newItem(f, from + i));
  if (added.length > 0) await tx.rectification.createMany({ data: added });
  const before = (a.scores ?? {}) as Record<string, number>;
  const scores = c.items.flatMap((item) =>
    before[item.key] === c.scores[item.key]
      ? []
      : [{ item, before: before[item.key] ?? null, after: c.scores[item.key] ?? 0 }],
  );
  const note = input.checklist.note?.trim() || null;
  const won = await tx.inspectionAssignment.updateMany({
    where: { id: a.id, version: a.version },
    data: { scores: c.scores, total: c.total, note, amendedAt: c.at, version: { increment: 1 } },
  });
  if (won.count === 0) return refuse("busy");
  await recordChange(tx, {
    actor: input.userId,
    action: "amend",
    entity: "inspection-assignment",
    id: a.id,
    at: c.at,
    data: {
      reason,
      scores: scores.map((s) => ({ item: s.item.key, before: s.before, after: s.after })),
      note: note === a.note ? null : { before: a.note, after: note },
      added: added.map((f) => f.problem),
      changed,
      removed,
    },
  });
  const message = p.amended({
    kind: a.round.kind as RoundKind,
    period: a.round.period,
    branch: a.branch.name,
    by: input.userId,
    reason,
    total: c.total,
    max: checklistMax(c.items),
    scores,
    noteChanged: note !== a.note,
    added: added.map((f) => ({
      problem: f.problem,
      severity: f.severity as Severity,
      suggestion: f.suggestion ?? "",
      dueOn: f.dueOn,
      owner: f.ownerId,
    })),
    changed,
    removed,
  });
  await enqueueDelivery(tx, {
    dedupeKey: `inspections:assignment:${a.id}:amend:${a.version + 1}`,
    method: "chat.postMessage",
    payload: { channel: a.branch.channelId, ...message },
  });
  await tellOwners(tx, p, a.id, from);
  return { ok: true, items: added.length, total: c.total, amended: true };
}
