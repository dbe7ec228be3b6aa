/**
 * The extension point of the annual assessment (issue 22): each feature contributes named
 * sources (`Feature.assessmentSources`), and an org file's computed indicator names one of them
 * (`assessment.indicators[].source`). A source is a plain function over the repository: for
 * every branch in the scope, what was achieved out of what was expected, and the records behind
 * it (the evidence rows of the card and of the report).
 *
 * Rules every source keeps:
 * - a fixed number of queries, whatever the number of branches (read every branch's records at
 *   once, group in memory): the assessment of 300 branches must not issue 300 queries;
 * - only records of the scope's year, up to `asOf`, and for each branch only its own months
 *   (`BranchScope.from`): a branch created mid-year is counted over the months it existed;
 * - evidence text is a catalog key and its parameters, so the card and the report say it in the
 *   org's language (add the keys to the feature's own catalog file).
 */
import type { Database } from "../../db/client.ts";
import type { CalendarSettings } from "../../domain/calendar.ts";
import type { Period } from "../../domain/period.ts";
import { groupBy } from "../kit/group.ts";

/** One branch as the assessment sees it. */
export interface BranchScope {
  id: number;
  key: string;
  /** The first month counted: January, or the month the branch was created in. */
  from: Period;
  /** The last month counted (the draft's month, or December). */
  to: Period;
}

/** What a source is asked for: one year, as of one moment, over these branches. */
export interface AssessmentScope {
  year: number;
  /** Records after this moment are not counted (the draft's time). */
  asOf: Date;
  timezone: string;
  calendar: CalendarSettings;
  /** Organization.settings as applied (the source reads its own feature's section). */
  settings: unknown;
  branches: readonly BranchScope[];
}

/** One record behind a computed point. */
export interface EvidenceRow {
  /** When it happened, sortable: "2026-03", "2026-05-14" … */
  when: string;
  /** Catalog key of its text (the source's feature's catalog), and the text's parameters. */
  key: string;
  params?: Record<string, string | number>;
  /** A link to the record in Slack, when there is one. */
  link?: string;
  /** false: this record cost points (a late month, an item not done …). */
  ok: boolean;
}

/** A branch's value of a source: `achieved` out of `expected` (0 expected: not applicable). */
export interface SourceValue {
  achieved: number;
  expected: number;
  evidence: EvidenceRow[];
}

export interface AssessmentSource {
  /** Unique over all features, what the org file names: "lists-on-time". */
  name: string;
  /** Catalog key of the indicator's label ("done on time", "turns taken" …). */
  label: string;
  /**
   * Every scope branch's value, by branch key (a branch left out: nothing expected). A fixed
   * number of queries, whatever the number of branches.
   */
  compute(db: Database, scope: AssessmentScope): Promise<Map<string, SourceValue>>;
}

/** A source's value for a branch it did not report: nothing was expected. */
export const NOTHING_EXPECTED: SourceValue = { achieved: 0, expected: 0, evidence: [] };

/** A link to a Slack message (the evidence's "where"), or undefined without one. */
export function messageLink(
  channel: string | null | undefined,
  ts: string | null | undefined,
): string | undefined {
  return channel && ts
    ? `https://slack.com/archives/${channel}/p${ts.replace(".", "")}`
    : undefined;
}

export { groupBy };

/** Every scope branch's value, by branch key: the fold each source ends with. */
export function perBranch(
  scope: AssessmentScope,
  valueFor: (branch: BranchScope) => SourceValue,
): Map<string, SourceValue> {
  return new Map(scope.branches.map((b) => [b.key, valueFor(b)]));
}

/** The scope's branch ids: what a source's one query over all branches asks for. */
export const branchIds = (scope: AssessmentScope): number[] => scope.branches.map((b) => b.id);

/** `perBranch` over rows of all branches, each branch given its own (by `branchIdOf`). */
export function perBranchOf<T>(
  scope: AssessmentScope,
  rows: readonly T[],
  branchIdOf: (row: T) => number,
  valueFor: (branch: BranchScope, rows: T[]) => SourceValue,
): Map<string, SourceValue> {
  const byBranch = groupBy(rows, branchIdOf);
  return perBranch(scope, (b) => valueFor(b, byBranch.get(b.id) ?? []));
}

/** The rows that count for the branch out of all of them, with the rows as evidence. */
export function tally(evidence: EvidenceRow[]): SourceValue {
  return { achieved: evidence.filter((e) => e.ok).length, expected: evidence.length, evidence };
}

/** An evidence row with its link to the Slack message, when the message is known. */
export function linked(row: Omit<EvidenceRow, "link">, link: string | undefined): EvidenceRow {
  return link ? { ...row, link } : row;
}
