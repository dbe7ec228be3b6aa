/**
 * `plans`: the ledger of every plan item of every branch, read back from the CSV (csv-parse) and
 * the workbook (exceljs): states, items, targets, responsible persons, where each stands, its
 * history, its linked monthly items, a deactivated branch's plans, the chart by quarter and
 * typed text kept from reading as a formula.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { loadOrgRecord } from "../../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../../src/domain/report-period.ts";
import { translator } from "../../../src/i18n/index.ts";
import type { PlanDeps } from "../../../src/ports/annual-plans.ts";
import { decidePlan } from "../../../src/services/annual-plans/decide.ts";
import { ensureAnnualPlanRequests } from "../../../src/services/annual-plans/reminder.ts";
import { plansReport } from "../../../src/services/annual-plans/report.ts";
import { submitPlan } from "../../../src/services/annual-plans/submit.ts";
import { parseReportArgs } from "../../../src/services/reports/command-args.ts";
import { annualPlanPresenter } from "../../../src/slack/views/annual-plans/present.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const file = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0], members: [U0M1] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

const JAN = new Date("2027-01-06T01:00:00Z");
const AS_OF = new Date("2027-05-10T02:00:00Z"); // May: Q1 ended, Q2 running

const item = (title: string, target: { month: number } | { quarter: number }, owner?: string) => ({
  title,
  target,
  ownerUserId: owner ?? null,
  expectedResult: `${title}: result`,
});

async function seed(db: Database) {
  await db.prisma.person.update({ where: { slackUserId: "U0M1" }, data: { name: "Li Ming" } });
  const deps: PlanDeps = { db, now: () => JAN, presenters: { annualPlans: annualPlanPresenter } };
  await ensureAnnualPlanRequests({ db, at: JAN, source: "t", presenters: deps.presenters }, 2027);
  const planOf = (branch: string, k: "THEORY" | "CONDUCT") =>
    db?.prisma.annualPlan.findFirstOrThrow({ where: { branch: { key: branch }, kind: k } });
  const theory = await planOf("b0", "THEORY");
  const conduct = await planOf("b1", "CONDUCT");
  if (!theory || !conduct) throw new Error("no plans");
  const submit = async (planId: number, userId: string, items: ReturnType<typeof item>[]) =>
    expect(await submitPlan(deps, { planId, userId, items, source: "t" })).toMatchObject({
      ok: true,
    });
  await submit(theory.id, "U0SEC0", [
    item("=HYPERLINK(1) study", { month: 2 }, "U0M1"),
    item("Spring reading", { month: 3 }),
    item("Summer lecture", { quarter: 2 }, "U0SEC0"),
  ]);
  expect(
    await decidePlan(deps, {
      planId: theory.id,
      revision: 1,
      userId: "U0CHAIR",
      decision: "approve",
      source: "t",
    }),
  ).toMatchObject({ ok: true });
  await submit(conduct.id, "U0SEC1", [item("Clean government talk", { month: 4 })]);
  const p = db.prisma;
  const items = await p.annualPlanItem.findMany({
    where: { revision: { planId: theory.id } },
    orderBy: { position: "asc" },
  });
  const [first, second] = items;
  if (!first || !second) throw new Error("no items");
  // The first item was done in February (its event), the second moved once and left open.
  await p.annualPlanItem.update({
    where: { id: first.id },
    data: { status: "DONE", doneAt: new Date("2027-02-20T02:00:00Z"), doneBy: "U0M1" },
  });
  await p.annualPlanItemEvent.create({
    data: { itemId: first.id, kind: "done", by: "U0M1", at: new Date("2027-02-20T02:00:00Z") },
  });
  await p.annualPlanItemEvent.create({
    data: {
      itemId: second.id,
      kind: "rescheduled",
      detail: { from: "m2", to: "m3", reason: "speaker ill" },
      by: "U0SEC0",
      at: new Date("2027-02-01T02:00:00Z"),
    },
  });
  // February's monthly list carries the first item out (its revision in force links it).
  const b0 = await p.branch.findUniqueOrThrow({ where: { key: "b0" } });
  const list = await p.taskList.create({
    data: {
      branchId: b0.id,
      period: "2027-02",
      state: "APPROVED",
      currentRevision: 1,
      approvedRevision: 1,
    },
  });
  const rev = await p.taskListRevision.create({
    data: { listId: list.id, number: 1, status: "APPROVED", submittedBy: "U0SEC0" },
  });
  await p.taskItem.create({
    data: {
      revisionId: rev.id,
      position: 0,
      title: "Study session on the theory",
      category: "THEORY_STUDY",
      status: "DONE",
      planItemId: first.id,
    },
  });
  // b1 is deactivated (the org file dropped it): its plans stay in the ledger.
  await p.branch.update({ where: { key: "b1" }, data: { active: false } });
  const org = await loadOrgRecord(db);
  if (!org) throw new Error("no org");
  return { db, org };
}

describe.each(STORES)("the plans ledger report (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: file });
  it("reads back from the CSV and the workbook with every item, its history and its monthly items", async () => {
    const { db, org } = await seed(testDb());
    const t = translator("en");
    const period = parseReportPeriod("year", "2027");
    if (!period) throw new Error("no period");
    const built = await plansReport.build(db, org, period, AS_OF, t);
    expect(built.empty).toBe(false);
    expect(built.comment).toBe(
      "The four plans of 2027 as of 2027-05-10 10:00: 2 branches, 8 plans (1 approved), 4 items.",
    );
    expect(built.files.csv.filename).toBe("pbb-plans-2027.csv");

    const rows: string[][] = parse(built.files.csv.bytes.toString("utf8"), { bom: true });
    expect(rows[0]).toEqual([
      "Branch key",
      "Branch",
      "Active",
      "Plan",
      "Plan state",
      "Revision",
      "Item",
      "Title",
      "Target",
      "Responsible person",
      "Measurable result expected",
      "Status",
      "Done at",
      "Status history",
      "Linked monthly items",
    ]);
    // Four plans of each branch: the items of b0's theory plan, one row for every other plan.
    expect(rows).toHaveLength(1 + 3 + 3 + 1 + 3);
    const theory = rows.filter((r) => r[0] === "b0" && r[3] === "Political theory study");
    expect(theory).toEqual([
      [
        "b0",
        "B0",
        "yes",
        "Political theory study",
        "approved",
        "1",
        "1",
        "'=HYPERLINK(1) study",
        "month 2",
        "Li Ming",
        "'=HYPERLINK(1) study: result",
        "done",
        "2027-02-20 10:00",
        "2027-02-20 10:00 marked done (Li Ming)",
        "2027-02 Study session on the theory (done)",
      ],
      [
        "b0",
        "B0",
        "yes",
        "Political theory study",
        "approved",
        "1",
        "2",
        "Spring reading",
        "month 3",
        "",
        "Spring reading: result",
        "overdue",
        "",
        "2027-02-01 10:00 moved from month 2 to month 3: speaker ill (U0SEC0)",
        "",
      ],
      [
        "b0",
        "B0",
        "yes",
        "Political theory study",
        "approved",
        "1",
        "3",
        "Summer lecture",
        "Q2",
        "U0SEC0",
        "Summer lecture: result",
        "in progress",
        "",
        "",
        "",
      ],
    ]);
    const b0Arrangement = rows.find(
      (r) => r[0] === "b0" && r[3] === "Party building work arrangement",
    );
    expect(b0Arrangement?.slice(0, 7)).toEqual([
      "b0",
      "B0",
      "yes",
      "Party building work arrangement",
      "not submitted",
      "",
      "",
    ]);
    // The deactivated branch: its submitted plan's item is there, not yet approved.
    const conduct = rows.find(
      (r) => r[0] === "b1" && r[3] === "Party conduct and clean government",
    );
    expect(conduct).toEqual([
      "b1",
      "B1",
      "no",
      "Party conduct and clean government",
      "waiting for the committee",
      "1",
      "1",
      "Clean government talk",
      "month 4",
      "",
      "Clean government talk: result",
      "not yet approved",
      "",
      "",
      "",
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(built.files.xlsx.bytes).buffer);
    const sheet = book.getWorksheet("Annual plans");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getCell("A1").value).toBe("T: the four plans of 2027, every item");
    expect(sheet.getRow(4).getCell(14).value).toBe("Status history");
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined ? "" : String(v)));
    const sheetRows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => values(i + 5));
    // The same rows as the CSV (numbers as numbers in the workbook).
    expect(sheetRows).toHaveLength(rows.length - 1);
    const firstItem = sheetRows.find((r) => r[7] === "'=HYPERLINK(1) study");
    expect(firstItem?.[13]).toBe("2027-02-20 10:00 marked done (Li Ming)");
    expect(firstItem?.[14]).toBe("2027-02 Study session on the theory (done)");
    const at = sheetRows.indexOf(firstItem ?? []);
    expect(sheet.getRow(at + 5).getCell(7).value).toBe(1);
    // The chart of completion by quarter, on a sheet of its own.
    const chart = book.getWorksheet("By quarter");
    expect(chart?.getImages()).toHaveLength(1);
    const image = book.getImage(Number(chart?.getImages()[0]?.imageId));
    expect(
      Buffer.from(image.buffer as unknown as Uint8Array)
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
  });

  it("in Chinese: the headers and states in zh-CN; /pbb report plans 2027 reads the year", async () => {
    const { db, org } = await seed(testDb());
    const t = translator("zh-CN");
    const period = parseReportPeriod("year", "2027");
    if (!period) throw new Error("no period");
    const built = await plansReport.build(db, org, period, AS_OF, t);
    const rows: string[][] = parse(built.files.csv.bytes.toString("utf8"), { bom: true });
    expect(rows[0]?.slice(0, 5)).toEqual(["支部标识", "支部", "在用", "计划", "计划状态"]);
    expect(rows.filter((r) => r[11] === "已逾期").map((r) => r[7])).toEqual(["Spring reading"]);
    expect(built.comment).toContain("2个支部，8个计划（已通过1个），共4项");
    const args = parseReportArgs(["plans", "2027"], AS_OF, "Asia/Shanghai", ["tasklists", "plans"]);
    expect(args).toMatchObject({ ok: true, report: "plans", period: { key: "2027" } });
    const none = await plansReport.build(
      db,
      org,
      parseReportPeriod("year", "2030") ?? period,
      AS_OF,
      t,
    );
    expect(none.empty).toBe(true);
  });
});
