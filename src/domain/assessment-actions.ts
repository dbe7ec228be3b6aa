/**
 * Who may do what to the year's cards (issue 22), and the checks of what they enter. Plain
 * functions: the services read the people and the cards, these decide.
 *
 * - Manual scores: committee members, never for their own branch (four eyes), 0–the weight,
 *   while the year is a draft.
 * - Remarks and contests: the branch's secretary, within the window after the draft
 *   (assessment.contestDays); a contest names a computed indicator.
 * - Answers: a committee member who is not a secretary of the branch; a correction stays within
 *   0–what was expected.
 * - Finalization: a committee admin (the chair), once.
 */
import { addDays } from "./calendar.ts";

export type AssessmentError =
  | "no-year"
  | "final"
  | "not-committee"
  | "own-branch"
  | "not-chair"
  | "not-secretary"
  | "unknown-branch"
  | "unknown-indicator"
  | "not-manual"
  | "not-computed"
  | "out-of-range"
  | "window-closed"
  | "empty-text"
  | "unknown-remark"
  | "answered"
  | "busy";

export interface Actor {
  committeeMember: boolean;
  committeeAdmin: boolean;
  /** Branch ids where the actor is secretary or member. */
  branchIds: readonly number[];
  /** Branch ids where the actor is secretary. */
  secretaryOf: readonly number[];
}

/** Why the actor may not score a branch's card (null: they may). */
export function scorerRefusal(actor: Actor, branchId: number): AssessmentError | null {
  if (!actor.committeeMember && !actor.committeeAdmin) return "not-committee";
  if (actor.branchIds.includes(branchId)) return "own-branch";
  return null;
}

/** A manual score: a number from 0 to the indicator's weight, at most 2 decimals. */
export function scoreRefusal(score: number, weight: number): AssessmentError | null {
  if (!Number.isFinite(score) || score < 0 || score > weight) return "out-of-range";
  if (Math.abs(score * 100 - Math.round(score * 100)) > 1e-9) return "out-of-range";
  return null;
}

/** The effectiveness score: 0–100, at most 2 decimals. */
export const effectivenessRefusal = (score: number): AssessmentError | null =>
  scoreRefusal(score, 100);

/** The last local date a remark or contest is taken: the draft's date + contestDays. */
export const contestUntil = (draftDate: string, contestDays: number): string =>
  addDays(draftDate, contestDays);

export function remarkRefusal(
  actor: Actor,
  branchId: number,
  today: string,
  until: string,
): AssessmentError | null {
  if (!actor.secretaryOf.includes(branchId)) return "not-secretary";
  if (today > until) return "window-closed";
  return null;
}

export function answerRefusal(actor: Actor, branchId: number): AssessmentError | null {
  if (!actor.committeeMember && !actor.committeeAdmin) return "not-committee";
  if (actor.secretaryOf.includes(branchId)) return "own-branch";
  return null;
}

export const finalizeRefusal = (actor: Actor): AssessmentError | null =>
  actor.committeeAdmin ? null : "not-chair";

export interface ImportLine {
  line: number;
  branch: string;
  score: number;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * The effectiveness scores of a CSV file: a header `branch,score` (optional), then one line per
 * branch key. Every line is checked; any problem refuses the whole file.
 */
export function parseEffectivenessCsv(
  text: string,
  branchKeys: readonly string[],
): { ok: true; lines: ImportLine[] } | { ok: false; problems: ImportProblem[] } {
  const known = new Set(branchKeys);
  const problems: ImportProblem[] = [];
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === "" || trimmed.startsWith("#")) return;
      const cells = trimmed.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
      if (line === 1 && /^branch$/i.test(cells[0] ?? "")) return;
      if (cells.length !== 2) {
        problems.push({ line, message: `expected 2 fields "branch,score", got ${cells.length}` });
        return;
      }
      const [branch = "", scoreText = ""] = cells;
      if (!known.has(branch)) {
        problems.push({ line, message: `branch: unknown branch key "${branch.slice(0, 40)}"` });
      }
      const score = Number(scoreText);
      if (scoreText === "" || effectivenessRefusal(score) !== null) {
        problems.push({
          line,
          message: `score: expected a score from 0 to 100 (2 decimals at most), got "${scoreText.slice(0, 20)}"`,
        });
      }
      const first = seen.get(branch);
      if (first !== undefined) {
        problems.push({ line, message: `branch: "${branch}" again (also line ${first})` });
      } else seen.set(branch, line);
      lines.push({ line, branch, score });
    });
  if (problems.length === 0 && lines.length === 0) {
    problems.push({ line: 1, message: 'no scores: write one line "branch,score" per branch' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}
