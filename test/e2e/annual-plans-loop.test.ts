/**
 * The year's plans as one loop, end to end (local Slack + the real bot, both stores): annual
 * reminder (once) → four plans submitted → one returned and revised → approved → February's
 * list built from the plan's items in the task-list modal → its rows marked done (the plan items
 * with them) → the quarter's tracking (once) splits each branch's items done / in progress /
 * overdue → the secretary gives reasons and new dates (inline errors first; a member refused)
 * → the committee's table follows → the follow-up reaches only the branch still missing reasons
 * → the `plans` ledger read back from the CSV and the workbook.
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import type { PlanTarget } from "../../src/domain/annual-plan.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import { decidePlan } from "../../src/services/annual-plans/decide.ts";
import { plansReport } from "../../src/services/annual-plans/report.ts";
import { submitPlan } from "../../src/services/annual-plans/submit.ts";
import { PLAN_ACTION, reasonBlock } from "../../src/slack/ids/annual-plans.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../src/slack/ids/tasklist.ts";
import { type TestBot, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { allText, runJob, settle, until, waitAny, waitCall } from "./round-trip-helpers.ts";

const ORG = `organization: { name: Test Committee, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY], admins: [U0CHAIR] }
branches:
  - { key: resettlement, name: Resettlement Branch, channel: C0RESETTLE, secretaries: [U0SEC1], members: [U0MEM1] }
  - { key: finance, name: Finance Branch, channel: C0FINANCE, secretaries: [U0SEC2], members: [U0MEM2] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
  quarterTracking: { time: "09:00" }
calendar: { useStatutoryHolidays: false }
`;

type Kind = "ARRANGEMENT" | "CONDUCT" | "THEORY" | "THEME_DAY";
const item = (title: string, target: PlanTarget) => ({
  title,
  target,
  ownerUserId: null,
  expectedResult: null,
});

const posts = (t: TestBot, channel: string) =>
  t.emulator.calls.of("chat.postMessage").filter((c) => c.args.channel === channel);

describe.each(STORES)("the year's plans as one loop (%s)", (store) => {
  const bot = useTestBot({ store, orgText: ORG, now: "2027-01-05T01:00:00Z" });

  it("goes from the annual reminder to the quarter's table and the ledger", async () => {
    const t = bot();
    // ---- the annual reminder, once
    expect((await runJob(t, "annual-plan-reminder", "2027-01-05T09:00")).status).toBe("ran");
    expect((await runJob(t, "annual-plan-reminder", "2027-01-05T11:00")).status).not.toBe("ran");
    await settle(t);
    expect(posts(t, "C0RESETTLE")).toHaveLength(1);

    // ---- four plans submitted, one returned and revised, all approved
    t.clock.set("2027-01-10T02:00:00Z");
    const plan = (branch: string, kind: Kind) =>
      t.db.prisma.annualPlan.findFirstOrThrow({
        where: { year: 2027, kind, branch: { key: branch } },
      });
    const submit = async (branch: string, kind: Kind, items: ReturnType<typeof item>[]) => {
      const p = await plan(branch, kind);
      const userId = branch === "finance" ? "U0SEC2" : "U0SEC1";
      expect(
        await submitPlan(t.bot.ctx, { planId: p.id, userId, items, source: "test" }),
      ).toMatchObject({ ok: true });
      return p.id;
    };
    const decide = async (planId: number, revision: number, decision: "approve" | "return") =>
      expect(
        await decidePlan(t.bot.ctx, {
          planId,
          revision,
          userId: "U0DEPUTY",
          source: "test",
          ...(decision === "approve"
            ? { decision }
            : { decision, comment: "Give the lesson a quarter" }),
        }),
      ).toMatchObject({ ok: true });
    const arrangement = await submit("resettlement", "ARRANGEMENT", [
      item("January branch meeting", { month: 1 }),
      item("Party lesson", { month: 5 }),
      item("Theme day visit", { month: 2 }),
    ]);
    const conduct = await submit("resettlement", "CONDUCT", [item("Integrity talk", { month: 3 })]);
    const theory = await submit("resettlement", "THEORY", [item("Study session", { quarter: 1 })]);
    const themeDay = await submit("resettlement", "THEME_DAY", [
      item("Memorial visit", { month: 7 }),
    ]);
    const finance = await submit("finance", "ARRANGEMENT", [item("Finance review", { month: 2 })]);
    await decide(arrangement, 1, "return");
    await submit("resettlement", "ARRANGEMENT", [
      item("January branch meeting", { month: 1 }),
      item("Party lesson", { quarter: 1 }),
      item("Theme day visit", { month: 2 }),
    ]);
    await decide(arrangement, 2, "approve");
    for (const id of [conduct, theory, themeDay, finance]) await decide(id, 1, "approve");
    await settle(t);
    expect(
      (await t.db.prisma.annualPlan.findMany({ where: { branch: { key: "resettlement" } } })).map(
        (p) => p.state,
      ),
    ).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);

    // ---- February's list built from the plan's items in the modal
    t.clock.set("2027-02-01T01:30:00Z");
    expect((await runJob(t, "monthly-reminder", "2027-02-01T09:00")).status).toBe("ran");
    await settle(t);
    const reminder = t.slack
      .messages("C0RESETTLE")
      .find((m) => String(m.text).includes("task list"));
    expect(allText(reminder?.blocks)).toContain("From the year's plans, due this month* (3)");
    const sec = t.slack.as("U0SEC1");
    const committeeBefore = posts(t, "C0COMMITTEE").length;
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: reminder?.ts,
      label: "Fill in task list",
    });
    await t.emulator.calls.waitFor("views.open");
    const lesson = await t.db.prisma.annualPlanItem.findFirstOrThrow({
      where: { title: "Party lesson", revision: { number: 2 } },
    });
    const visit = await t.db.prisma.annualPlanItem.findFirstOrThrow({
      where: { title: "Theme day visit", revision: { number: 2 } },
    });
    const ticked = await sec.submitModal({
      [`${TASKLIST_BLOCK.planOffer}0.${TASKLIST_ACTION.planOffer}`]: [
        String(lesson.id),
        String(visit.id),
      ],
    });
    expect(ticked.outcome).toBe("closed");
    const listCommittee = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      count: committeeBefore + 1,
    });
    await t.slack.as("U0CHAIR").clickButton({
      channel: "C0COMMITTEE",
      messageTs: String(listCommittee.response?.ts),
      label: "Approve",
    });
    const listPost = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => JSON.stringify(c.args.blocks).includes(TASKLIST_BLOCK.planItem),
    });
    const rows = await t.db.prisma.taskItem.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.title, r.planItemId])).toEqual([
      ["Party lesson", lesson.id],
      ["Theme day visit", visit.id],
    ]);

    // ---- the list's items done: the plan items with them
    for (const row of rows)
      await sec.clickButton({
        channel: "C0RESETTLE",
        messageTs: String(listPost.response?.ts),
        blockId: `${TASKLIST_BLOCK.planItem}${row.id}`,
      });
    await until(
      t,
      async () =>
        (await t.db.prisma.annualPlanItem.count({
          where: { id: { in: [lesson.id, visit.id] }, status: "DONE" },
        })) === 2,
    );
    await settle(t);

    // ---- the quarter's tracking, once: each branch's split and the committee's table
    t.clock.set("2027-04-01T01:30:00Z");
    expect((await runJob(t, "quarter-tracking", "2027-04-01T09:00")).status).toBe("ran");
    expect((await runJob(t, "quarter-tracking", "2027-04-01T15:00")).status).not.toBe("ran");
    await settle(t);
    const tracking = t.slack.messages("C0RESETTLE").find((m) => String(m.text).includes("Q1"));
    expect(tracking?.text).toBe(
      "Resettlement Branch: the plans' items of 2027 Q1: 2 done, 0 in progress, 3 overdue.",
    );
    const shown = allText(tracking?.blocks);
    expect(shown).toContain("*Done* (2)\n• Party lesson · Q1\n• Theme day visit · month 2");
    expect(shown).toContain(
      "*Overdue* (3)\n• January branch meeting · month 1\n• Integrity talk · month 3\n• Study session · Q1",
    );
    expect(shown).not.toContain("Memorial visit");
    expect(t.slack.messages("C0FINANCE").find((m) => String(m.text).includes("Q1"))?.text).toBe(
      "Finance Branch: the plans' items of 2027 Q1: 0 done, 0 in progress, 1 overdue.",
    );
    const table = t.slack.messages("C0COMMITTEE").find((m) => String(m.text).includes("Q1"));
    expect(table?.text).toBe(
      "2 branches, 2027 Q1: 2 of 6 items done (33%), 4 overdue, 4 reasons missing.",
    );
    expect(allText(table?.blocks)).toContain(
      "• *Resettlement Branch*: 40% done (2/5) · 3 overdue · 3 reasons missing",
    );
    expect(posts(t, "C0COMMITTEE").filter((c) => String(c.args.text).includes("Q1"))).toHaveLength(
      1,
    );

    // ---- reasons: a member is refused; bad input answered inline, nothing stored
    await t.slack
      .as("U0MEM1")
      .clickButton({ channel: "C0RESETTLE", messageTs: tracking?.ts, label: "Give reasons" });
    const refused = await waitAny(t, "response_url", (c) =>
      String(c.args.text).includes("secretaries"),
    );
    expect(String(refused.args.text)).toContain("only the branch's secretaries");
    const opened = t.emulator.calls.of("views.open").length;
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: tracking?.ts,
      label: "Give reasons",
    });
    await t.emulator.calls.waitFor("views.open", { count: opened + 1 });
    // The items in force (the returned revision's copies are older).
    const latest = (title: string) =>
      t.db.prisma.annualPlanItem.findFirstOrThrow({ where: { title }, orderBy: { id: "desc" } });
    const meeting = await latest("January branch meeting");
    const talk = await latest("Integrity talk");
    const study = await latest("Study session");
    const r = (id: number) => `${reasonBlock(id, "reason")}.${PLAN_ACTION.reasonText}`;
    const d = (id: number) => `${reasonBlock(id, "date")}.${PLAN_ACTION.reasonDate}`;
    const bad = await sec.submitModal({
      [r(meeting.id)]: "Moved for the election",
      [d(meeting.id)]: "2027-03-20",
      [d(talk.id)]: "2027-05-10",
    });
    expect(bad.outcome).toBe("errors");
    expect(bad.errors).toEqual({
      [reasonBlock(meeting.id, "date")]: "The new date must be after today (2027-04-01).",
      [reasonBlock(talk.id, "reason")]: "Give the reason for the new date.",
    });
    expect(await t.db.prisma.annualPlanItemEvent.count({ where: { kind: "quarter-reason" } })).toBe(
      0,
    );
    const good = await sec.submitModal({
      [d(meeting.id)]: "2027-04-20",
      [r(talk.id)]: "Speaker away",
      [r(study.id)]: "Books late",
      [d(study.id)]: "2027-06-30",
    });
    expect(good.outcome).toBe("closed");
    await until(
      t,
      async () =>
        (await t.db.prisma.annualPlanItemEvent.count({ where: { kind: "quarter-reason" } })) === 3,
    );
    await settle(t);
    expect(
      await t.db.prisma.annualPlanItem.findUniqueOrThrow({ where: { id: talk.id } }),
    ).toMatchObject({ target: "m5", movedFrom: "m3", moveReason: "Speaker away" });
    const resettlement = await t.db.prisma.branch.findFirstOrThrow({
      where: { key: "resettlement" },
    });
    const check = await t.db.prisma.planQuarterCheck.findFirstOrThrow({
      where: { year: 2027, quarter: 1, branchId: resettlement.id },
    });
    expect(check.answeredAt).not.toBeNull();
    const answered = t.slack.messages("C0RESETTLE").find((m) => m.ts === tracking?.ts);
    expect(allText(answered?.blocks)).toContain(
      "• Integrity talk · month 5 — reason: Speaker away; new date 2027-05-10",
    );
    expect(allText(answered?.blocks)).toContain("Reasons given: 3 of 3.");
    expect(JSON.stringify(answered?.blocks)).not.toContain(PLAN_ACTION.reasons);
    const updatedTable = t.slack.messages("C0COMMITTEE").find((m) => m.ts === table?.ts);
    expect(updatedTable?.text).toBe(
      "2 branches, 2027 Q1: 2 of 6 items done (33%), 4 overdue, 1 reasons missing.",
    );
    expect(allText(updatedTable?.blocks)).toContain(
      "• *Resettlement Branch*: 40% done (2/5) · 3 overdue · 0 reasons missing",
    );
    expect(allText(updatedTable?.blocks)).toContain(
      "• *Finance Branch*: 0% done (0/1) · 1 overdue · 1 reasons missing",
    );

    // ---- the follow-up three working days later reaches only the branch still missing reasons
    expect((await runJob(t, "quarter-tracking-followup", "2027-04-06T09:00")).status).toBe("ran");
    expect((await runJob(t, "quarter-tracking-followup", "2027-04-06T10:00")).status).not.toBe(
      "ran",
    );
    await settle(t);
    const followUps = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => String(c.args.text).includes("still missing"));
    expect(followUps.map((c) => [c.args.channel, c.args.text])).toEqual([
      ["C0FINANCE", "<@U0SEC2>: the reasons for 1 overdue items of 2027 Q1 are still missing."],
    ]);
    expect(followUps[0]?.args.thread_ts).toBeTruthy();

    // ---- the ledger, read back from the CSV and the workbook
    const org = await loadOrgRecord(t.db);
    const period = parseReportPeriod("year", "2027");
    if (!org || !period) throw new Error("no org or period");
    const built = await plansReport.build(
      t.db,
      org,
      period,
      new Date("2027-04-07T02:00:00Z"),
      translator("en"),
    );
    const csv: string[][] = parseCsv(built.files.csv.bytes.toString("utf8"), { bom: true });
    const header = csv[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const rowOf = (title: string) => csv.find((row) => row[col("Title")] === title) ?? [];
    expect(rowOf("Theme day visit")[col("Status")]).toBe("done");
    expect(rowOf("Theme day visit")[col("Linked monthly items")]).toContain(
      "2027-02 Theme day visit (done)",
    );
    expect(rowOf("Party lesson")[col("Linked monthly items")]).toContain(
      "2027-02 Party lesson (done)",
    );
    expect(rowOf("Integrity talk")[col("Target")]).toBe("month 5");
    expect(rowOf("Integrity talk")[col("Status history")]).toContain("Speaker away");
    expect(rowOf("Finance review")[col("Status")]).toBe("overdue");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(built.files.xlsx.bytes).buffer);
    const sheet = book.getWorksheet("Annual plans");
    if (!sheet) throw new Error("no sheet");
    const values = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined ? "" : String(v)));
    const sheetRows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => values(i + 5));
    const visitRow = sheetRows.find((row) => row[col("Title")] === "Theme day visit");
    expect(visitRow?.[col("Status")]).toBe("done");
    expect(visitRow?.[col("Linked monthly items")]).toContain("2027-02 Theme day visit (done)");
    expect(sheetRows).toHaveLength(csv.length - 1);
  });
});
