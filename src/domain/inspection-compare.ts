/**
 * The comparison when a round closes ("brightness ratio"): branches ranked by score, the
 * checklist items where most branches lost points, and each branch's change against its
 * previous round of the same kind.
 */
import type { ChecklistItem } from "./inspection-round.ts";

export interface ScoredInspection {
  branchKey: string;
  /** Item key → score given. */
  scores: Readonly<Record<string, number>>;
}

export interface RankRow {
  branchKey: string;
  total: number;
  rank: number;
  /** Against the branch's previous round of the same kind; null when it had none. */
  change: number | null;
}

export const totalOf = (scores: Readonly<Record<string, number>>): number =>
  Math.round(Object.values(scores).reduce((s, v) => s + v, 0) * 10) / 10;

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4), ties by key. */
export function ranking(
  current: readonly ScoredInspection[],
  previous: readonly ScoredInspection[] = [],
): RankRow[] {
  const before = new Map(previous.map((p) => [p.branchKey, totalOf(p.scores)]));
  const rows = current
    .map((c) => ({ branchKey: c.branchKey, total: totalOf(c.scores) }))
    .sort((a, b) => b.total - a.total || a.branchKey.localeCompare(b.branchKey));
  return rows.map((r, i) => {
    const first = rows.findIndex((o) => o.total === r.total);
    const prev = before.get(r.branchKey);
    return {
      ...r,
      rank: (first === -1 ? i : first) + 1,
      change: prev === undefined ? null : Math.round((r.total - prev) * 10) / 10,
    };
  });
}

export interface WeakItem {
  key: string;
  /** How many inspected branches scored below the item's maximum. */
  branchesLosing: number;
  pointsLost: number;
}

/** Items where most branches lost points, most first (items nobody lost points on left out). */
export function weakItems(
  checklist: readonly ChecklistItem[],
  inspections: readonly ScoredInspection[],
): WeakItem[] {
  return checklist
    .map((item) => {
      const lost = inspections.map((i) => item.maxScore - (i.scores[item.key] ?? 0));
      return {
        key: item.key,
        branchesLosing: lost.filter((l) => l > 0).length,
        pointsLost: Math.round(lost.reduce((s, l) => s + Math.max(0, l), 0) * 10) / 10,
      };
    })
    .filter((w) => w.branchesLosing > 0)
    .sort(
      (a, b) =>
        b.branchesLosing - a.branchesLosing ||
        b.pointsLost - a.pointsLost ||
        a.key.localeCompare(b.key),
    );
}
