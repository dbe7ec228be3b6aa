/**
 * Normalized study end to end on both stores: the real bot, the local Slack, the example org
 * (zh-CN) with a centre group. A system admin schedules the month's centre-group session with a
 * material; the `study-notice` job adopts it; the notice and invitations carry the material;
 * people confirm or excuse themselves; the chair draws speakers in the thread (one found
 * absent, skipped); attendance is recorded from the pre-filled modal; make-ups are asked, one
 * is handed in, the other gets its one reminder; a youth research project is registered, a
 * milestone marked, its result handed in, sent back (four eyes refused first), handed in again
 * and accepted; the record and the report read back the counts.
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { studyRecord } from "../../src/services/study/record.ts";
import { studyReport } from "../../src/services/study/report.ts";
import { STUDY_ACTION } from "../../src/slack/ids/study.ts";
import { EXAMPLE_ORG, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";

const GROUP = ["U0CHAIR", "U0DEPUTY", "U0COMM3", "U0SEC1"];
/** The example org file's own `study:` section: this centre group, on the 10th at 09:00. */
const ORG = readFileSync(EXAMPLE_ORG, "utf8");
const json = (c: RecordedCall) => JSON.stringify(c.args);

describe.each(STORES)("normalized study in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    orgText: ORG,
    now: "2026-12-07T00:00:00Z",
    setUp: () => {
      expect(ORG).toContain(`members: [${GROUP.join(", ")}]`);
    },
  });
  let drawn = { absent: "", spoke: "", noticeTs: "" };
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const refusal = (count: number) =>
    bot().emulator.calls.waitFor("response_url", {
      count,
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).startsWith("无法执行此操作"),
    });
  const session = () =>
    bot().db.prisma.studySession.findFirstOrThrow({
      include: { attendees: { orderBy: { userId: "asc" } }, draws: { orderBy: { seq: "asc" } } },
    });

  it("an admin schedules the centre group's session; a past date is refused on its field", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "study new", { channel: "C0COMMITTEE" });
    await t.emulator.calls.waitFor("views.open");
    const values = {
      "study_kind_block.study_kind": "centre-group",
      "study_date_block.study_date": "2026-12-01",
      "study_time_block.study_time": "09:00",
      "study_topic_block.study_topic": "学习党支部工作条例",
      "study_materials_block.study_materials": "条例原文 https://example.org/rules\n",
      "study_expected_block.study_expected": GROUP,
    };
    const past = await t.slack.as("U0CHAIR").submitModal(values);
    expect(past.outcome).toBe("errors");
    expect(JSON.stringify(past)).toContain("所选时间已过");
    expect(await t.db.prisma.studySession.count()).toBe(0);
    const ok = await t.slack
      .as("U0CHAIR")
      .submitModal({ ...values, "study_date_block.study_date": "2026-12-10" });
    expect(ok.outcome).toBe("closed");
    // the notice waits for its day (two days ahead): nothing is sent yet
    expect(
      await t.db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "study:" } } }),
    ).toBe(0);
    const s = await session();
    expect([s.kind, s.date, s.chairUserId, s.attendees.length]).toEqual([
      "centre-group",
      "2026-12-10",
      "U0CHAIR",
      4,
    ]);
  });

  it("the study-notice job adopts it; notice and invitations carry the material", async () => {
    const t = bot();
    t.clock.set("2026-12-08T01:00:00Z");
    expect((await runJob(t.db, "study-notice", "2026-12-08T09:00")).status).toBe("ran");
    expect((await session()).occurrence).toBe("centre-group:2026-12");
    expect(await t.db.prisma.studySession.count()).toBe(1);
    const notice = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    expect(json(notice)).toContain("https://example.org/rules");
    expect(json(notice)).toContain("理论学习中心组学习");
    expect(json(notice)).toContain("2026年12月10日9:00");
    for (const user of GROUP) {
      const invite = await waitCall(t, "chat.postMessage", dm(user));
      expect(json(invite)).toContain("https://example.org/rules");
      expect(json(invite)).toContain(STUDY_ACTION.confirm);
    }
  });

  it("three confirm, one excuses themselves with a reason; someone else's invitation is refused", async () => {
    const t = bot();
    for (const user of ["U0CHAIR", "U0DEPUTY", "U0SEC1"]) {
      await t.slack.as(user).clickButton({ channel: dm(user), label: "确认参加" });
    }
    await t.slack.as("U0A").clickButton({ channel: dm("U0CHAIR"), label: "确认参加" });
    expect(String((await refusal(1)).args.text)).toContain("您不是本次学习的应到人员");
    await t.slack.as("U0COMM3").clickButton({ channel: dm("U0COMM3"), label: "请假" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const empty = await t.slack
      .as("U0COMM3")
      .submitModal({ "study_reason_block.study_reason": " " });
    expect(empty.outcome).not.toBe("closed");
    await t.slack.as("U0COMM3").submitModal({ "study_reason_block.study_reason": "出差" });
    await settled(t);
    const s = await session();
    expect(s.attendees.map((a) => [a.userId, a.response, a.reason])).toEqual([
      ["U0CHAIR", "confirmed", null],
      ["U0COMM3", "excused", "出差"],
      ["U0DEPUTY", "confirmed", null],
      ["U0SEC1", "confirmed", null],
    ]);
    const update = await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => json(c).includes("已确认3人"),
    });
    expect(json(update)).toContain("已请假1人");
  });

  it("the chair draws in the thread: one found absent is skipped, a pending draw blocks another", async () => {
    const t = bot();
    t.clock.set("2026-12-10T01:05:00Z");
    const noticeTs = t.slack.messages("C0COMMITTEE")[0]?.ts as string;
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: noticeTs, label: "随机抽取发言人" });
    expect(String((await refusal(2)).args.text)).toContain("只有本次学习的主持人");
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: noticeTs, label: "随机抽取发言人" });
    await settled(t);
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: noticeTs, label: "随机抽取发言人" });
    expect(String((await refusal(3)).args.text)).toContain("上一位抽取的发言人尚未标记");
    const first = (await session()).draws;
    expect(first).toHaveLength(1);
    const absent = first[0]?.userId as string;
    expect(["U0CHAIR", "U0DEPUTY", "U0SEC1"]).toContain(absent);
    const drawPost = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => c.args.thread_ts === noticeTs,
    });
    expect(json(drawPost)).toContain(`<@${absent}>`);
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", threadTs: noticeTs, label: "缺席，跳过" });
    await settled(t);
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: noticeTs, label: "随机抽取发言人" });
    await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("第2次抽取"),
    });
    const second = (await session()).draws;
    expect(second.map((d) => d.outcome)).toEqual(["absent", "pending"]);
    const spoke = second[1]?.userId as string;
    expect(spoke).not.toBe(absent);
    expect(["U0CHAIR", "U0DEPUTY", "U0SEC1"]).toContain(spoke);
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", threadTs: noticeTs, label: "已发言" });
    await settled(t);
    expect((await session()).draws.map((d) => [d.userId, d.outcome])).toEqual([
      [absent, "absent"],
      [spoke, "spoke"],
    ]);
    drawn = { absent, spoke, noticeTs };
  });

  it("attendance is pre-filled from the answers and the draws; those not present are asked to make up", async () => {
    const t = bot();
    const { absent, noticeTs } = drawn;
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: noticeTs, label: "登记出勤" });
    await t.emulator.calls.waitFor("views.open", { count: 3 });
    const view = JSON.stringify(t.emulator.calls.of("views.open").at(-1)?.args);
    const confirmedHere = ["U0CHAIR", "U0DEPUTY", "U0SEC1"].filter((u) => u !== absent);
    for (const u of confirmedHere) expect(view).toContain(u);
    const done = await t.slack.as("U0CHAIR").submitModal();
    expect(done.outcome).toBe("closed");
    await settled(t);
    const s = await session();
    expect(Object.fromEntries(s.attendees.map((a) => [a.userId, a.attendance]))).toEqual({
      ...Object.fromEntries(confirmedHere.map((u) => [u, "present"])),
      [absent]: "absent",
      U0COMM3: "excused",
    });
    expect([s.makeUpDue, s.makeUpRemindOn]).toEqual(["2026-12-24", "2026-12-21"]);
    const ask = await waitCall(t, "chat.postMessage", dm("U0COMM3"), {
      where: (c) => json(c).includes("补学心得"),
    });
    expect(json(ask)).toContain("2026年12月24日");
    await waitCall(t, "chat.postMessage", dm(absent), {
      where: (c) => json(c).includes("补学心得"),
    });
  });

  it("a present person's make-up is refused; the excused one hands in a note", async () => {
    const t = bot();
    const { spoke } = drawn;
    await t.slack.as(spoke).clickButton({ channel: dm("U0COMM3"), label: "填写补学心得" });
    expect(String((await refusal(4)).args.text)).toContain("您已参加本次学习，无需补学");
    await t.slack.as("U0COMM3").clickButton({ channel: dm("U0COMM3"), label: "填写补学心得" });
    await t.emulator.calls.waitFor("views.open", { count: 4 });
    const done = await t.slack
      .as("U0COMM3")
      .submitModal({ "study_note_block.study_note": "学习了条例的第三章" });
    expect(done.outcome).toBe("closed");
    await settled(t);
    const a = (await session()).attendees.find((x) => x.userId === "U0COMM3");
    expect(a?.makeUpNote).toBe("学习了条例的第三章");
  });

  it("the one reminder goes to the make-up still owed, once", async () => {
    const t = bot();
    const { absent } = drawn;
    t.clock.set("2026-12-21T01:00:00Z");
    expect((await runJob(t.db, "study-makeup-reminder", "2026-12-21T09:00")).status).toBe("ran");
    t.clock.set("2026-12-22T01:00:00Z");
    expect((await runJob(t.db, "study-makeup-reminder", "2026-12-22T09:00")).status).toBe("ran");
    await settled(t);
    const reminders = await t.db.prisma.delivery.findMany({
      where: { dedupeKey: { endsWith: ":reminder" } },
    });
    expect(reminders.map((r) => (r.payload as { user: string }).user)).toEqual([absent]);
  });

  it("a youth project: registered, a milestone done, its result sent back, handed in again and accepted", async () => {
    const t = bot();
    t.clock.set("2026-12-22T02:00:00Z");
    const withLabel = (channel: string, label: string) =>
      t.slack
        .messages(channel)
        .filter((m) => JSON.stringify(m).includes(label))
        .at(-1)?.ts as string;
    const opens = () => t.emulator.calls.of("views.open").length;
    let before = opens();
    await t.slack.as("U0A").slashCommand("/pbb", "study projects new", { channel: "C0COMMITTEE" });
    await t.emulator.calls.waitFor("views.open", { count: before + 1 });
    const values = {
      "study_project_name_block.study_project_name": "基层党建数字化调研",
      "study_project_lead_block.study_project_lead": "U0A",
      "study_project_members_block.study_project_members": ["U0B", "U0DEPUTY"],
      "study_project_question_block.study_project_question": "如何用数字化手段减轻支部负担？",
      "study_project_advisor_block.study_project_advisor": "U0COMM3",
      "study_project_milestones_block.study_project_milestones": "开题报告 2026年12月20日\n结题",
    };
    const bad = await t.slack.as("U0A").submitModal({
      ...values,
      "study_project_milestones_block.study_project_milestones": "开题 2026-02-30",
    });
    expect(bad.outcome).toBe("errors");
    expect(JSON.stringify(bad)).toContain("第1行");
    expect(await t.db.prisma.studyProject.count()).toBe(0);
    expect((await t.slack.as("U0A").submitModal(values)).outcome).toBe("closed");
    await settled(t);
    const project = () =>
      t.db.prisma.studyProject.findFirstOrThrow({
        include: { milestones: { orderBy: { position: "asc" } } },
      });
    const p = await project();
    expect([p.name, p.leadUserId, p.members, p.advisorUserId, p.state, p.year]).toEqual([
      "基层党建数字化调研",
      "U0A",
      ["U0B", "U0DEPUTY"],
      "U0COMM3",
      "active",
      2026,
    ]);
    expect(p.milestones.map((m) => [m.title, m.dueDate])).toEqual([
      ["开题报告", "2026-12-20"],
      ["结题", null],
    ]);
    for (const user of ["U0A", "U0B", "U0DEPUTY", "U0COMM3"]) {
      await waitCall(t, "chat.postMessage", dm(user), { where: (c) => json(c).includes("已登记") });
    }

    // someone outside the project cannot mark its milestone; a member can
    const refusals = t.emulator.calls
      .of("response_url")
      .filter((c) => String(c.args.text).startsWith("无法执行此操作")).length;
    await t.slack.as("U0C").clickButton({
      channel: dm("U0B"),
      messageTs: withLabel(dm("U0B"), "完成下一阶段节点"),
      label: "完成下一阶段节点",
    });
    expect(String((await refusal(refusals + 1)).args.text)).toContain("只有课题负责人和成员");
    await t.slack.as("U0B").clickButton({
      channel: dm("U0B"),
      messageTs: withLabel(dm("U0B"), "完成下一阶段节点"),
      label: "完成下一阶段节点",
    });
    await t.emulator.calls.waitFor("response_url", {
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).includes("阶段节点已完成：开题报告"),
    });
    expect((await project()).milestones.map((m) => m.doneAt !== null)).toEqual([true, false]);

    // the lead hands in the result; it reaches the committee channel to review
    before = opens();
    await t.slack.as("U0A").clickButton({
      channel: dm("U0A"),
      messageTs: withLabel(dm("U0A"), "报送成果"),
      label: "报送成果",
    });
    await t.emulator.calls.waitFor("views.open", { count: before + 1 });
    const empty = await t.slack.as("U0A").submitModal({
      "study_result_link_block.study_result_link": "https://example.org/result",
      "study_result_summary_block.study_result_summary": " ",
    });
    expect(empty.outcome).toBe("errors");
    expect(
      (
        await t.slack.as("U0A").submitModal({
          "study_result_link_block.study_result_link": "https://example.org/result",
          "study_result_summary_block.study_result_summary": "调研了8个支部，提出3条建议。",
        })
      ).outcome,
    ).toBe("closed");
    await settled(t);
    expect((await project()).state).toBe("submitted");
    const review = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("已报送成果，请审核"),
    });
    expect(json(review)).toContain("https://example.org/result");

    // four eyes: a committee member who is in the project may not review it
    const reviewTs = withLabel("C0COMMITTEE", "已报送成果，请审核");
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: reviewTs, label: "通过" });
    expect(String((await refusal(refusals + 2)).args.text)).toContain("不能审核本课题的成果");
    expect((await project()).state).toBe("submitted");

    // the advisor sends it back with a comment (an empty one is refused on the field)
    before = opens();
    await t.slack
      .as("U0COMM3")
      .clickButton({ channel: "C0COMMITTEE", messageTs: reviewTs, label: "退回" });
    await t.emulator.calls.waitFor("views.open", { count: before + 1 });
    const noComment = await t.slack
      .as("U0COMM3")
      .submitModal({ "study_review_comment_block.study_review_comment": " " });
    expect(noComment.outcome).toBe("errors");
    await t.slack
      .as("U0COMM3")
      .submitModal({ "study_review_comment_block.study_review_comment": "请补充调研数据" });
    await settled(t);
    expect(await project()).toMatchObject({ state: "returned", reviewComment: "请补充调研数据" });
    await waitCall(t, "chat.postMessage", dm("U0A"), { where: (c) => json(c).includes("已退回") });

    // handed in again from the DM that told of the return, then accepted
    before = opens();
    await t.slack.as("U0A").clickButton({
      channel: dm("U0A"),
      messageTs: withLabel(dm("U0A"), "已退回"),
      label: "报送成果",
    });
    await t.emulator.calls.waitFor("views.open", { count: before + 1 });
    await t.slack.as("U0A").submitModal({
      "study_result_link_block.study_result_link": "https://example.org/result-v2",
      "study_result_summary_block.study_result_summary": "补充了调研数据。",
    });
    await settled(t);
    await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("result-v2"),
    });
    await t.slack.as("U0CHAIR").clickButton({
      channel: "C0COMMITTEE",
      messageTs: withLabel("C0COMMITTEE", "result-v2"),
      label: "通过",
    });
    await waitCall(t, "chat.postMessage", dm("U0B"), {
      where: (c) => json(c).includes("成果已通过机关党委审核"),
    });
    expect(await project()).toMatchObject({
      state: "accepted",
      reviewedBy: "U0CHAIR",
      resultLink: "https://example.org/result-v2",
    });
  });

  it("the record and the report read back the counts", async () => {
    const t = bot();
    const { absent, spoke } = drawn;
    const record = await studyRecord(t.db, 2026);
    const row = (u: string) => record.people.find((p) => p.userId === u);
    expect(record.sessions).toBe(1);
    expect(row(spoke)).toMatchObject({ expected: 1, attended: 1, spoken: 1, hours: 1.5 });
    expect(row(absent)).toMatchObject({ expected: 1, attended: 0, absent: 1, madeUp: 0, hours: 0 });
    expect(row("U0COMM3")).toMatchObject({ excused: 1, madeUp: 1, spoken: 0, hours: 1.5 });
    const org = await loadOrgRecord(t.db);
    const period = parseReportPeriod("year", "2026");
    if (!org || !period) throw new Error("no org");
    const built = await studyReport.build(t.db, org, period, t.clock.now(), translator("zh-CN"));
    expect(built.empty).toBe(false);
    const rows = parseCsv(built.files.csv.bytes.toString("utf8"), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      "类别",
      "名称或日期",
      "应到",
      "实到",
      "请假",
      "缺席",
      "补学",
      "发言",
      "学时",
      "说明",
    ]);
    const comm3 = rows.find((r) => r[9] === "U0COMM3");
    expect(comm3?.slice(2, 9)).toEqual(["1", "0", "1", "0", "1", "0", "1.5"]);
    expect(built.comment).toContain("已开展1次");
    expect(record.projects).toEqual([
      {
        name: "基层党建数字化调研",
        lead: "U0A",
        state: "accepted",
        resultLink: "https://example.org/result-v2",
      },
    ]);
    const projectRow = rows.find((r) => r[0] === "青年课题");
    expect(projectRow?.[1]).toBe("基层党建数字化调研");
    expect(projectRow?.join(",")).toContain("成果已通过");
    expect(projectRow?.join(",")).toContain("https://example.org/result-v2");
  });
});
