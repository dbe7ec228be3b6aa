/**
 * The plan modal's use cases before the submission: who may open it and with which rows (the
 * draft kept, the returned or withdrawn revision, the plan in force for an amendment), and
 * turning its pages. The rows of every page live in the person's draft, so a page turned, a
 * modal closed or a submission refused loses nothing.
 */
import type { Prisma } from "../../db/client.ts";
import { findPlanDraft, loadPlanRecord } from "../../db/repositories/annual-plan.ts";
import { savePlanDraft } from "../../db/repositories/annual-plan-write.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { MAX_PLAN_ITEMS, type RawPlanRow } from "../../domain/annual-plan.ts";
import {
  isSecretaryOf,
  latestRevision,
  revisionOf,
  snapshotOf,
  submissionKind,
} from "../../domain/task-list.ts";
import { itemRow, PLAN_PAGES, type PlanForm, type PlanRecord } from "../../ports/annual-plans.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { type PlanResult, refuse } from "./result.ts";

export const PAGES = PLAN_PAGES;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Rows as stored in a draft (JSON), each checked for shape. */
export function rowsOfDraft(json: unknown): RawPlanRow[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    .map((r) => ({
      row: Number(r.row),
      title: str(r.title),
      target: str(r.target),
      owner: str(r.owner),
      expectedResult: str(r.expectedResult),
    }))
    .filter((r) => Number.isInteger(r.row) && r.row >= 0 && r.row < MAX_PLAN_ITEMS);
}

/** `typed` (one page's rows) in place of the same rows of `all`. */
export function mergeRows(all: readonly RawPlanRow[], typed: readonly RawPlanRow[]): RawPlanRow[] {
  const byRow = new Map(all.map((r) => [r.row, r]));
  for (const r of typed) byRow.set(r.row, r);
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

function initialRows(plan: PlanRecord): { rows: RawPlanRow[]; from?: PlanForm["from"] } {
  const latest = latestRevision(plan);
  if (latest && (latest.status === "RETURNED" || latest.status === "WITHDRAWN"))
    return {
      rows: latest.items.map(itemRow),
      from: latest.status === "RETURNED" ? "returned" : "withdrawn",
    };
  const inForce = revisionOf(plan, plan.approvedRevision);
  if (inForce) return { rows: inForce.items.map(itemRow), from: "in-force" };
  return { rows: [] };
}

type Opened = PlanResult<{ form: PlanForm }>;

async function formFor(
  deps: Deps,
  req: { planId: number; userId: string },
): Promise<PlanResult<{ plan: PlanRecord; kind: PlanForm["kind"] }>> {
  const plan = await loadPlanRecord(deps.db, req.planId);
  if (!plan) return refuse("not-found");
  const actor = await loadActor(deps.db, req.userId);
  if (!isSecretaryOf(actor, plan.branch.key)) return refuse("not-secretary");
  const snapshot = snapshotOf(plan);
  const kind = submissionKind(snapshot);
  if (!kind)
    return refuse(snapshot.state === "SUBMITTED" ? "already-submitted" : "amendment-pending");
  return { ok: true, plan, kind };
}

const saveDraft = (deps: Deps, userId: string, planId: number, rows: RawPlanRow[]) =>
  inTx(deps.db, (tx) =>
    savePlanDraft(tx, { userId, planId, items: rows as unknown as Prisma.InputJsonValue }),
  );

/** A secretary opens the plan's modal: the draft they kept, or the rows the plan suggests. */
export async function openPlanForm(
  deps: Deps,
  req: { planId: number; userId: string },
): Promise<Opened> {
  const found = await formFor(deps, req);
  if (!found.ok) return found;
  const { plan, kind } = found;
  const draft = await findPlanDraft(deps.db, req.userId, plan.id);
  if (draft !== null)
    return { ok: true, form: { plan, kind, rows: rowsOfDraft(draft), page: 0, from: "draft" } };
  const { rows, from } = initialRows(plan);
  await saveDraft(deps, req.userId, plan.id, rows);
  return { ok: true, form: { plan, kind, rows, page: 0, ...(from ? { from } : {}) } };
}

/** The rows typed on one page kept in the draft; the form at page `to` (or the same page). */
export async function keepPage(
  deps: Deps,
  req: { planId: number; userId: string; typed: RawPlanRow[]; to?: number },
): Promise<Opened> {
  const found = await formFor(deps, req);
  if (!found.ok) return found;
  const draft = rowsOfDraft(await findPlanDraft(deps.db, req.userId, req.planId));
  const rows = mergeRows(draft, req.typed);
  await saveDraft(deps, req.userId, req.planId, rows);
  const page = Math.min(Math.max(req.to ?? 0, 0), PAGES - 1);
  return { ok: true, form: { plan: found.plan, kind: found.kind, rows, page, from: "draft" } };
}
