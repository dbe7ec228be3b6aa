import { describe, expect, it } from "vitest";
import {
  type BranchRow,
  computeReport,
  type ItemRow,
  type ListRow,
  type ReportInput,
  type RevisionRow,
  type TurnRow,
} from "../../src/domain/report.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";

const q4 = parseReportPeriod("quarter", "2026-Q4")!;
const deadline = (month: string) => new Date(`${month}-05T10:00:00Z`);
const deadlines = new Map(q4.months.map((m) => [m, deadline(m)]));

const branches: BranchRow[] = [
  { id: 1, key: "resettlement", name: "移交安置处党支部", active: true, people: ["U0SEC1", "U0A"] },
  { id: 2, key: "services", name: "服务保障处党支部", active: true, people: ["U0SEC2"] },
  { id: 3, key: "old", name: "Closed branch", active: false, people: ["U0OLD"] },
  { id: 4, key: "gone", name: "Gone branch", active: false, people: [] },
];

const list = (
  id: number,
  branchId: number,
  period: string,
  over: Partial<ListRow> = {},
): ListRow => ({
  id,
  branchId,
  period,
  dueAt: deadline(period),
  firstSubmittedAt: null,
  approvedRevision: null,
  ...over,
});

const lists: ListRow[] = [
  // October: on time, approved at the first revision.
  list(10, 1, "2026-10", {
    firstSubmittedAt: new Date("2026-10-03T02:00:00Z"),
    approvedRevision: 1,
  }),
  // November: one minute late, returned twice, approved at revision 3, then amended (4, in force).
  list(11, 1, "2026-11", {
    firstSubmittedAt: new Date("2026-11-05T10:01:00Z"),
    approvedRevision: 4,
  }),
  // December: submitted on time, waiting for a decision.
  list(12, 1, "2026-12", { firstSubmittedAt: new Date("2026-12-02T01:00:00Z") }),
  // An inactive branch's October list keeps it in the report.
  list(30, 3, "2026-10", {
    firstSubmittedAt: new Date("2026-10-04T00:00:00Z"),
    approvedRevision: 1,
  }),
  // Another quarter's list does not count.
  list(99, 2, "2026-09", {
    firstSubmittedAt: new Date("2026-09-01T00:00:00Z"),
    approvedRevision: 1,
  }),
];

const revisions: RevisionRow[] = [
  { listId: 10, number: 1, isAmendment: false, decision: "APPROVED" },
  { listId: 11, number: 1, isAmendment: false, decision: "RETURNED" },
  { listId: 11, number: 2, isAmendment: false, decision: "RETURNED" },
  { listId: 11, number: 3, isAmendment: false, decision: "APPROVED" },
  { listId: 11, number: 4, isAmendment: true, decision: "APPROVED" },
  { listId: 12, number: 1, isAmendment: false, decision: null },
  { listId: 30, number: 1, isAmendment: false, decision: "APPROVED" },
  { listId: 99, number: 1, isAmendment: false, decision: "APPROVED" },
];

const items = (listId: number, revision: number, done: number, open: number): ItemRow[] => [
  ...Array.from({ length: done }, () => ({ listId, revision, done: true })),
  ...Array.from({ length: open }, () => ({ listId, revision, done: false })),
];

const allItems: ItemRow[] = [
  ...items(10, 1, 2, 1),
  ...items(11, 3, 0, 5), // superseded by the amendment: not counted
  ...items(11, 4, 3, 1),
  ...items(12, 1, 0, 4), // not approved: not counted
  ...items(30, 1, 1, 1),
  ...items(99, 1, 9, 0),
];

const turn = (userId: string, date: string, over: Partial<TurnRow> = {}): TurnRow => ({
  userId,
  date,
  sessionStatus: "HELD",
  state: "CONFIRMED",
  ...over,
});

const turns: TurnRow[] = [
  turn("U0SEC1", "2026-10-14"),
  turn("U0A", "2026-11-11", { state: "ASSIGNED" }),
  turn("U0A", "2026-11-18", { state: "SWAPPED_OUT" }),
  turn("U0SEC2", "2026-11-18"),
  turn("U0SEC2", "2026-12-23", { sessionStatus: "NOT_HELD" }),
  turn("U0SEC2", "2026-12-30", { sessionStatus: "SCHEDULED" }),
  turn("U0SEC2", "2026-09-30"),
  turn("U0CHAIR", "2026-12-02"), // a committee member on no branch: the total only
];

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  period: q4,
  asOf: new Date("2027-01-01T01:00:00Z"),
  deadlines,
  branches,
  lists,
  revisions,
  items: allItems,
  turns,
  ...over,
});

describe("computeReport", () => {
  const report = computeReport(input());
  const byKey = (key: string) => report.branches.find((b) => b.key === key)!;

  it("lists active branches and inactive ones with a list in the period, in order", () => {
    expect(report.branches.map((b) => b.key)).toEqual(["resettlement", "services", "old"]);
    expect(byKey("old")).toMatchObject({
      active: false,
      listsExpected: 1,
      missing: 0,
      approved: 1,
    });
  });

  it("counts a first submission at or before the deadline as on time, a minute later as late", () => {
    const r = byKey("resettlement");
    expect(r).toMatchObject({ listsExpected: 3, submitted: 3, onTime: 2, late: 1, missing: 0 });
    expect(r.onTimeRate).toBeCloseTo(2 / 3);
  });

  it("counts revisions before the first approval, amendments aside", () => {
    expect(byKey("resettlement")).toMatchObject({
      approved: 2,
      firstPass: 1,
      revisionsBeforeApproval: 2,
    });
  });

  it("counts the items of the approved revision in force only", () => {
    const r = byKey("resettlement");
    expect(r).toMatchObject({ itemsPlanned: 7, itemsDone: 5 });
    expect(r.completionRate).toBeCloseTo(5 / 7);
  });

  it("counts lecture turns kept by the branch's people in sessions held in the period", () => {
    expect(byKey("resettlement").lectureTurns).toBe(2);
    expect(byKey("services").lectureTurns).toBe(1);
    expect(report.totals.lectureTurns).toBe(4);
  });

  it("when a branch submitted nothing, then every due month is missing and its rates are 0 and none", () => {
    expect(byKey("services")).toMatchObject({
      listsExpected: 3,
      submitted: 0,
      onTime: 0,
      missing: 3,
      approved: 0,
      itemsPlanned: 0,
      onTimeRate: 0,
      completionRate: null,
    });
  });

  it("sums the committee's totals over the branches", () => {
    expect(report.totals).toMatchObject({
      listsExpected: 7,
      submitted: 4,
      onTime: 3,
      late: 1,
      missing: 3,
      approved: 3,
      firstPass: 2,
      revisionsBeforeApproval: 2,
      itemsPlanned: 9,
      itemsDone: 6,
    });
    expect(report.totals.onTimeRate).toBeCloseTo(3 / 7);
    expect(report.totals.completionRate).toBeCloseTo(6 / 9);
  });

  it("when a month's deadline has not passed, then it is not due unless its list was submitted", () => {
    const early = computeReport(input({ asOf: new Date("2026-12-03T00:00:00Z") }));
    const r = early.branches.find((b) => b.key === "resettlement")!;
    const s = early.branches.find((b) => b.key === "services")!;
    expect(r.listsExpected).toBe(3); // December already submitted
    expect(s).toMatchObject({ listsExpected: 2, missing: 2 });
  });

  it("when there are no branches, then the totals are zero and the rates none", () => {
    const empty = computeReport(input({ branches: [], lists: [], turns: [] }));
    expect(empty.branches).toEqual([]);
    expect(empty.totals).toMatchObject({
      listsExpected: 0,
      onTimeRate: null,
      completionRate: null,
    });
  });
});
