/**
 * The monthly round trip end to end, as people do it in Slack (driver + emulator + the real
 * bot): reminder → modal → inline errors → submit → committee returns with a comment → revise
 * → resubmit → another member approves → plan in the branch channel → items done → summary.
 */
import { describe, expect, it } from "vitest";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../src/slack/ids/tasklist.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  allText,
  buttonsOf,
  field,
  listOf,
  runJob,
  settle,
  storedState,
  waitAny,
  waitCall,
} from "./round-trip-helpers.ts";

const COMMENT_FIELD = `${TASKLIST_BLOCK.returnComment}.${TASKLIST_ACTION.returnComment}`;

describe.each(STORES)("the monthly round trip (%s)", (store) => {
  const bot = useTestBot({ store, now: "2026-12-01T01:00:00Z" });

  it("goes from the monthly reminder to the month-end summary", async () => {
    const t = bot();
    // ---- the reminder, as `pbb jobs run monthly-reminder --at 2026-12-01T09:00` fires it
    const ran = await runJob(t, "monthly-reminder", "2026-12-01T09:00");
    expect(ran.status).toBe("ran");
    await settle(t);
    const reminderCall = await waitCall(t, "chat.postMessage", "C0RESETTLE");
    const reminder = t.slack.lastMessage("C0RESETTLE");
    expect(reminder?.text).toBe(
      "<@U0SEC1> 请于2026年12月7日18:00前报送移交安置处党支部2026年12月任务清单。",
    );
    expect(allText(reminder?.blocks)).toContain("移交安置处党支部2026年12月任务清单");
    expect(allText(reminder?.blocks)).toContain("<@U0SEC1> 请于 *2026年12月7日18:00* 前报送");
    expect(buttonsOf(reminder?.blocks)).toEqual([
      expect.objectContaining({ text: "填报任务清单", style: "primary" }),
    ]);
    expect(reminderCall.response).toMatchObject({ ok: true });
    await expect
      .poll(async () => (await listOf(t.db, "resettlement", "2026-12")).reminderTs)
      .toBe(reminder?.ts);

    // ---- the secretary opens the modal and adds a second row
    t.clock.set("2026-12-02T02:00:00Z");
    const sec = t.slack.as("U0SEC1");
    await sec.clickButton({ channel: "C0RESETTLE", label: "填报任务清单" });
    await t.emulator.calls.waitFor("views.open");
    expect(t.slack.openView("U0SEC1")?.title).toMatchObject({ text: "月度任务清单" });
    await sec.clickButton({ view: "modal", label: "添加任务" });
    await t.emulator.calls.waitFor("views.update");
    expect(allText(t.slack.openView("U0SEC1")?.blocks)).toContain("任务2");

    // ---- an invalid submission: errors on the fields at fault, nothing stored
    await settle(t);
    const before = await storedState(t.db);
    const invalid = await sec.submitModal({
      [field(0, "title")]: "   ",
      [field(0, "category")]: "THEORY_STUDY",
      [field(1, "title")]: "开展主题党日活动",
      [field(1, "category")]: "THEME_PARTY_DAY",
      [field(1, "due")]: "2027-06-01",
    });
    expect(invalid.outcome).toBe("errors");
    expect(invalid.errors).toEqual({
      tl_item_0_title: "请填写任务内容。",
      tl_item_1_due: "完成时限不能晚于2027年3月31日。",
    });
    expect(await storedState(t.db)).toEqual(before);

    // ---- a valid submission: the committee sees it, items grouped by category
    const valid = await sec.submitModal({
      [field(0, "title")]: "学习贯彻全会精神",
      [field(0, "category")]: "THEORY_STUDY",
      [field(0, "owner")]: "U0A",
      [field(0, "due")]: "2026-12-20",
      [field(1, "title")]: "开展主题党日活动",
      [field(1, "category")]: "THEME_PARTY_DAY",
      [field(1, "due")]: "2026-12-25",
    });
    expect(valid.outcome).toBe("closed");
    await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    const committee1 = t.slack.lastMessage("C0COMMITTEE");
    expect(committee1?.text).toBe("移交安置处党支部2026年12月任务清单（第1版，共2项）待审核。");
    const c1 = allText(committee1?.blocks);
    expect(c1).toContain("任务清单：移交安置处党支部2026年12月");
    expect(c1).toContain("*支部*\n移交安置处党支部");
    expect(c1).toContain("*月份*\n2026年12月");
    expect(c1).toContain("*报送*\n<@U0SEC1>，2026年12月2日10:00");
    expect(c1).toContain(
      "*政治理论学习* · 1项\n• 学习贯彻全会精神 · 责任人：<@U0A> · 完成时限：2026年12月20日",
    );
    expect(c1).toContain("*主题党日活动* · 1项\n• 开展主题党日活动 · 完成时限：2026年12月25日");
    expect(buttonsOf(committee1?.blocks)).toEqual([
      expect.objectContaining({ text: "通过", style: "primary" }),
      expect.objectContaining({ text: "退回", style: "danger" }),
      expect.objectContaining({ text: "查看完整清单" }),
    ]);
    // The reminder is updated in place.
    await waitCall(t, "chat.update", "C0RESETTLE", { where: (c) => c.args.ts === reminder?.ts });
    expect(t.emulator.workspace.message("C0RESETTLE", reminder?.ts ?? "")?.text).toBe(
      "移交安置处党支部2026年12月任务清单已报送，等待机关党委审核。",
    );

    // ---- a member's reply in the reminder's thread is a comment the committee sees; another
    // bot's message there is not
    await t.slack.sendEvent({
      type: "message",
      subtype: "bot_message",
      bot_id: "B0OTHER",
      text: "automated notice",
      ts: "1796100000.000100",
      thread_ts: reminder?.ts ?? "",
      channel: "C0RESETTLE",
    });
    const reply = await t.slack
      .as("U0B")
      .replyInThread("C0RESETTLE", reminder?.ts ?? "", "建议增加一项为民服务");
    expect(reply.event?.ok).toBe(true);
    // Slack retries the same event (same event_id): it is recorded once.
    if (reply.event) await t.slack.deliver("events_api", reply.event.envelope, { retryNum: 1 });
    await waitCall(t, "chat.update", "C0COMMITTEE", { where: (c) => c.args.ts === committee1?.ts });
    const withComment = t.emulator.workspace.message("C0COMMITTEE", committee1?.ts ?? "");
    expect(allText(withComment?.blocks)).toContain("💬 支部讨论串中有1条意见。");
    expect(allText(withComment?.blocks)).toContain("> <@U0B>: 建议增加一项为民服务");
    expect(await t.db.prisma.listComment.count()).toBe(1);

    // ---- the chair returns it; a comment is required
    t.clock.set("2026-12-03T02:00:00Z");
    const chair = t.slack.as("U0CHAIR");
    await chair.clickButton({ channel: "C0COMMITTEE", label: "退回" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    expect(t.slack.openView("U0CHAIR")?.title).toMatchObject({ text: "退回任务清单" });
    const blank = await chair.submitModal({ [COMMENT_FIELD]: "  " });
    expect(blank.outcome).toBe("errors");
    expect(blank.errors).toEqual({ [TASKLIST_BLOCK.returnComment]: "请填写退回意见。" });
    const returned = await chair.submitModal({ [COMMENT_FIELD]: "请补充为民服务项目" });
    expect(returned.outcome).toBe("closed");

    // The branch channel gets the comment and a Revise button; the secretary gets a DM.
    const notice = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => String(c.args.text).includes("退回"),
    });
    expect(notice.args.text).toBe(
      "移交安置处党支部2026年12月任务清单被<@U0CHAIR>退回：请补充为民服务项目",
    );
    expect(allText(notice.args.blocks)).toContain("> 请补充为民服务项目");
    expect(buttonsOf(notice.args.blocks)).toEqual([
      expect.objectContaining({ text: "修改后重新报送", style: "primary" }),
    ]);
    await waitAny(t, "chat.postMessage", (c) => String(c.args.channel).startsWith("D"));
    const dm = t.slack.lastMessage("U0SEC1");
    expect(dm?.text).toBe("移交安置处党支部2026年12月任务清单被<@U0CHAIR>退回：请补充为民服务项目");
    expect(allText(dm?.blocks)).toContain("第1版）被<@U0CHAIR>于2026年12月3日10:00退回");
    // The committee message says who returned it, and its buttons are gone.
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === committee1?.ts && String(c.args.text).includes("已退回"),
    });
    const decided1 = t.emulator.workspace.message("C0COMMITTEE", committee1?.ts ?? "");
    expect(allText(decided1?.blocks)).toContain(
      "↩️ <@U0CHAIR>于2026年12月3日10:00退回： _请补充为民服务项目_",
    );
    expect(buttonsOf(decided1?.blocks).map((b) => b.text)).toEqual(["查看完整清单"]);

    // ---- the secretary revises: the modal opens pre-filled with the returned revision
    t.clock.set("2026-12-03T07:00:00Z");
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: notice.response?.ts as string,
      label: "修改后重新报送",
    });
    await t.emulator.calls.waitFor("views.open", { count: 3 });
    const revise = t.slack.openView("U0SEC1");
    const reviseText = allText(revise?.blocks);
    expect(reviseText).toContain("第1版已退回，请修改");
    expect(reviseText).toContain("已按退回的版本预先填写。");
    expect(reviseText).toContain("*机关党委退回意见：*\n> 请补充为民服务项目");
    expect(JSON.stringify(revise?.blocks)).toContain('"initial_value":"学习贯彻全会精神"');
    await sec.clickButton({ view: "modal", label: "添加任务" });
    await t.emulator.calls.waitFor("views.update", { count: 2 });
    const resubmitted = await sec.submitModal({
      [field(1, "title")]: "开展“七一”主题党日活动",
      [field(2, "title")]: "走访慰问困难退役军人",
      [field(2, "category")]: "SERVICE_PROJECT",
      [field(2, "due")]: "2026-12-28",
    });
    expect(resubmitted.outcome).toBe("closed");

    // Revision 2 in the committee channel shows what changed.
    await waitCall(t, "chat.postMessage", "C0COMMITTEE", { count: 2 });
    const committee2 = t.slack.lastMessage("C0COMMITTEE");
    expect(committee2?.ts).not.toBe(committee1?.ts);
    expect(committee2?.text).toBe("移交安置处党支部2026年12月任务清单（第2版，共3项）待审核。");
    const c2 = allText(committee2?.blocks);
    expect(c2).toContain("*与第1版相比的变化*");
    expect(c2).toContain("➕ 新增：走访慰问困难退役军人 · 完成时限：2026年12月28日");
    expect(c2).toContain("✏️ 修改：开展主题党日活动 → 开展“七一”主题党日活动（任务内容）");
    expect(c2).toContain("其余1项未变。");
    expect(c2).toContain("*为民服务项目* · 1项");
    // The returned notice loses its Revise button.
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === notice.response?.ts,
    });
    const noticeNow = t.emulator.workspace.message("C0RESETTLE", String(notice.response?.ts));
    expect(allText(noticeNow?.blocks)).toContain("已修改并重新报送为第2版。");
    expect(buttonsOf(noticeNow?.blocks)).toEqual([]);

    // ---- another committee member approves revision 2
    t.clock.set("2026-12-04T01:30:00Z");
    await t.slack.as("U0DEPUTY").clickButton({
      channel: "C0COMMITTEE",
      messageTs: committee2?.ts ?? "",
      label: "通过",
    });
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === committee2?.ts && String(c.args.text).includes("已审核通过"),
    });
    const approved = t.emulator.workspace.message("C0COMMITTEE", committee2?.ts ?? "");
    expect(approved?.text).toBe("移交安置处党支部2026年12月任务清单（第2版）已审核通过。");
    expect(allText(approved?.blocks)).toContain("✅ <@U0DEPUTY>于2026年12月4日9:30审核通过。");
    expect(buttonsOf(approved?.blocks).map((b) => b.text)).toEqual(["查看完整清单"]);

    // The approved plan goes back to the branch channel, with done toggles.
    const planCall = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => String(c.args.text).includes("任务清单（已通过）"),
    });
    const planTs = String(planCall.response?.ts);
    const plan = t.emulator.workspace.message("C0RESETTLE", planTs);
    expect(plan?.text).toBe("移交安置处党支部2026年12月任务清单（已通过）：已完成0/3项。");
    expect(allText(plan?.blocks)).toContain("<@U0DEPUTY>于2026年12月4日9:30审核通过（第2版）。");
    expect(buttonsOf(plan?.blocks).map((b) => b.text)).toEqual([
      "标记完成",
      "标记完成",
      "标记完成",
      "调整清单",
    ]);
    await waitAny(t, "chat.postMessage", (c) => String(c.args.channel).startsWith("D"), 2);
    expect(t.slack.lastMessage("U0SEC1")?.text).toBe(
      "移交安置处党支部2026年12月任务清单已由<@U0DEPUTY>审核通过。",
    );

    // ---- an older copy: the return DM's Revise button, clicked after approval, says what
    // happened instead of opening the amendment flow it never offered
    const opened = t.emulator.calls.of("views.open").length;
    const answered = t.emulator.calls.of("response_url").length;
    await sec.clickButton({
      channel: "U0SEC1",
      messageTs: dm?.ts as string,
      label: "修改后重新报送",
    });
    const stale = await waitAny(t, "response_url", () => true, answered + 1);
    expect(stale.args.text).toBe(
      "无法执行此操作：该清单已审核通过，无需再报送；如需调整，请使用支部频道中已通过清单的“调整清单”按钮。",
    );
    expect(t.emulator.calls.of("views.open")).toHaveLength(opened);

    // ---- items are marked done: by the item's owner and by the secretary
    const list = await listOf(t.db, "resettlement", "2026-12");
    expect(list.state).toBe("APPROVED");
    const items = list.revisions[1]?.items.sort((a, b) => a.position - b.position) ?? [];
    t.clock.set("2026-12-20T08:00:00Z");
    await t.slack.as("U0A").clickButton({
      channel: "C0RESETTLE",
      messageTs: planTs,
      blockId: `${TASKLIST_BLOCK.planItem}${items[0]?.id}`,
    });
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === planTs && String(c.args.text).includes("1/3"),
    });
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: planTs,
      blockId: `${TASKLIST_BLOCK.planItem}${items[2]?.id}`,
    });
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === planTs && String(c.args.text).includes("2/3"),
    });
    const planNow = t.emulator.workspace.message("C0RESETTLE", planTs);
    const planText = allText(planNow?.blocks);
    expect(planText).toContain("已完成2/3项（67%）。");
    expect(planText).toContain("✅ 学习贯彻全会精神");
    expect(planText).toContain("<@U0A>标记完成");
    expect(buttonsOf(planNow?.blocks).map((b) => b.text)).toEqual([
      "撤销完成",
      "标记完成",
      "撤销完成",
      "调整清单",
    ]);

    // ---- month-end summary early next month
    const summaryRun = await runJob(t, "month-end-summary", "2027-01-04T09:00");
    expect(summaryRun.status).toBe("ran");
    const summary = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => String(c.args.text).includes("月末小结"),
    });
    const summaryText = allText(summary.args.blocks);
    expect(summaryText).toContain("2026年12月");
    expect(summaryText).toContain("• *移交安置处党支部* — 已通过 · 按时报送 · 完成2/3项（67%）");
    expect(summaryText).toContain("• *服务保障处党支部* — 未报送 · 未报送 · 无已通过的清单");

    // Every change is in the audit log, with who and from where.
    const audit = await t.db.prisma.auditLog.findMany({
      where: { entity: "TaskList", entityId: String(list.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actor, a.source])).toEqual([
      ["tasklist.remind", "monthly-reminder", "monthly-reminder"],
      ["tasklist.submit", "U0SEC1", "tasklist_modal"],
      ["tasklist.comment", "U0B", "message"],
      ["tasklist.return", "U0CHAIR", "tasklist_return_modal"],
      ["tasklist.resubmit", "U0SEC1", "tasklist_modal"],
      ["tasklist.approve", "U0DEPUTY", "tasklist_approve"],
      ["tasklist.item.done", "U0A", "tasklist_mark_done"],
      ["tasklist.item.done", "U0SEC1", "tasklist_mark_done"],
    ]);
    expect(t.emulator.calls.failures()).toEqual([]);
  });
});
