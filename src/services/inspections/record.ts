/**
 * The inspections' record of a span of months, read back for the reports, the Home and the
 * assessment: per round, the branches ranked by score with their change against their previous
 * round of the same kind, the items where most branches lost points, and each branch's closure
 * (items, closed, closed on time, overdue); and every rectification item with its state.
 */
import type { Database } from "../../db/client.ts";
import { branchNames, roundsUpTo } from "../../db/repositories/inspections.ts";
import type { LocalDate } from "../../domain/calendar.ts";
import {
  ranking,
  type ScoredInspection,
  type WeakItem,
  weakItems,
} from "../../domain/inspection-compare.ts";
import { checklistMax, type RoundKind } from "../../domain/inspection-round.ts";
import {
  closure,
  isOverdueOn,
  type RectificationState,
  type Severity,
} from "../../domain/rectification.ts";
import type { ItemView } from "../../ports/inspections.ts";
import { itemsOf } from "./views.ts";

export interface BranchResult {
  branchKey: string;
  branch: string;
  /** The inspecting branch's name (mutual) or the member's user id (supervision). */
  inspector: { branch: string } | { user: string } | null;
  total: number | null;
  max: number;
  rank: number | null;
  change: number | null;
  items: number;
  closed: number;
  onTime: number;
  overdue: number;
}

export interface RoundRecord {
  key: string;
  kind: RoundKind;
  period: string;
  opensOn: string;
  closesOn: string;
  results: BranchResult[];
  weak: WeakItem[];
  checklist: ItemView[];
}

export interface ItemRecord {
  id: number;
  round: string;
  kind: RoundKind;
  period: string;
  branchKey: string;
  branch: string;
  problem: string;
  severity: Severity;
  owner: string;
  dueOn: string;
  state: RectificationState;
  reopenCount: number;
  verifiedBy: string | null;
  verifiedOn: string | null;
  evidence: string | null;
  overdue: boolean;
  onTime: boolean;
}

export interface InspectionRecord {
  rounds: RoundRecord[];
  items: ItemRecord[];
}

/** Rounds opened in `first`..`last` (YYYY-MM), as of `today`. */
export async function inspectionRecord(
  db: Database,
  first: string,
  last: string,
  today: LocalDate,
): Promise<InspectionRecord> {
  const all = await roundsUpTo(db, last);
  const names = await branchNames(db);
  const scoredOf = (round: (typeof all)[number]): ScoredInspection[] =>
    round.assignments
      .filter((a) => a.state === "SUBMITTED" && a.scores)
      .map((a) => ({ branchKey: a.branch.key, scores: a.scores as Record<string, number> }));
  const rounds: RoundRecord[] = [];
  const items: ItemRecord[] = [];
  for (const round of all) {
    if (round.period < first || round.skippedReason) continue;
    const previous = all.filter(
      (r) => r.kind === round.kind && r.period < round.period && !r.skippedReason,
    );
    const before = previous.at(-1);
    const ranks = new Map(
      ranking(scoredOf(round), before ? scoredOf(before) : []).map((r) => [r.branchKey, r]),
    );
    const checklist = itemsOf(round.checklist);
    const max = checklistMax(checklist);
    const results = round.assignments.map((a): BranchResult => {
      const rank = ranks.get(a.branch.key);
      const c = closure(
        a.rectifications.map((r) => ({ ...r, state: r.state as RectificationState })),
        today,
      );
      return {
        branchKey: a.branch.key,
        branch: a.branch.name,
        inspector: a.inspectorUserId
          ? { user: a.inspectorUserId }
          : a.inspectorBranchId != null
            ? { branch: names.get(a.inspectorBranchId) ?? "?" }
            : null,
        total: rank?.total ?? null,
        max,
        rank: rank?.rank ?? null,
        change: rank?.change ?? null,
        items: c.total,
        closed: c.closed,
        onTime: c.onTime,
        overdue: c.overdue,
      };
    });
    results.sort(
      (x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9) || x.branchKey.localeCompare(y.branchKey),
    );
    rounds.push({
      key: round.key,
      kind: round.kind as RoundKind,
      period: round.period,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      results,
      weak: weakItems(
        checklist.map((i) => ({ key: i.key, maxScore: i.maxScore })),
        scoredOf(round),
      ),
      checklist,
    });
    for (const a of round.assignments) {
      for (const r of a.rectifications) {
        items.push({
          id: r.id,
          round: round.key,
          kind: round.kind as RoundKind,
          period: round.period,
          branchKey: a.branch.key,
          branch: a.branch.name,
          problem: r.problem,
          severity: r.severity as Severity,
          owner: r.ownerId,
          dueOn: r.dueOn,
          state: r.state as RectificationState,
          reopenCount: r.reopenCount,
          verifiedBy: r.verifiedBy,
          verifiedOn: r.verifiedOn,
          evidence: r.evidence,
          overdue: isOverdueOn({ state: r.state as RectificationState, dueOn: r.dueOn }, today),
          onTime: r.state === "VERIFIED" && r.verifiedOn != null && r.verifiedOn <= r.dueOn,
        });
      }
    }
  }
  return { rounds, items };
}
