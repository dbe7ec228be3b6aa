/**
 * The weekly lecture hall end to end: the real bot on its HTTP receiver, the local Slack, the
 * example org (zh-CN, 12 people in the roster). Jobs run as `pbb jobs run` runs them; people
 * click and submit through the driver.
 */
import { describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { LECTURE_ACTION } from "../../src/slack/ids/lecture.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { mentionedUsers, runJob, waitCall } from "../services/lecture/helpers.ts";

const json = (c: RecordedCall) => JSON.stringify(c.args);

describe.each(STORES)("the lecture hall in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    // the one Slack flow run with the outbox's real pacing between its posts
    paced: true,
    now: "2026-12-02T08:00:00Z",
    setUp: async (t) => {
      roster = t.org.lectureHall?.roster ?? [];
    },
  });
  let roster: string[];
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const turns = () =>
    bot().db.prisma.lectureTurn.findMany({ orderBy: { id: "asc" }, include: { session: true } });
  const refusal = (count = 1) =>
    bot().emulator.calls.waitFor("response_url", {
      count,
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).startsWith("无法执行此操作"),
    });

  it("the speaker is told a week ahead, then the notice names the speaker and nobody else", async () => {
    const t = bot();
    expect((await runJob(t.db, "lecture-speaker-reminder", "2026-12-02T16:00")).status).toBe("ran");
    const reminder = await waitCall(t, "chat.postMessage", dm("U0CHAIR"));
    expect(json(reminder)).toContain("距今还有一周");
    for (const id of [LECTURE_ACTION.confirm, LECTURE_ACTION.openTopic, LECTURE_ACTION.drop])
      expect(json(reminder)).toContain(id);

    t.clock.set("2026-12-07T08:00:00Z");
    expect((await runJob(t.db, "lecture-notice", "2026-12-07T16:00")).status).toBe("ran");
    const notice = await waitCall(t, "chat.postMessage", "C0LECTURE");
    const text = json(notice);
    expect(text).toContain("2026年12月9日（星期三）16:00");
    expect(text).toContain("三楼会议室");
    expect(text).toContain("题目待定");
    expect(mentionedUsers(notice.args)).toEqual(["U0CHAIR"]);
    for (const other of roster.filter((u) => u !== "U0CHAIR"))
      expect(text).not.toMatch(new RegExp(`\\b${other}\\b`));
  });

  it("refuses the speaker's buttons to anyone else, and nothing changes", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").clickButton({ channel: dm("U0CHAIR"), label: "确认" });
    expect(String((await refusal()).args.text)).toContain("只有本期主讲人本人可以操作");
    await t.slack.as("U0DEPUTY").clickButton({ channel: dm("U0CHAIR"), label: "提交题目" });
    await refusal(2);
    expect(t.emulator.calls.of("views.open")).toHaveLength(0);
    expect((await turns()).map((x) => [x.userId, x.state])).toEqual([["U0CHAIR", "ASSIGNED"]]);
  });

  it("the speaker confirms, and the DM shows it without the Confirm button", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").clickButton({ channel: dm("U0CHAIR"), label: "确认" });
    const updated = await waitCall(t, "chat.update", dm("U0CHAIR"));
    expect(json(updated)).toContain("您已确认");
    expect(json(updated)).not.toContain(LECTURE_ACTION.confirm);
    expect((await turns())[0]?.state).toBe("CONFIRMED");
  });

  it("the speaker submits a topic and the posted notice is updated with it", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").clickButton({ channel: dm("U0CHAIR"), label: "提交题目" });
    await t.emulator.calls.waitFor("views.open");
    const submitted = await t.slack
      .as("U0CHAIR")
      .submitModal({ "lecture_topic.lecture_topic_input": "  学习贯彻党的二十大精神 " });
    expect(submitted.outcome).toBe("closed");
    const update = await waitCall(t, "chat.update", "C0LECTURE");
    expect(json(update)).toContain("学习贯彻党的二十大精神");
    expect(mentionedUsers(update.args)).toEqual(["U0CHAIR"]);
    expect((await turns())[0]?.topic).toBe("学习贯彻党的二十大精神");
  });

  it("the speaker asks a colleague for a swap; only that colleague may accept", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").clickButton({ channel: dm("U0CHAIR"), label: "申请调换" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const asked = await t.slack
      .as("U0CHAIR")
      .submitModal({ "lecture_swap_colleague.lecture_swap_colleague": "U0DEPUTY" });
    expect(asked.outcome).toBe("closed");
    const request = await waitCall(t, "chat.postMessage", dm("U0DEPUTY"));
    expect(json(request)).toContain("<@U0CHAIR>");
    expect(json(request)).toContain(LECTURE_ACTION.acceptSwap);

    await t.slack.as("U0COMM3").clickButton({ channel: dm("U0DEPUTY"), label: "同意" });
    expect(String((await refusal(3)).args.text)).toContain("只有被邀请的同事");
    const pending = await t.db.prisma.swapRequest.findMany();
    expect(pending.map((s) => [s.fromUser, s.toUser, s.state])).toEqual([
      ["U0CHAIR", "U0DEPUTY", "PENDING"],
    ]);
  });

  it("the colleague accepts: the notice names the new speaker, both are told", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").clickButton({ channel: dm("U0DEPUTY"), label: "同意" });
    const update = await waitCall(t, "chat.update", "C0LECTURE", { count: 2 });
    expect(mentionedUsers(update.args)).toEqual(["U0DEPUTY"]);
    expect(json(update)).toContain("已更新");
    const outcome = await waitCall(t, "chat.postMessage", dm("U0CHAIR"), {
      where: (c) => json(c).includes("已同意调换"),
    });
    expect(mentionedUsers(outcome.args)).toEqual(["U0DEPUTY"]);
    const assigned = await waitCall(t, "chat.postMessage", dm("U0DEPUTY"), { count: 2 });
    expect(json(assigned)).toContain("您是2026年12月9日（星期三）16:00干部能力提升大讲堂的主讲人");
    expect((await turns()).map((x) => [x.userId, x.state])).toEqual([
      ["U0CHAIR", "SWAPPED_OUT"],
      ["U0DEPUTY", "ASSIGNED"],
    ]);
    expect((await t.db.prisma.swapRequest.findFirst())?.state).toBe("ACCEPTED");
  });

  it("the former speaker cannot act on the colleague's new turn", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").clickButton({ channel: dm("U0DEPUTY"), label: "无法参加" });
    expect(String((await refusal(4)).args.text)).toContain("只有本期主讲人本人");
    expect((await turns()).map((x) => x.state)).toEqual(["SWAPPED_OUT", "ASSIGNED"]);
  });

  it("audits every change", async () => {
    const t = bot();
    const log = await t.db.prisma.auditLog.findMany({
      where: { action: { startsWith: "lecture." } },
      orderBy: { id: "asc" },
    });
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ["lecture.assign", "rotation"],
      ["lecture.confirm", "U0CHAIR"],
      ["lecture.topic", "U0CHAIR"],
      ["lecture.swap.request", "U0CHAIR"],
      ["lecture.swap.accept", "U0DEPUTY"],
    ]);
  });
});
