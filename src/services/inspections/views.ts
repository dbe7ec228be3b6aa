/** Rows → the view models the presenter is given (ports/inspections.ts). */
import type { Prisma } from "../../db/client.ts";
import type { RectificationRow } from "../../db/repositories/inspections.ts";
import type { ChecklistItem, RoundKind } from "../../domain/inspection-round.ts";
import type { RectificationState, Severity } from "../../domain/rectification.ts";
import type { Translator } from "../../i18n/index.ts";
import type { InspectionsPresenter, ItemView, RectificationView } from "../../ports/inspections.ts";
import type { Tx } from "../kit/tx.ts";

/** How the use cases are given the presenter: in the org's language. */
export type PresenterFor = (t: Translator) => InspectionsPresenter;

export const itemsOf = (checklist: unknown): ItemView[] =>
  (checklist as ChecklistItem[]).map((i) => ({
    key: i.key,
    title: i.title ?? null,
    maxScore: i.maxScore,
    hint: i.hint ?? null,
  }));

/** The fields of a rectification row its view needs (a full row, or the Home's narrower select). */
export type RectificationViewRow = Pick<
  RectificationRow,
  | "id"
  | "problem"
  | "severity"
  | "suggestion"
  | "ownerId"
  | "dueOn"
  | "state"
  | "doneText"
  | "evidence"
  | "lastComment"
  | "reopenCount"
  | "verifiedBy"
> & {
  assignment: { branch: { name: string }; round: { kind: string; period: string } };
};

export const rectificationView = (row: RectificationViewRow): RectificationView => ({
  id: row.id,
  branch: row.assignment.branch.name,
  kind: row.assignment.round.kind as RoundKind,
  period: row.assignment.round.period,
  problem: row.problem,
  severity: row.severity as Severity,
  suggestion: row.suggestion,
  owner: row.ownerId,
  dueOn: row.dueOn,
  state: row.state as RectificationState,
  doneText: row.doneText,
  evidence: row.evidence,
  lastComment: row.lastComment,
  reopenCount: row.reopenCount,
  verifiedBy: row.verifiedBy,
});

/** A change recorded in the audit log: who, when, on what, and what changed. */
export const recordChange = (
  tx: Tx,
  e: { actor: string; action: string; entity: string; id: number; at: Date; data: object },
) =>
  tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: String(e.id),
      at: e.at,
      data: e.data as Prisma.InputJsonValue,
    },
  });
