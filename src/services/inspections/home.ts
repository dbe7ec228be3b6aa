/**
 * Inspections on the App Home, in a fixed number of queries (db/repositories/inspections.ts
 * `inspectionsHomeRows`): the open rectification items a person owns (Report done), the items
 * reported done they may verify (Accept / Reopen: never their own nor their branch's), their
 * checklists still to send in an open round; for the committee, each open round's progress,
 * the overdue items per branch, worst first, and the open item overdue longest (Reassign).
 * Null when there is nothing to show.
 */
import {
  type InspectionsHomeViewer,
  inspectionsHomeRows,
} from "../../db/repositories/inspections.ts";
import type { RoundKind } from "../../domain/inspection-round.ts";
import { closure, isOverdueOn, type RectificationState } from "../../domain/rectification.ts";
import type { HomeItem, InspectionsHomeView } from "../../ports/inspections.ts";
import { rectificationView } from "./views.ts";

type Rows = Awaited<ReturnType<typeof inspectionsHomeRows>>;
type ItemRow = Rows["owned"][number];

const homeItem = (r: ItemRow, today: string): HomeItem => ({
  ...rectificationView(r),
  overdue: isOverdueOn({ state: r.state as RectificationState, dueOn: r.dueOn }, today),
});

const SHOWN = 3;

export async function loadInspectionsHome(
  db: Parameters<typeof inspectionsHomeRows>[0],
  viewer: InspectionsHomeViewer,
  today: string,
): Promise<InspectionsHomeView | null> {
  const rows = await inspectionsHomeRows(db, viewer, today);
  const open = rows.owned.filter((r) => r.state === "OPEN");
  const committee = viewer.committee
    ? {
        rounds: rows.rounds.map((round) => {
          const items = round.assignments.flatMap((a) =>
            a.rectifications.map((r) => ({ ...r, state: r.state as RectificationState })),
          );
          const c = closure(items, today);
          return {
            kind: round.kind as RoundKind,
            period: round.period,
            closesOn: round.closesOn,
            submitted: round.assignments.filter((a) => a.state === "SUBMITTED").length,
            assigned: round.assignments.length,
            items: c.total,
            closed: c.closed,
            overdue: c.overdue,
          };
        }),
        overdueTotal: rows.overdueTotal,
        overdueByBranch: rows.overdueByBranch,
        // Only for someone who may reassign it (an admin outside the committee may not).
        overdueItem:
          viewer.committeeMember && rows.overdueItem ? homeItem(rows.overdueItem, today) : null,
      }
    : null;
  const view: InspectionsHomeView = {
    assignments: rows.assignments.slice(0, SHOWN).map((a) => ({
      assignmentId: a.id,
      kind: a.round.kind as RoundKind,
      period: a.round.period,
      closesOn: a.round.closesOn,
      branch: a.branch.name,
    })),
    pendingAssignments: rows.assignments.length,
    owned: open.map((r) => homeItem(r, today)),
    waiting: rows.owned.length - open.length,
    toVerify: rows.toVerify.map((r) => homeItem(r, today)),
    toVerifyCount: rows.toVerifyCount,
    committee,
  };
  const empty =
    view.assignments.length === 0 &&
    view.owned.length === 0 &&
    view.waiting === 0 &&
    view.toVerifyCount === 0 &&
    (!committee || (committee.rounds.length === 0 && committee.overdueTotal === 0));
  return empty ? null : view;
}
