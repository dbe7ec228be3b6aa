/**
 * Inspections end to end on both stores: the real bot, the local Slack, the example org (zh-CN)
 * with a December supervision round. The `inspection-round` job opens it once and announces it;
 * two inspectors open their checklist from the DM (a score above the maximum is refused on its
 * field), close it (the draft is kept) and send it with findings; the items reach their owner;
 * the reminders come 3 working days before and on the due date, the overdue list once a week;
 * a committee member reassigns an overdue item from that list and the chair hands it back from
 * the Home; the owner reports done with evidence, the owner may not verify, the inspector reopens once,
 * then accepts; the ranking, the closure rate and both ledgers read back.
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import type { SurfaceTarget } from "../../src/localslack/driver/session.ts";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import {
  inspectionScoresSource,
  rectificationsOnTimeSource,
} from "../../src/services/inspections/assessment.ts";
import { inspectionRecord } from "../../src/services/inspections/record.ts";
import { inspectionsReport, rectificationsReport } from "../../src/services/inspections/report.ts";
import { calendarOf } from "../../src/services/org/calendar-settings.ts";
import { EXAMPLE_ORG, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";

// The example's own inspections section gives way to this test's (December: supervision only).
const ORG = `${readFileSync(EXAMPLE_ORG, "utf8").replace(/^inspections:[\s\S]*?(?=^\S)/m, "")}
inspections:
  mutual: { months: [6] }
  supervision: { months: [12] }
`;
const json = (c: RecordedCall | unknown) => JSON.stringify(c);

describe.each(STORES)("inspections in Slack (%s)", (store) => {
  const bot = useTestBot({ store, orgText: ORG, now: "2026-12-01T00:00:00Z" });
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const assignment = (branch: string) =>
    bot().db.prisma.inspectionAssignment.findFirstOrThrow({ where: { branch: { key: branch } } });
  /** The DM message of `user` whose button carries `value`. */
  const messageWith = (user: string, value: number) => {
    const m = bot()
      .slack.messages(dm(user))
      .find((x) => json(x).includes(`"value":"${value}"`));
    if (!m) throw new Error(`no message for ${user} with ${value}`);
    return m.ts;
  };
  const scores = (meetings: string, themeDay: string, dues: string, study: string) => ({
    "insp_score_meetings.insp_score": meetings,
    "insp_score_theme-day.insp_score": themeDay,
    "insp_score_dues.insp_score": dues,
    "insp_score_study.insp_score": study,
  });
  let ids = { resettlement: 0, services: 0 };
  let inspectors = { resettlement: "", services: "" };

  it("the round opens once on the first working day; the committee and each inspector hear of it", async () => {
    const t = bot();
    t.clock.set("2026-12-01T01:00:00Z");
    expect((await runJob(t.db, "inspection-round", "2026-12-01T09:00")).status).toBe("ran");
    expect((await runJob(t.db, "inspection-round", "2026-12-01T09:30")).status).not.toBe("ran");
    const rounds = await t.db.prisma.inspectionRound.findMany({ include: { assignments: true } });
    expect(rounds.map((r) => [r.key, r.opensOn, r.closesOn, r.assignments.length])).toEqual([
      ["supervision:2026-12", "2026-12-01", "2026-12-15", 4],
    ]);
    const office = rounds[0]?.assignments.find((a) => a.inspectorUserId === "U0DEPUTY");
    const officeId = (await t.db.prisma.branch.findUniqueOrThrow({ where: { key: "office" } })).id;
    expect(office?.branchId).not.toBe(officeId); // the office's secretary does not inspect it
    const announce = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    for (const name of [
      "移交安置处党支部",
      "服务保障处党支部",
      "权益维护处党支部",
      "机关综合党支部",
    ])
      expect(json(announce)).toContain(name);
    expect(json(announce)).toContain("2026年12月15日");
    const r = await assignment("resettlement");
    const s = await assignment("services");
    ids = { resettlement: r.id, services: s.id };
    inspectors = {
      resettlement: r.inspectorUserId as string,
      services: s.inspectorUserId as string,
    };
    for (const [branch, user] of Object.entries(inspectors)) {
      const notice = await waitCall(t, "chat.postMessage", dm(user), {
        where: (c) => json(c).includes(`"value":"${ids[branch as keyof typeof ids]}"`),
      });
      expect(json(notice)).toContain("打开检查清单");
    }
  });

  it("the checklist: someone else is refused, a score above the maximum is refused on its field, a draft is kept", async () => {
    const t = bot();
    t.clock.set("2026-12-02T02:00:00Z");
    const inspector = inspectors.resettlement;
    const ts = messageWith(inspector, ids.resettlement);
    await t.slack
      .as("U0SEC1")
      .clickButton({ channel: dm(inspector), messageTs: ts, label: "打开检查清单" });
    const refused = await t.emulator.calls.waitFor("response_url", { timeoutMs: 20_000 });
    expect(String(refused.args.text)).toContain("只有被指派的检查人填写此检查清单");
    await t.slack
      .as(inspector)
      .clickButton({ channel: dm(inspector), messageTs: ts, label: "打开检查清单" });
    await t.emulator.calls.waitFor("views.open");
    const modal = json(t.emulator.calls.of("views.open").at(-1)?.args);
    expect(modal).toContain("三会一课（满分30）");
    expect(modal).toContain("按时召开，记录完整");
    const above = await t.slack.as(inspector).submitModal(scores("31", "20", "20", "30"));
    expect(above.outcome).toBe("errors");
    expect(json(above)).toContain("该项满分为30");
    expect(await t.db.prisma.rectification.count()).toBe(0);
    await t.slack.as(inspector).submitModal({
      ...scores("25", "20", "18", "28"),
      "insp_problem_1.insp_problem": "",
      "insp_suggestion_1.insp_suggestion": "补齐",
    });
    const closed = await t.slack.as(inspector).closeModal();
    expect(closed?.status).toBe(200);
    await expect
      .poll(async () => (await assignment("resettlement")).state, { timeout: 10_000 })
      .toBe("DRAFT");
    expect(json((await assignment("resettlement")).draft)).toContain('"meetings":"25"');
  });

  it("two checklists are sent with findings: the branch sees its result, the owner gets each item", async () => {
    const t = bot();
    const inspector = inspectors.resettlement;
    await t.slack.as(inspector).clickButton({
      channel: dm(inspector),
      messageTs: messageWith(inspector, ids.resettlement),
      label: "打开检查清单",
    });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    // the draft comes back pre-filled
    expect(json(t.emulator.calls.of("views.open").at(-1)?.args)).toContain('"initial_value":"25"');
    const noText = await t.slack.as(inspector).submitModal({
      ...scores("25", "20", "18", "28"),
      "insp_problem_0.insp_problem": "",
      "insp_suggestion_0.insp_suggestion": "补齐记录",
    });
    expect(noText.outcome).toBe("errors");
    expect(json(noText)).toContain("问题需要说明存在什么问题");
    const sent = await t.slack.as(inspector).submitModal({
      ...scores("25", "20", "18", "28"),
      "insp_problem_0.insp_problem": "支委会记录缺<少>签字",
      "insp_severity_0.insp_severity": "serious",
      "insp_suggestion_0.insp_suggestion": "补齐签字",
      "insp_problem_1.insp_problem": "党费台账未及时更新",
      "insp_severity_1.insp_severity": "minor",
      "insp_suggestion_1.insp_suggestion": "",
    });
    expect(sent.outcome).toBe("closed");
    const other = inspectors.services;
    await t.slack.as(other).clickButton({
      channel: dm(other),
      messageTs: messageWith(other, ids.services),
      label: "打开检查清单",
    });
    await t.emulator.calls.waitFor("views.open", { count: 3 });
    expect((await t.slack.as(other).submitModal(scores("30", "20", "20", "25"))).outcome).toBe(
      "closed",
    );
    await settled(t);
    const items = await t.db.prisma.rectification.findMany({ orderBy: { id: "asc" } });
    expect(items.map((i) => [i.problem, i.severity, i.ownerId, i.dueOn, i.state])).toEqual([
      ["支委会记录缺<少>签字", "serious", "U0SEC1", "2026-12-09", "OPEN"],
      ["党费台账未及时更新", "minor", "U0SEC1", "2026-12-30", "OPEN"],
    ]);
    const result = await waitCall(t, "chat.postMessage", "C0RESETTLE");
    expect(json(result)).toContain("得分91/100");
    expect(json(result)).toContain("缺&lt;少&gt;签字");
    expect(json(await waitCall(t, "chat.postMessage", "C0SERVICE"))).toContain("得分95/100");
    const owner = await waitCall(t, "chat.postMessage", dm("U0SEC1"), {
      where: (c) => json(c).includes("报告整改完成"),
      count: 2,
    });
    expect(json(owner)).toContain("2026年12月30日");
  });

  it("reminders 3 working days before and on the due date; the overdue list once a week", async () => {
    const t = bot();
    t.clock.set("2026-12-04T01:00:00Z");
    expect((await runJob(t.db, "rectification-reminders", "2026-12-04T09:00")).status).toBe("ran");
    await settled(t);
    const before = await waitCall(t, "chat.postMessage", dm("U0SEC1"), {
      where: (c) => json(c).includes("还有3个工作日"),
    });
    expect(json(before)).toContain("2026年12月9日");
    t.clock.set("2026-12-09T01:00:00Z");
    expect((await runJob(t.db, "rectification-reminders", "2026-12-09T09:00")).status).toBe("ran");
    await waitCall(t, "chat.postMessage", dm("U0SEC1"), {
      where: (c) => json(c).includes("今天（2026年12月9日）到期"),
    });
    for (const day of ["2026-12-10", "2026-12-11"]) {
      t.clock.set(`${day}T01:00:00Z`);
      expect((await runJob(t.db, "rectification-reminders", `${day}T09:00`)).status).toBe("ran");
    }
    await settled(t);
    const overdue = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C0COMMITTEE" && json(c).includes("逾期整改事项"));
    expect(overdue).toHaveLength(1);
    expect(json(overdue[0])).toContain("支委会记录缺&lt;少&gt;签字");
  });

  it("the committee hands an overdue item on from its overdue list, and back from its Home", async () => {
    const t = bot();
    const [first] = await t.db.prisma.rectification.findMany({ orderBy: { id: "asc" } });
    const id = first?.id as number;
    expect(first).toMatchObject({ ownerId: "U0SEC1", state: "OPEN" });
    const reassignTo = async (by: string, target: SurfaceTarget, owner: string) => {
      const opened = t.emulator.calls.of("views.open").length;
      await t.slack.as(by).clickButton({ ...target, label: "更换责任人" });
      await t.emulator.calls.waitFor("views.open", { count: opened + 1, timeoutMs: 20_000 });
      const submitted = await t.slack.as(by).submitModal({ "insp_owner_block.insp_owner": owner });
      expect(submitted.outcome).toBe("closed");
      const row = await t.db.prisma.rectification.findUniqueOrThrow({ where: { id } });
      expect(row.ownerId).toBe(owner);
      await waitCall(t, "chat.postMessage", dm(owner), {
        where: (c) => json(c).includes("将此整改事项交由您负责") && json(c).includes(by),
      });
    };
    // The weekly list in the committee channel: its first item's Reassign carries the item.
    const list = t.slack
      .messages("C0COMMITTEE")
      .filter((m) => json(m).includes("逾期整改事项"))
      .at(-1);
    const reassignOf = (blocks: unknown) =>
      (blocks as { accessory?: { action_id?: string; value?: string } }[] | undefined)
        ?.map((b) => b.accessory)
        .find((a) => a?.action_id === "insp_open_reassign")?.value;
    expect(reassignOf(list?.blocks)).toBe(String(id));
    // The list's line of the item, as the channel shows it now (the list is updated in place).
    const listLine = () => {
      const now = t.slack.messages("C0COMMITTEE").find((m) => m.ts === list?.ts);
      const blocks = (now?.blocks ?? []) as { accessory?: { value?: string } }[];
      return json(blocks.find((b) => b.accessory?.value === String(id)));
    };
    expect(listLine()).toContain("<@U0SEC1>");
    await reassignTo("U0COMM3", { channel: "C0COMMITTEE", messageTs: list?.ts as string }, "U0A");
    await settled(t);
    expect(listLine()).toContain("<@U0A>");
    expect(listLine()).not.toContain("<@U0SEC1>");
    // The chair's Home names the open item overdue longest, with the same button.
    await t.slack.as("U0CHAIR").openAppHome();
    const home = () => json(t.slack.homeView("U0CHAIR")?.blocks ?? []);
    await expect.poll(home, { timeout: 20_000 }).toContain("逾期最久");
    expect(reassignOf(t.slack.homeView("U0CHAIR")?.blocks)).toBe(String(id));
    await reassignTo("U0CHAIR", { view: "home" }, "U0SEC1");
    await settled(t);
    expect(listLine()).toContain("<@U0SEC1>");
    expect(
      t.slack.messages("C0COMMITTEE").filter((m) => json(m).includes("逾期整改事项")),
    ).toHaveLength(1);
  });

  it("done with evidence, the owner may not verify, reopened once with a comment, then verified", async () => {
    const t = bot();
    const [first] = await t.db.prisma.rectification.findMany({ orderBy: { id: "asc" } });
    const id = first?.id as number;
    const reportDone = async (evidence: string) => {
      const ts = t.slack
        .messages(dm("U0SEC1"))
        .filter((m) => json(m).includes(`"value":"${id}"`))
        .at(-1)?.ts as string;
      const opened = t.emulator.calls.of("views.open").length;
      await t.slack
        .as("U0SEC1")
        .clickButton({ channel: dm("U0SEC1"), messageTs: ts, label: "报告整改完成" });
      await t.emulator.calls.waitFor("views.open", { count: opened + 1, timeoutMs: 20_000 });
      return t.slack.as("U0SEC1").submitModal({
        "insp_done_text_block.insp_done_text": "已补签",
        "insp_evidence_block.insp_evidence": evidence,
      });
    };
    const inspector = inspectors.resettlement;
    expect((await reportDone("https://files.example/minutes.pdf")).outcome).toBe("closed");
    await settled(t);
    const request = await waitCall(t, "chat.postMessage", dm(inspector), {
      where: (c) => json(c).includes("请验收"),
    });
    expect(json(request)).toContain("https://files.example/minutes.pdf");
    // the owner clicks Accept in the inspector's message (four eyes)
    const reqTs = t.slack
      .messages(dm(inspector))
      .filter((m) => json(m).includes("请验收"))
      .at(-1)?.ts as string;
    await t.slack
      .as("U0SEC1")
      .clickButton({ channel: dm(inspector), messageTs: reqTs, label: "验收通过" });
    await t.emulator.calls.waitFor("response_url", {
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).includes("只有检查人或机关党委委员可以验收"),
    });
    const opened = t.emulator.calls.of("views.open").length;
    await t.slack
      .as(inspector)
      .clickButton({ channel: dm(inspector), messageTs: reqTs, label: "退回整改" });
    await t.emulator.calls.waitFor("views.open", { count: opened + 1, timeoutMs: 20_000 });
    const empty = await t.slack
      .as(inspector)
      .submitModal({ "insp_comment_block.insp_comment": " " });
    expect(empty.outcome).not.toBe("closed");
    expect(
      (await t.slack.as(inspector).submitModal({ "insp_comment_block.insp_comment": "缺书记签字" }))
        .outcome,
    ).toBe("closed");
    await settled(t);
    await waitCall(t, "chat.postMessage", dm("U0SEC1"), {
      where: (c) => json(c).includes("验收未通过，退回整改：缺书记签字"),
    });
    t.clock.set("2026-12-14T02:00:00Z");
    expect((await reportDone("已补书记签字，见支部档案")).outcome).toBe("closed");
    await settled(t);
    const second = t.slack
      .messages(dm(inspector))
      .filter((m) => json(m).includes("请验收"))
      .at(-1)?.ts as string;
    expect(second).not.toBe(reqTs);
    await t.slack
      .as(inspector)
      .clickButton({ channel: dm(inspector), messageTs: second, label: "验收通过" });
    await expect
      .poll(
        async () => (await t.db.prisma.rectification.findUniqueOrThrow({ where: { id } })).state,
        {
          timeout: 20_000,
        },
      )
      .toBe("VERIFIED");
    expect(await t.db.prisma.rectification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "VERIFIED",
      reopenCount: 1,
      lastComment: "缺书记签字",
      verifiedBy: inspector,
      verifiedOn: "2026-12-14",
      evidence: "已补书记签字，见支部档案",
    });
    await waitCall(t, "chat.postMessage", dm("U0SEC1"), {
      where: (c) => json(c).includes("已验收"),
    });
  });

  it("the ranking, the closure rate and both ledgers read back", async () => {
    const t = bot();
    const r = await inspectionRecord(t.db, "2026-12", "2026-12", "2026-12-14");
    const round = r.rounds[0];
    expect(round?.results.map((b) => [b.branchKey, b.total, b.rank, b.items, b.closed])).toEqual([
      ["services", 95, 1, 0, 0],
      ["resettlement", 91, 2, 2, 1],
      ["office", null, null, 0, 0],
      ["rights", null, null, 0, 0],
    ]);
    expect(round?.results[1]).toMatchObject({ onTime: 0, overdue: 0 });
    expect(round?.weak.map((w) => w.key)).toEqual(["study", "meetings", "dues"]);
    const org = await loadOrgRecord(t.db);
    if (!org) throw new Error("no org");
    const period = parseReportPeriod("year", "2026");
    if (!period) throw new Error("no period");
    const tr = translator("zh-CN");
    const asOf = new Date("2026-12-14T04:00:00Z");
    const ranking = parseCsv(
      (await inspectionsReport.build(t.db, org, period, asOf, tr)).files.csv.bytes.toString("utf8"),
      { bom: true },
    ) as string[][];
    expect(ranking[0]?.slice(0, 5)).toEqual(["月份", "类型", "支部", "检查人", "得分"]);
    const resettle = ranking.find((row) => row[2] === "移交安置处党支部");
    expect(resettle?.slice(4, 13)).toEqual(["91", "100", "2", "", "2", "1", "0", "0", "50%"]);
    const ledger = parseCsv(
      (await rectificationsReport.build(t.db, org, period, asOf, tr)).files.csv.bytes.toString(
        "utf8",
      ),
      { bom: true },
    ) as string[][];
    expect(ledger.slice(1).map((row) => [row[3], row[7], row[8], row[10], row[11]])).toEqual([
      ["支委会记录缺<少>签字", "已销号", "1", "2026-12-14", ""],
      ["党费台账未及时更新", "整改中", "0", "", ""],
    ]);
    // the assessment's two sources over the same record
    const branches = await t.db.prisma.branch.findMany({ orderBy: { key: "asc" } });
    const scope = {
      year: 2026,
      asOf: new Date("2026-12-31T00:00:00Z"),
      timezone: org.timezone,
      calendar: calendarOf(org.settings, org.timezone),
      settings: org.settings,
      branches: branches.map((b) => ({ id: b.id, key: b.key, from: "2026-01", to: "2026-12" })),
    };
    const scoresBy = await inspectionScoresSource.compute(t.db, scope);
    const byKey = [...scoresBy].map(([k, v]) => [k, v.achieved, v.expected]);
    expect(byKey.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["resettlement", 91, 100],
      ["services", 95, 100],
    ]);
    const onTime = await rectificationsOnTimeSource.compute(t.db, scope);
    expect(onTime.get("resettlement")).toMatchObject({ achieved: 0, expected: 2 });
    expect(onTime.get("resettlement")?.evidence.map((e) => e.ok)).toEqual([false, false]);
  });
});
