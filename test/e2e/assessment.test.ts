/**
 * The annual assessment end to end on each store (issue 22), over a simulated year with every
 * computed source: twelve months of lists (late and returned ones, one missing), lectures (one
 * session not held), an annual plan (one item late, one overdue), service reports and practical
 * projects, an inspection round with its rectifications (one on time, one late, one open) and
 * branch study; the draft through `pbb jobs run assessment-draft`, manual scores, the
 * effectiveness import (`pbb assessment import`, a bad file refused whole), a contested point
 * corrected, the year finalized and frozen against a later change to the lists, the plan and a
 * rectification, and `pbb report assessment` read back with every source's evidence rows.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import type { Database } from "../../src/db/client.ts";
import { scoreCard } from "../../src/domain/assessment.ts";
import { translator } from "../../src/i18n/index.ts";
import {
  addRemark,
  answerRemark,
  finalizeYear,
  scoreManual,
} from "../../src/services/assessment/actions.ts";
import { loadYearView } from "../../src/services/assessment/cards.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import { assessmentPresenter } from "../../src/slack/views/assessment/present.ts";
import {
  FINDINGS,
  inspectionTotal,
  monthPlan,
  PLAN_ITEMS,
  setupAssessmentOrg,
} from "../helpers/assessment-year.ts";
import { createTestDatabase, STORES } from "../helpers/database.ts";

const KEYS = ["resettlement", "services", "rights", "office"];

describe.each(STORES)("the annual assessment on %s", (store) => {
  let db: Database;
  let dir: string;
  let clock = new Date("2026-12-20T02:00:00Z");
  const deps = () => ({ db, now: () => clock });
  const out: string[] = [];
  const err: string[] = [];
  const pbb = (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const ctx: CommandContext = {
      db,
      io,
      cwd: dir,
      resolver: offlineResolver,
      insideBot: false,
      now: () => clock,
      client: null,
    };
    return runProgram(argv, io, async () => ({ ctx, release: async () => {} }));
  };

  beforeAll(async () => {
    db = await createTestDatabase(store);
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-assessment-"));
    await setupAssessmentOrg(db);
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("drafts, scores, imports, corrects a contest, finalizes, freezes and exports the year", async () => {
    // The draft, as the scheduler would on December 20 at 09:00 (Asia/Shanghai).
    expect(await pbb("jobs", "run", "assessment-draft", "--at", "2026-12-20T10:00")).toBe(0);
    const drafted = (await loadYearView(db, 2026))!;
    expect(drafted.cards.map((c) => c.branchKey).sort()).toEqual([...KEYS].sort());
    // The list indicators, against the seed's plan (branch b, month m).
    for (const [b, key] of KEYS.entries()) {
      const months = Array.from({ length: 12 }, (_, i) => monthPlan(b, i + 1));
      const sent = months.filter((m) => !m.missing);
      const card = drafted.cards.find((c) => c.branchKey === key)!;
      const ind = (k: string) => card.indicators.find((i) => i.key === k)!;
      expect(ind("lists-on-time")).toMatchObject({
        achieved: sent.filter((m) => !m.late).length,
        expected: 12,
      });
      expect(ind("lists-approved-first-time")).toMatchObject({
        achieved: sent.filter((m) => !m.returned).length,
        expected: sent.length,
      });
      expect(ind("list-items-done")).toMatchObject({
        achieved: sent.reduce((n, m) => n + m.done, 0),
        expected: sent.length * 3,
      });
      // Every point that cost something shows the record behind it.
      const late = ind("lists-on-time").evidence.filter((e) => !e.ok);
      expect(late.length).toBe(12 - (ind("lists-on-time").achieved ?? 0));
      for (const e of late) expect(e.key).toMatch(/listLate|listMissing/);
    }
    const rightsMissing = drafted.cards
      .find((c) => c.branchKey === "rights")!
      .indicators.find((i) => i.key === "lists-on-time")!
      .evidence.find((e) => e.key === "assessment.evidence.listMissing");
    expect(rightsMissing?.params).toEqual({ period: "2026-07" });

    // The other sources, the same for every branch but its inspection score: the plan's items
    // due by December 20 (two on time, one 3 working days late, one overdue; the fourth
    // quarter's not due yet), one of two projects done, the inspection's score, one of three
    // rectifications closed by its due date.
    for (const [b, key] of KEYS.entries()) {
      const card = drafted.cards.find((c) => c.branchKey === key)!;
      const ind = (k: string) => card.indicators.find((i) => i.key === k)!;
      expect(ind("plan-items-on-time")).toMatchObject({ achieved: 2, expected: 4, points: 5 });
      expect(ind("practical-projects")).toMatchObject({ achieved: 1, expected: 2, points: 2.5 });
      expect(ind("inspection-scores")).toMatchObject({
        achieved: inspectionTotal(b),
        expected: 100,
        points: inspectionTotal(b) / 20,
      });
      expect(ind("rectifications-on-time")).toMatchObject({
        achieved: 1,
        expected: 3,
        points: 1.67,
      });
    }
    // Resettlement's card by hand: U0SEC1 (the secretary, who speaks in months 1, 5 and 9),
    // U0A and U0B.
    const resettlementDraft = drafted.cards.find((c) => c.branchKey === "resettlement")!;
    const points = Object.fromEntries(
      resettlementDraft.indicators.map((i) => [i.key, [i.achieved, i.expected, i.points]]),
    );
    expect(points).toEqual({
      "lists-on-time": [10, 12, 8.33], // May and October late
      "lists-approved-first-time": [9, 12, 7.5], // April, August, December returned
      "list-items-done": [31, 36, 8.61],
      "plan-items-on-time": [2, 4, 5],
      "lecture-turns-taken": [1, 3, 1.67], // U0A and U0B have not spoken
      "lecture-sessions-held": [3, 3, 5],
      "study-attendance": [2, 3, 3.33], // U0A made up, U0B absent
      "service-reports": [6, 12, 2.5], // U0SEC1 every quarter, U0A and U0B the second
      "practical-projects": [1, 2, 2.5],
      "inspection-scores": [90, 100, 4.5],
      "rectifications-on-time": [1, 3, 1.67],
      "review-meeting": [undefined, undefined, 0],
    });
    expect(resettlementDraft.card.partyBuilding).toBe(50.61);
    const evidenceOf = (k: string) =>
      resettlementDraft.indicators
        .find((i) => i.key === k)!
        .evidence.map((e) => [e.when, e.key, e.params, e.ok]);
    expect(evidenceOf("plan-items-on-time")).toEqual([
      [
        "2026-03",
        "annualPlans.assessment.done",
        { title: PLAN_ITEMS[0].title, date: "2026-03-20" },
        true,
      ],
      [
        "2026-05",
        "annualPlans.assessment.late",
        { title: "Theme party day", date: "2026-06-03", days: 3 },
        false,
      ],
      [
        "2026-09",
        "annualPlans.assessment.done",
        { title: PLAN_ITEMS[2].title, date: "2026-09-25" },
        true,
      ],
      ["2026-10", "annualPlans.assessment.open", { title: "Party history visit", date: "" }, false],
    ]);
    // The second finding, due Monday August 31, verified Thursday September 10: 8 working days.
    expect(evidenceOf("rectifications-on-time")).toEqual([
      [
        "2026-07-31",
        "inspections.assessment.itemOnTime",
        { problem: FINDINGS[0].problem, due: "2026-07-31", closed: "2026-07-20" },
        true,
      ],
      [
        "2026-08-31",
        "inspections.assessment.itemLate",
        { problem: FINDINGS[1].problem, due: "2026-08-31", closed: "2026-09-10", days: 8 },
        false,
      ],
      [
        "2026-10-30",
        "inspections.assessment.itemOpen",
        { problem: FINDINGS[2].problem, due: "2026-10-30" },
        false,
      ],
    ]);
    expect(evidenceOf("service-reports").filter((e) => !e[3])).toEqual(
      ["2026-Q1", "2026-Q3", "2026-Q4"].flatMap((quarter) =>
        ["U0A", "U0B"].map((who) => [
          quarter,
          "serviceList.assessment.noReport",
          { who, quarter },
          false,
        ]),
      ),
    );
    expect(evidenceOf("practical-projects").map((e) => [e[0], e[1], e[3]])).toEqual([
      ["2026-10-15", "serviceList.assessment.projectDone", true],
      ["2026-12", "serviceList.assessment.projectOpen", false],
    ]);
    expect(evidenceOf("study-attendance")).toEqual([
      [
        "2026-11-10",
        "study.assessment.evidence",
        { topic: "Branch work regulations", done: 2, expected: 3 },
        false,
      ],
    ]);

    // Manual scores: the chair scores each branch; the deputy may not score the office
    // (their own branch).
    const pbWithout = new Map(drafted.cards.map((c) => [c.branchKey, c.card.partyBuilding]));
    // resettlement: party building 75.5 (fair), effectiveness 100: total 90.2 would be
    // excellent, capped at good by the rule of the seed.
    const review = new Map([
      ["resettlement", Math.round((75.5 - pbWithout.get("resettlement")!) * 100) / 100],
      ["services", 24],
      ["rights", 12],
      ["office", 22],
    ]);
    expect(review.get("resettlement")).toBe(24.89);
    expect(
      await scoreManual(deps(), {
        year: 2026,
        branchKey: "office",
        indicator: "review-meeting",
        score: 22,
        by: "U0DEPUTY",
      }),
    ).toEqual({ ok: false, error: "own-branch" });
    for (const [branchKey, score] of review) {
      expect(
        await scoreManual(deps(), {
          year: 2026,
          branchKey,
          indicator: "review-meeting",
          score,
          by: "U0CHAIR",
        }),
      ).toEqual({ ok: true });
    }

    // The import: a file naming an unknown branch is refused whole, every bad line listed.
    await writeFile(
      path.join(dir, "bad.csv"),
      "branch,score\nservices,88\nnowhere,70\nrights,-3\n",
    );
    expect(await pbb("assessment", "import", "bad.csv", "--year", "2026")).toBe(1);
    expect(err).toEqual([
      'bad.csv:3: branch: unknown branch key "nowhere"',
      'bad.csv:4: score: expected a score from 0 to 100 (2 decimals at most), got "-3"',
      "bad.csv: not imported; nothing was changed",
    ]);
    expect(await db.prisma.assessmentCard.count({ where: { effectiveness: { not: null } } })).toBe(
      0,
    );
    await writeFile(
      path.join(dir, "scores.csv"),
      "branch,score\nresettlement,100\nservices,96\nrights,70\noffice,85.5\n",
    );
    expect(await pbb("assessment", "import", "scores.csv", "--year", "2026")).toBe(0);
    expect(out).toEqual(["scores.csv: imported the effectiveness scores of 4 branch(es) for 2026"]);

    // A contested point: services contests its first-time approvals; the chair corrects one.
    const services = (await loadYearView(db, 2026))!.cards.find((c) => c.branchKey === "services")!;
    const firstTime = services.indicators.find((i) => i.key === "lists-approved-first-time")!;
    const contest = await addRemark(deps(), {
      year: 2026,
      branchKey: "services",
      indicator: "lists-approved-first-time",
      kind: "contest",
      text: "March was returned for a typo the committee fixed itself",
      by: "U0SEC2",
      timezone: "Asia/Shanghai",
    });
    expect(contest.ok).toBe(true);
    expect(
      await answerRemark(deps(), {
        remarkId: (contest as { id: number }).id,
        by: "U0CHAIR",
        answer: "Accepted: March counts as approved first time",
        corrected: (firstTime.achieved ?? 0) + 1,
      }),
    ).toEqual({ ok: true });

    // Finalized by the chair, then a later change to the records does not move the cards.
    clock = new Date("2026-12-30T02:00:00Z");
    const before = (await loadYearView(db, 2026))!;
    expect(
      await finalizeYear(deps(), {
        year: 2026,
        by: "U0CHAIR",
        presenter: assessmentPresenter(translator("zh-CN"), "Asia/Shanghai"),
        committeeChannel: "C0COMMITTEE",
      }),
    ).toEqual({ ok: true, cards: 4 });
    await db.prisma.assessmentScore.updateMany({ data: { score: 0 } });
    await db.prisma.assessmentRemark.updateMany({ data: { corrected: 0 } });
    await db.prisma.taskItem.updateMany({ data: { status: "OPEN" } });
    await db.prisma.annualPlanItem.updateMany({
      where: { title: "Party history visit" },
      data: { status: "DONE", doneAt: new Date("2026-10-20T02:00:00Z") },
    });
    await db.prisma.rectification.updateMany({
      where: { state: "OPEN" },
      data: { state: "VERIFIED", verifiedAt: clock, verifiedOn: "2026-10-01" },
    });
    expect(await pbb("jobs", "run", "assessment-draft", "--at", "2026-12-31T10:00")).toBe(0);
    const after = (await loadYearView(db, 2026))!;
    expect(after.state).toBe("final");
    expect(after.cards.map((c) => [c.branchKey, c.card])).toEqual(
      before.cards.map((c) => [c.branchKey, c.card]),
    );
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "assessment.finalize" } });
    expect(audit).toMatchObject({ actor: "U0CHAIR", at: clock });

    // The grades and the rules of the seed, as the cards say.
    const byKey = new Map(after.cards.map((c) => [c.branchKey, c]));
    // By hand: services' first-time approvals 10 of 12 after the correction; total =
    // party building × 0.4 + effectiveness × 0.6, each share rounded to cents.
    expect(
      after.cards.map((c) => [
        c.rank,
        c.branchKey,
        c.card.partyBuilding,
        c.card.partyBuildingGrade,
        c.card.total,
        c.card.grade,
        c.card.rule,
      ]),
    ).toEqual([
      [1, "resettlement", 75.5, "fair", 90.2, "good", "capped-by-party-building"],
      [2, "services", 73.59, "fair", 87.04, "good", "threshold"], // 29.44 + 57.6
      [3, "office", 73.74, "fair", 80.8, "good", "threshold"], // 29.5 + 51.3
      [4, "rights", 62.45, "fair", 66.98, "fair", "threshold"], // 24.98 + 42
    ]);
    const resettlement = byKey.get("resettlement")!.card;
    expect(resettlement).toMatchObject({
      partyBuilding: 75.5,
      partyBuildingGrade: "fair",
      effectiveness: 100,
      partyBuildingShare: 30.2,
      effectivenessShare: 60,
      total: 90.2,
      grade: "good",
      rule: "capped-by-party-building",
      advancedCandidate: false,
    });
    for (const c of after.cards) {
      // Each card's points add up, and its total is the domain's for its inputs.
      const sum = c.indicators.reduce((n, i) => n + Math.round(i.points * 100), 0) / 100;
      expect(c.card.partyBuilding).toBe(sum);
      expect(c.card.total).toBe(
        scoreCard(
          after.rules,
          c.indicators.map((i) =>
            i.kind === "manual"
              ? { key: i.key, weight: i.weight, kind: "manual", score: i.points }
              : {
                  key: i.key,
                  weight: i.weight,
                  kind: "computed",
                  achieved: i.achieved ?? 0,
                  expected: i.expected ?? 0,
                },
          ),
          c.card.effectiveness,
        ).total,
      );
      if (c.card.grade === "excellent")
        expect(["excellent", "good"]).toContain(c.card.partyBuildingGrade);
    }
    const correctedInd = byKey
      .get("services")!
      .indicators.find((i) => i.key === "lists-approved-first-time")!;
    expect(correctedInd).toMatchObject({
      achieved: (firstTime.achieved ?? 0) + 1,
      correction: "Accepted: March counts as approved first time",
    });

    // The report, read back: totals and grades in rank order, every branch's evidence rows.
    expect(
      await pbb("report", "assessment", "--year", "2026", "--format", "xlsx", "--out", "a.xlsx"),
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "a.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "总分",
      ...after.cards.map((c) => c.branchKey),
      "图表",
    ]);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    const totals = values("总分");
    expect(totals[2]).toEqual([
      "名次",
      "支部",
      "标识",
      "计算月份",
      "党建得分",
      "党建等次",
      "业务得分",
      "总分",
      "等次",
      "评定依据",
      "先进集体候选",
    ]);
    expect(totals.slice(3).map((r) => [r[0], r[2], r[4], r[6], r[7], r[8]])).toEqual(
      after.cards.map((c) => [
        c.rank,
        c.branchKey,
        c.card.partyBuilding,
        c.card.effectiveness,
        c.card.total,
        translator("zh-CN")(`assessment.grade.${c.card.grade ?? "none"}` as never),
      ]),
    );
    expect(totals.find((r) => r[2] === "resettlement")?.[9]).toContain("党建考核未达良好");
    const rights = values("rights");
    expect(rights.map((r) => r[6])).toContain("2026-07：未报送");
    const resettlementSheet = values("resettlement");
    const lateRow = resettlementSheet.find((r) => /逾期\d+个工作日报送/.test(String(r[6])));
    expect(lateRow?.[7]).toBe("否");
    expect(String(lateRow?.[8])).toMatch(/^https:\/\/slack\.com\/archives\/C0COMMITTEE\/p\d+$/);
    // Every source's indicator row (label, weight, points, achieved, expected) and evidence
    // rows (when, what, counted), frozen as drafted.
    const indicatorRow = (label: string) =>
      resettlementSheet.find((r) => r[0] === label)?.slice(0, 5);
    expect(indicatorRow("年度计划事项按时完成")).toEqual(["年度计划事项按时完成", 10, 5, 2, 4]);
    expect(indicatorRow("整改按期销号")).toEqual(["整改按期销号", 5, 1.67, 1, 3]);
    expect(indicatorRow("检查得分")).toEqual(["检查得分", 5, 4.5, 90, 100]);
    expect(indicatorRow("实事项目确认完成")).toEqual(["实事项目确认完成", 5, 2.5, 1, 2]);
    expect(indicatorRow("党员每季度报告服务")).toEqual(["党员每季度报告服务", 5, 2.5, 6, 12]);
    expect(indicatorRow("支部学习出勤或补学")).toEqual(["支部学习出勤或补学", 5, 3.33, 2, 3]);
    const evidence = resettlementSheet.filter((r) => r[0] === "").map((r) => r.slice(5, 8));
    for (const row of [
      ["2026-05", "Theme party day：逾期3个工作日完成（2026-06-03）", "否"],
      ["2026-10", "Party history visit：未完成", "否"],
      ["2026-03", "Theory study：按时完成（2026-03-20）", "是"],
      [
        "2026-07-31",
        "整改事项“Minutes missing signatures”：2026-07-20按期销号（期限2026-07-31）",
        "是",
      ],
      [
        "2026-08-31",
        "整改事项“Dues ledger not updated”：逾期8个工作日销号（2026-09-10，期限2026-08-31）",
        "否",
      ],
      ["2026-10-30", "整改事项“Theme day records incomplete”：未销号（期限2026-10-30）", "否"],
      ["2026-06", "支部互查：90/100", "否"],
      [
        "2026-10-15",
        "实事项目“resettlement: community garden”已由@U0CHAIR确认完成（受益120人）",
        "是",
      ],
      ["2026-12", "实事项目“resettlement: elder care visits”尚未确认完成", "否"],
      // A cell starting with @ is quoted against formula injection.
      ["2026-Q3", "'@U0A 2026-Q3未报告服务", "否"],
      ["2026-11-10", "支部学习“Branch work regulations”：3人中2人出勤或补学", "否"],
    ]) {
      expect(evidence).toContainEqual(row);
    }
    expect(
      evidence
        .filter(
          (r) => String(r[1]).startsWith("'@U0SEC1 2026-") && String(r[1]).includes("Pine Yard"),
        )
        .map((r) => r[0]),
    ).toEqual(["2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10"]);
    expect(values("services").map((r) => r[6])).toContain(
      "已更正：Accepted: March counts as approved first time",
    );
    expect(book.getWorksheet("图表")!.getImages()).toHaveLength(1);
  });
});
