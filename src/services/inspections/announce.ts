/**
 * A round's announcement in the committee channel, read from the round as it is now: posted when
 * it opens, and updated in place when an admin changes an assignment (a conflict once assigned
 * is no longer named).
 */
import { branchNames } from "../../db/repositories/inspections.ts";
import type { Conflict } from "../../domain/inspection-assign.ts";
import type { RoundKind } from "../../domain/inspection-round.ts";
import type { InspectionsPresenter, RoundAnnouncement } from "../../ports/inspections.ts";
import type { Tx } from "../kit/tx.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";

export const announceKey = (roundKey: string) => `inspections:${roundKey}:announce`;

export async function roundAnnouncement(tx: Tx, roundId: number): Promise<RoundAnnouncement> {
  const round = await tx.inspectionRound.findUniqueOrThrow({
    where: { id: roundId },
    include: { assignments: { include: { branch: true }, orderBy: { id: "asc" } } },
  });
  const names = await branchNames(tx);
  const assigned = new Set(
    round.assignments
      .filter((a) => a.inspectorUserId || a.inspectorBranchId != null)
      .map((a) => a.branch.key),
  );
  const keyed = new Map(
    (await tx.branch.findMany({ select: { key: true, name: true } })).map((b) => [b.key, b.name]),
  );
  return {
    kind: round.kind as RoundKind,
    period: round.period,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    lines: round.assignments.flatMap((a) => {
      const inspector = a.inspectorUserId
        ? { user: a.inspectorUserId }
        : a.inspectorBranchId != null
          ? { branch: names.get(a.inspectorBranchId) ?? "?" }
          : null;
      return inspector ? [{ inspector, branch: a.branch.name }] : [];
    }),
    conflicts: (round.conflicts as unknown as Conflict[])
      .filter((c) => !assigned.has(c.target))
      .map((c) => ({ ...c, branch: keyed.get(c.target) ?? c.target })),
    skipped: round.skippedReason as RoundAnnouncement["skipped"],
  };
}

/** Posts the round's announcement, or (with `change`) updates the one posted. */
export async function announceRound(
  tx: Tx,
  round: { id: number; key: string },
  channel: string,
  presenter: InspectionsPresenter,
  change?: number,
): Promise<void> {
  const message = presenter.announcement(await roundAnnouncement(tx, round.id));
  const postKey = announceKey(round.key);
  await enqueueDelivery(
    tx,
    change === undefined
      ? { dedupeKey: postKey, method: "chat.postMessage", payload: { channel, ...message } }
      : {
          dedupeKey: `${postKey}:${change}`,
          method: "chat.update",
          payload: { ...message },
          after: postKey,
        },
  );
}
