/**
 * A system admin changes who inspects a branch in an open round (a swap, or a branch left
 * without an inspector by a conflict). The round's rules are checked again on the whole round
 * as it would be (mutual: not itself, not each other, not the previous round's target while
 * another choice exists, one each; supervision: a committee member not involved in the
 * branch); a broken rule is refused and nothing changes.
 */
import {
  committeeMembers,
  inspectableBranches,
  previousAssignments,
} from "../../db/repositories/inspections.ts";
import {
  type Assignment,
  mutualViolations,
  supervisionViolations,
} from "../../domain/inspection-assign.ts";
import { localDateOf } from "../../domain/period.ts";
import { type Deps, refuse } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { committeeRoles, currentOrgRecord } from "../org/current.ts";
import type { InspectionsError, Result } from "./result.ts";

export interface SwapForm {
  rounds: { key: string; kind: string; period: string }[];
}

/** The open rounds an admin may change, or why not. */
export async function openSwap(deps: Deps, userId: string): Promise<Result<{ form: SwapForm }>> {
  const org = await currentOrgRecord(deps.db);
  if (!org) return refuse("no-org");
  if (!(await committeeRoles(deps.db, userId)).admin) return refuse("not-admin");
  const today = localDateOf(deps.now(), org.timezone);
  const rounds = await deps.db.prisma.inspectionRound.findMany({
    where: {
      closesOn: { gte: today },
      opensOn: { lte: today },
      closedAt: null,
      skippedReason: null,
    },
    orderBy: { key: "asc" },
  });
  if (rounds.length === 0) return refuse("round-closed");
  return {
    ok: true,
    form: { rounds: rounds.map((r) => ({ key: r.key, kind: r.kind, period: r.period })) },
  };
}

export async function swapAssignment(
  deps: Deps,
  req: { userId: string; roundKey: string; branchKey: string; inspector: string },
): Promise<Result<{ field?: "branch" | "inspector" }>> {
  const opened = await openSwap(deps, req.userId);
  if (!opened.ok) return opened;
  return inTx(deps.db, async (tx): Promise<Result> => {
    const round = await tx.inspectionRound.findUnique({
      where: { key: req.roundKey },
      include: { assignments: { include: { branch: true } } },
    });
    if (!round || !opened.form.rounds.some((r) => r.key === round.key))
      return refuse("round-closed");
    const branches = await inspectableBranches(tx);
    const byKey = new Map(branches.map((b) => [b.key, b]));
    const target = byKey.get(req.branchKey);
    if (!target) return refuse("swap-not-in-round");
    const keyOfId = new Map(branches.map((b) => [b.id, b.key]));
    const current: Assignment[] = round.assignments.flatMap((a) => {
      const inspector =
        a.inspectorUserId ??
        (a.inspectorBranchId == null ? undefined : keyOfId.get(a.inspectorBranchId));
      return inspector && a.branch.key !== req.branchKey
        ? [{ target: a.branch.key, inspector }]
        : [];
    });
    const proposed = [...current, { target: req.branchKey, inspector: req.inspector }];
    const mine = (v: { assignment: Assignment }) =>
      v.assignment.target === req.branchKey || v.assignment.inspector === req.inspector;
    let error: InspectionsError | null = null;
    if (round.kind === "mutual") {
      if (!byKey.has(req.inspector)) return refuse("swap-not-in-round");
      const previous = await previousAssignments(tx, round.kind, round.period);
      const violation = mutualViolations(
        proposed,
        new Map(previous.map((p) => [p.inspector, p.target])),
      ).find(mine)?.violation;
      if (violation) error = `swap-${violation}`;
    } else {
      const violation = supervisionViolations(
        proposed,
        branches.map((b) => ({ key: b.key, people: b.people })),
        await committeeMembers(tx),
      ).find(mine)?.violation;
      if (violation) error = `swap-${violation}`;
    }
    if (error) return refuse(error);
    const data =
      round.kind === "mutual"
        ? { inspectorBranchId: byKey.get(req.inspector)?.id ?? null, inspectorUserId: null }
        : { inspectorUserId: req.inspector, inspectorBranchId: null };
    const existing = round.assignments.find((a) => a.branch.key === req.branchKey);
    if (existing?.state === "SUBMITTED") return refuse("already-submitted");
    if (existing) await tx.inspectionAssignment.update({ where: { id: existing.id }, data });
    else
      await tx.inspectionAssignment.create({
        data: { roundId: round.id, branchId: target.id, ...data },
      });
    return { ok: true };
  });
}
