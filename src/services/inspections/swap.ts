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
  inspectorsOf,
  previousAssignments,
} from "../../db/repositories/inspections.ts";
import {
  type Assignment,
  mutualViolations,
  supervisionViolations,
} from "../../domain/inspection-assign.ts";
import type { RoundKind } from "../../domain/inspection-round.ts";
import { localDateOf } from "../../domain/period.ts";
import type { InspectionsMessage } from "../../ports/inspections.ts";
import { type Deps, refuse } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { committeeRoles, currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import { announceRound } from "./announce.ts";
import type { InspectionsError, Result } from "./result.ts";
import type { PresenterFor } from "./views.ts";

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

/**
 * Changes the assignment; the inspector removed and the one added each hear of it in a DM, and
 * the round's announcement in the committee channel is updated in place.
 */
export async function swapAssignment(
  deps: Deps,
  present: PresenterFor,
  req: { userId: string; roundKey: string; branchKey: string; inspector: string },
): Promise<Result<{ field?: "branch" | "inspector" }>> {
  const opened = await openSwap(deps, req.userId);
  if (!opened.ok) return opened;
  const org = await currentOrgRecord(deps.db);
  if (!org) return refuse("no-org");
  const p = present(await orgTranslator(deps.db));
  const told: string[] = [];
  const result = await inTx(deps.db, async (tx): Promise<Result> => {
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
    const before = existing ? await inspectorsOf(tx, existing) : [];
    const after = existing
      ? await tx.inspectionAssignment.update({ where: { id: existing.id }, data })
      : await tx.inspectionAssignment.create({
          data: { roundId: round.id, branchId: target.id, ...data },
        });
    const now = await inspectorsOf(tx, after);
    const { version: change } = await tx.inspectionRound.update({
      where: { id: round.id },
      data: { version: { increment: 1 } },
    });
    const head = { kind: round.kind as RoundKind, period: round.period, branch: target.name };
    const dm = (user: string, what: string, message: InspectionsMessage) =>
      enqueueDelivery(tx, {
        dedupeKey: `inspections:${round.key}:swap:${change}:${what}:${user}`,
        method: "dm",
        payload: { user, ...message },
      });
    for (const user of before.filter((u) => !now.includes(u))) {
      await dm(user, "released", p.released(head));
      told.push(user);
    }
    for (const user of now.filter((u) => !before.includes(u))) {
      await dm(
        user,
        "team",
        p.teamNotice({ ...head, closesOn: round.closesOn, assignmentId: after.id }),
      );
      told.push(user);
    }
    await announceRound(tx, round, org.committeeChannel, p, change);
    return { ok: true };
  });
  if (result.ok) deps.homes?.changed({ users: [req.userId, ...told] });
  return result;
}
