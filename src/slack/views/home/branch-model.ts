/** The secretary's and the member's parts of the Home, from their branches' lists. */
import { isOnTime, listDeadline } from "../../../domain/month-schedule.ts";
import type { BranchListRow, BranchRef, BranchRevisionRow } from "../../../ports/home.ts";
import { branchState, type HomeInput } from "./input.ts";
import type {
  MemberModel,
  MemberPlanModel,
  PastMonthRow,
  PlanItemRow,
  SecretaryModel,
} from "./model.ts";

const revisionOf = (l: BranchListRow, n: number | null): BranchRevisionRow | undefined =>
  n === null ? undefined : l.revisions.find((r) => r.number === n);

function planItems(l: BranchListRow | undefined): PlanItemRow[] | null {
  const rev = l && revisionOf(l, l.approvedRevision);
  if (!l || !rev) return null;
  return rev.items.map((i) => ({
    listId: l.id,
    itemId: i.id,
    title: i.title,
    done: i.status === "DONE",
    ownerUserId: i.ownerUserId,
    dueDate: i.dueDate,
  }));
}

function actionOf(l: BranchListRow | undefined, pending: boolean): SecretaryModel["action"] {
  if (!l) return null;
  if (l.state === "DRAFT") return "submit";
  if (l.state === "RETURNED") return "revise";
  if (l.state === "APPROVED" && !pending) return "amend";
  return null;
}

function pastRow(l: BranchListRow, period: string, input: HomeInput): PastMonthRow {
  const items = planItems(l) ?? [];
  const deadline = listDeadline({ dueAt: l.dueAt, period }, input.deadlineOf);
  return {
    period,
    state: branchState(l, period, input),
    onTime: l.firstSubmittedAt ? isOnTime(l.firstSubmittedAt, deadline) : null,
    itemsDone: items.filter((i) => i.done).length,
    itemsPlanned: items.length,
  };
}

function secretaryModel(branch: BranchRef, input: HomeInput): SecretaryModel {
  const lists = input.own.filter((l) => l.branchId === branch.id);
  const current = lists.find((l) => l.period === input.period);
  const latest = current && revisionOf(current, current.currentRevision);
  const pending =
    current?.state === "APPROVED" &&
    latest?.status === "SUBMITTED" &&
    latest.number !== current.approvedRevision;
  return {
    branchKey: branch.key,
    branchName: branch.name,
    period: input.period,
    state: branchState(current, input.period, input),
    deadlineAt: listDeadline(
      { dueAt: current?.dueAt ?? null, period: input.period },
      input.deadlineOf,
    ),
    listId: current?.id ?? null,
    action: actionOf(current, pending),
    amendmentPending: pending,
    returnComment: latest?.status === "RETURNED" ? (latest.decision?.comment ?? null) : null,
    items: planItems(current) ?? [],
    // Months without a list row are months the bot did not run for this branch: not shown.
    past: input.pastMonths.flatMap((m) => {
      const list = lists.find((l) => l.period === m);
      return list ? [pastRow(list, m, input)] : [];
    }),
  };
}

export function secretaryModels(input: HomeInput): SecretaryModel[] {
  return input.viewer.secretaryOf.map((b) => secretaryModel(b, input));
}

/** Null for someone with neither a branch to belong to nor a turn to give. */
export function memberModel(input: HomeInput): MemberModel | null {
  const secretaryOf = new Set(input.viewer.secretaryOf.map((b) => b.id));
  const branches = input.viewer.memberOf.filter((b) => !secretaryOf.has(b.id));
  const turn = input.lecture?.rows.nextTurn ?? null;
  if (branches.length === 0 && !turn) return null;
  const plans = branches.map(
    (b): MemberPlanModel => ({
      branchName: b.name,
      period: input.period,
      items: planItems(input.own.find((l) => l.branchId === b.id && l.period === input.period)),
    }),
  );
  return {
    nextTurn: turn && {
      turnId: turn.turnId,
      date: turn.date,
      startsAt: turn.startsAt,
      confirmed: turn.state === "CONFIRMED",
      topic: turn.topic,
      swapPendingWith: turn.swapPendingWith,
    },
    lectureHall: input.lecture !== null,
    plans,
  };
}
