/**
 * The annual assessment on the App Home (issue 22), for the committee and the secretaries only,
 * in a fixed number of queries whatever the number of branches (the latest year since last
 * year, then its cards as one load): the committee sees the year's state, the ranking's top and
 * the remarks and contests awaiting an answer; a secretary their branch's total, grade and rank
 * and the state of the remarks on its card.
 */
import { latestAssessmentYearSince } from "../../db/repositories/assessment.ts";
import { localDateOf } from "../../domain/period.ts";
import type { AssessmentHomeView } from "../../ports/assessment.ts";
import type { Tx } from "../kit/tx.ts";
import { loadYearView } from "./cards.ts";

export const HOME_TOP = 3;
export const HOME_OPEN = 3;

export interface AssessmentHomeViewer {
  userId: string;
  committee: boolean;
  secretaryOf: readonly { id: number; name: string }[];
}

export async function loadAssessmentHome(
  db: Tx,
  viewer: AssessmentHomeViewer,
  now: Date,
  timezone: string,
): Promise<AssessmentHomeView | null> {
  if (!viewer.committee && viewer.secretaryOf.length === 0) return null;
  const thisYear = Number(localDateOf(now, timezone).slice(0, 4));
  const year = await latestAssessmentYearSince(db, thisYear - 1);
  const view = year === null ? null : await loadYearView(db, year);
  if (!view) return null;
  const mine = new Set(viewer.secretaryOf.map((b) => b.id));
  const open = view.cards.flatMap((c) =>
    c.remarks
      .filter((r) => r.answer === null)
      .map((r) => ({
        id: r.id,
        branchName: c.branchName,
        kind: r.kind,
        text: r.text,
        branchId: c.branchId,
      })),
  );
  // The committee answers what is not their own branch's (four eyes), oldest first.
  const toAnswer = open.filter((r) => !mine.has(r.branchId)).sort((a, b) => a.id - b.id);
  return {
    year: view.year,
    state: view.state,
    count: view.cards.length,
    committee: viewer.committee
      ? {
          top: view.cards.slice(0, HOME_TOP).map((c) => ({
            rank: c.rank,
            branchName: c.branchName,
            total: c.card.total,
            grade: c.card.grade,
          })),
          ungraded: view.cards.filter((c) => c.card.grade === null).length,
          open:
            view.state === "draft"
              ? toAnswer.slice(0, HOME_OPEN).map(({ branchId: _, ...r }) => r)
              : [],
          openCount: view.state === "draft" ? toAnswer.length : 0,
        }
      : null,
    branches: view.cards
      .filter((c) => mine.has(c.branchId))
      .map((c) => ({
        name: c.branchName,
        rank: c.rank,
        total: c.card.total,
        partyBuilding: c.card.partyBuilding,
        grade: c.card.grade,
        open: c.remarks.filter((r) => r.answer === null).length,
        answered: c.remarks.filter((r) => r.answer !== null).length,
      })),
  };
}
