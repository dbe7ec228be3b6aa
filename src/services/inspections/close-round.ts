/**
 * The end of a round's window (the `inspection-close` job): each round of the month whose window
 * has passed is closed (no checklist or amendment after that) and the committee gets the
 * comparison: branches ranked by score with their change against their previous round of the
 * same kind, the items where most branches lost points, and the round's closure so far. The
 * close is a conditional update and the message is keyed by the round: run twice, posted once.
 */
import type { LocalDate } from "../../domain/calendar.ts";
import { localDateOf } from "../../domain/period.ts";
import type { RoundComparison } from "../../ports/inspections.ts";
import type { Deps } from "../kit/result.ts";
import { inTx } from "../kit/tx.ts";
import { currentOrgRecord } from "../org/current.ts";
import { orgTranslator } from "../org/locale.ts";
import { enqueueDelivery } from "../outbox/enqueue.ts";
import { inspectionRecord, type RoundRecord } from "./record.ts";
import type { PresenterFor } from "./views.ts";

export function comparisonOf(round: RoundRecord): RoundComparison {
  const inspected = round.results.filter((r) => r.total !== null && r.rank !== null);
  const byKey = new Map(round.checklist.map((i) => [i.key, i]));
  const sum = (f: (r: RoundRecord["results"][number]) => number) =>
    round.results.reduce((s, r) => s + f(r), 0);
  return {
    kind: round.kind,
    period: round.period,
    closesOn: round.closesOn,
    ranking: inspected.map((r) => ({
      rank: r.rank as number,
      branch: r.branch,
      total: r.total as number,
      max: r.max,
      change: r.change,
    })),
    notInspected: round.results.filter((r) => r.total === null).map((r) => r.branch),
    weak: round.weak.flatMap((w) => {
      const item = byKey.get(w.key);
      return item ? [{ item, branchesLosing: w.branchesLosing, pointsLost: w.pointsLost }] : [];
    }),
    items: sum((r) => r.items),
    closed: sum((r) => r.closed),
    overdue: sum((r) => r.overdue),
  };
}

/** Closes the rounds of `period` whose window ended before today; the keys of those closed now. */
export async function closeRounds(
  deps: Deps,
  present: PresenterFor,
  period: string,
): Promise<{ closed: string[] }> {
  const org = await currentOrgRecord(deps.db);
  if (!org) return { closed: [] };
  const at = deps.now();
  const today: LocalDate = localDateOf(at, org.timezone);
  const due = await deps.db.prisma.inspectionRound.findMany({
    where: { period, closedAt: null, skippedReason: null, closesOn: { lt: today } },
    orderBy: { key: "asc" },
  });
  if (due.length === 0) return { closed: [] };
  const p = present(await orgTranslator(deps.db));
  const record = await inspectionRecord(deps.db, period, period, today);
  const closed: string[] = [];
  for (const round of due) {
    const rec = record.rounds.find((r) => r.key === round.key);
    if (!rec) continue;
    const won = await inTx(deps.db, async (tx) => {
      const update = await tx.inspectionRound.updateMany({
        where: { id: round.id, closedAt: null },
        data: { closedAt: at, version: { increment: 1 } },
      });
      if (update.count === 0) return false;
      await enqueueDelivery(tx, {
        dedupeKey: `inspections:${round.key}:closed`,
        method: "chat.postMessage",
        payload: { channel: org.committeeChannel, ...p.comparison(comparisonOf(rec)) },
      });
      return true;
    });
    if (won) closed.push(round.key);
  }
  return { closed };
}
