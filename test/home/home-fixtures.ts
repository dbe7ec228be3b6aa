/**
 * Synthetic inputs of the Home's pure builders: `n` branches in every state, a committee member
 * who is also the secretary of branch 1 and a member of branch 2, and a lecture turn.
 */
import type {
  BranchListRow,
  CommitteeRows,
  CurrentListRow,
} from "../../src/db/repositories/home.ts";
import type { HomeInput } from "../../src/slack/views/home/index.ts";

export const NOW = new Date("2026-12-10T02:00:00Z");
const deadlineOf = (p: string) => new Date(`${p}-07T10:00:00Z`);
const STATES: CurrentListRow["state"][] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"];

export const branchName = (i: number) => `Branch ${String(i).padStart(3, "0")}`;

function currentLists(n: number): CurrentListRow[] {
  // Branch i (1-based): i % 5 === 0 has no list (overdue); else state by i % 4.
  return Array.from({ length: n }, (_, k) => k + 1)
    .filter((i) => i % 5 !== 0)
    .map((i) => {
      const state = STATES[i % 4] ?? "DRAFT";
      return {
        id: 1000 + i,
        branchId: i,
        state,
        currentRevision: state === "DRAFT" ? 0 : 1,
        approvedRevision: state === "APPROVED" ? 1 : null,
        dueAt: null,
        firstSubmittedAt: state === "DRAFT" ? null : new Date("2026-12-03T02:00:00Z"),
        underReview:
          state === "SUBMITTED"
            ? {
                number: 1,
                isAmendment: false,
                submittedBy: `U0SEC${i}`,
                submittedAt: new Date(Date.UTC(2026, 11, 3, 0, i % 60)),
              }
            : null,
      };
    });
}

export function committeeRows(n: number): CommitteeRows {
  return {
    branches: Array.from({ length: n }, (_, k) => ({
      id: k + 1,
      key: `b${k + 1}`,
      name: branchName(k + 1),
    })),
    lists: currentLists(n),
    year: {
      lists: [
        {
          branchId: 1,
          period: "2026-11",
          dueAt: null,
          firstSubmittedAt: new Date("2026-11-02T00:00:00Z"),
          approvedRevision: 1,
        },
        {
          branchId: 2,
          period: "2026-11",
          dueAt: null,
          firstSubmittedAt: new Date("2026-11-09T00:00:00Z"),
          approvedRevision: 1,
        },
      ],
      itemsPlanned: 40,
      itemsDone: 30,
      sessionsHeld: 23,
    },
  };
}

function ownList(branchId: number, period: string, state: CurrentListRow["state"]): BranchListRow {
  const items = Array.from({ length: 12 }, (_, i) => ({
    id: branchId * 100 + i + 1,
    title: `Task ${i + 1}`,
    status: i < 3 ? ("DONE" as const) : ("OPEN" as const),
    ownerUserId: i === 0 ? "U0A" : null,
    dueDate: "2026-12-20",
  }));
  return {
    id: branchId * 10 + Number(period.slice(5)),
    branchId,
    period,
    state,
    currentRevision: 1,
    approvedRevision: state === "APPROVED" ? 1 : null,
    dueAt: null,
    firstSubmittedAt: new Date(`${period}-03T00:00:00Z`),
    revisions: [
      {
        number: 1,
        status: state === "APPROVED" ? "APPROVED" : state === "RETURNED" ? "RETURNED" : "SUBMITTED",
        isAmendment: false,
        decision:
          state === "RETURNED"
            ? { kind: "RETURNED", comment: "Add a study session", decidedBy: "U0CHAIR" }
            : null,
        items,
      },
    ],
  };
}

export type Role = "committee" | "secretary" | "member" | "all";

export function homeInput(n: number, role: Role, pages = { waiting: 0 }): HomeInput {
  const committee = role === "committee" || role === "all";
  const secretary = role === "secretary" || role === "all";
  const member = role === "member" || role === "all";
  return {
    userId: "U0ME",
    now: NOW,
    tz: "Asia/Shanghai",
    period: "2026-12",
    yearMonths: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    pastMonths: secretary ? ["2026-11", "2026-10"] : [],
    deadlineOf,
    viewer: {
      committeeMember: committee,
      committeeAdmin: false,
      secretaryOf: secretary ? [{ id: 1, key: "b1", name: branchName(1) }] : [],
      memberOf: member ? [{ id: 2, key: "b2", name: branchName(2) }] : [],
    },
    committee: committee ? committeeRows(n) : null,
    own: [
      ...(secretary ? [ownList(1, "2026-12", "APPROVED"), ownList(1, "2026-11", "APPROVED")] : []),
      ...(member ? [ownList(2, "2026-12", "APPROVED")] : []),
    ],
    lecture: {
      planned: [
        { date: "2026-12-16", startsAt: new Date("2026-12-16T08:00:00Z") },
        { date: "2026-12-23", startsAt: new Date("2026-12-23T08:00:00Z") },
      ],
      rows: {
        sessions: [
          {
            date: "2026-12-16",
            seq: 24,
            startsAt: new Date("2026-12-16T08:00:00Z"),
            speakers: ["U0ME"],
          },
        ],
        nextTurn: member
          ? {
              turnId: 77,
              state: "ASSIGNED",
              topic: null,
              date: "2026-12-16",
              startsAt: new Date("2026-12-16T08:00:00Z"),
              swapPendingWith: null,
            }
          : null,
      },
    },
    pages,
  };
}
