/**
 * The branch's side beyond the first submission: a modal closed half-filled comes back as a
 * draft, a waiting revision is withdrawn and submitted again, the approved plan is amended
 * (items done stay done), and next month starts from this month's unfinished items.
 */
import { describe, expect, it } from "vitest";
import { TASKLIST_BLOCK } from "../../src/slack/ids/tasklist.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  allText,
  buttonsOf,
  field,
  listOf,
  runJob,
  settle,
  waitCall,
} from "./round-trip-helpers.ts";

describe.each(STORES)("the branch's side of the round trip (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2026-12-02T02:00:00Z",
    setUp: async (t) => {
      await runJob(t, "monthly-reminder", "2026-12-01T09:00");
      await settle(t);
      reminderTs = t.slack.lastMessage("C0RESETTLE")?.ts ?? "";
    },
  });
  let reminderTs = "";
  let committeeTs = "";

  const sec = () => bot().slack.as("U0SEC1");
  const reminder = () => bot().emulator.workspace.message("C0RESETTLE", reminderTs);
  async function open(label: string, where: { channel: string; messageTs?: string }) {
    const opened = bot().emulator.calls.of("views.open").length;
    await sec().clickButton({ ...where, label });
    await bot().emulator.calls.waitFor("views.open", { count: opened + 1 });
    return bot().slack.openView("U0SEC1");
  }

  it("a modal closed half-filled is kept as a draft and offered next time", async () => {
    const t = bot();
    await open("填报任务清单", { channel: "C0RESETTLE" });
    sec().fill({ [field(0, "title")]: "组织观看警示教育片", [field(0, "due")]: "2026-12-15" });
    await sec().closeModal();
    await expect.poll(() => t.db.prisma.listDraft.count()).toBe(1);

    const again = await open("填报任务清单", { channel: "C0RESETTLE" });
    expect(allText(again?.blocks)).toContain("已恢复您上次未填完的草稿。");
    expect(JSON.stringify(again?.blocks)).toContain('"initial_value":"组织观看警示教育片"');
    expect(JSON.stringify(again?.blocks)).toContain('"initial_date":"2026-12-15"');
    const done = await sec().submitModal({ [field(0, "category")]: "CONDUCT_INTEGRITY" });
    expect(done.outcome).toBe("closed");
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    committeeTs = String(posted.response?.ts);
    expect(allText(posted.args.blocks)).toContain(
      "• 组织观看警示教育片 · 完成时限：2026年12月15日",
    );
    expect(await t.db.prisma.listDraft.count()).toBe(0);
  });

  it("a waiting revision is withdrawn, then submitted again", async () => {
    const t = bot();
    await waitCall(t, "chat.update", "C0RESETTLE", { where: (c) => c.args.ts === reminderTs });
    expect(buttonsOf(reminder()?.blocks)).toEqual([
      expect.objectContaining({ text: "撤回", style: "danger" }),
    ]);
    await sec().clickButton({ channel: "C0RESETTLE", messageTs: reminderTs, label: "撤回" });
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === committeeTs && String(c.args.text).includes("撤回"),
    });
    const withdrawn = t.emulator.workspace.message("C0COMMITTEE", committeeTs);
    expect(allText(withdrawn?.blocks)).toContain("支部书记已于2026年12月2日10:00撤回。");
    expect(buttonsOf(withdrawn?.blocks).map((b) => b.text)).toEqual(["查看完整清单"]);
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === reminderTs && String(c.args.text).includes("请于"),
    });
    expect(allText(reminder()?.blocks)).toContain("第1版已由支部书记撤回。");
    expect((await listOf(t.db, "resettlement", "2026-12")).state).toBe("DRAFT");

    const modal = await open("填报任务清单", { channel: "C0RESETTLE", messageTs: reminderTs });
    expect(allText(modal?.blocks)).toContain("已按撤回的版本预先填写。");
    expect((await sec().submitModal()).outcome).toBe("closed");
    const second = await waitCall(t, "chat.postMessage", "C0COMMITTEE", { count: 2 });
    committeeTs = String(second.response?.ts);
    expect(second.args.text).toBe("移交安置处党支部2026年12月任务清单（第2版，共1项）待审核。");
    expect(allText(second.args.blocks)).toContain("*与第1版相比的变化*\n任务没有变化。");
  });

  it("the approved plan is amended; items done stay done", async () => {
    const t = bot();
    t.clock.set("2026-12-03T02:00:00Z");
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: committeeTs, label: "通过" });
    const planCall = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => String(c.args.text).includes("任务清单（已通过）"),
    });
    const planTs = String(planCall.response?.ts);
    const [item] = (await listOf(t.db, "resettlement", "2026-12")).revisions[1]?.items ?? [];
    await sec().clickButton({
      channel: "C0RESETTLE",
      messageTs: planTs,
      blockId: `${TASKLIST_BLOCK.planItem}${item?.id}`,
    });
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === planTs && String(c.args.text).includes("1/1"),
    });

    const modal = await open("调整清单", { channel: "C0RESETTLE", messageTs: planTs });
    expect(allText(modal?.blocks)).toContain("任务清单调整（机关党委审核前，第2版继续有效）");
    expect(allText(modal?.blocks)).toContain("已按已通过的清单预先填写。");
    const adds = t.emulator.calls.of("views.update").length;
    await sec().clickButton({ view: "modal", label: "添加任务" });
    await t.emulator.calls.waitFor("views.update", { count: adds + 1 });
    const amended = await sec().submitModal({
      [field(1, "title")]: "开展廉政谈话",
      [field(1, "category")]: "CONDUCT_INTEGRITY",
    });
    expect(amended.outcome).toBe("closed");
    const amendment = await waitCall(t, "chat.postMessage", "C0COMMITTEE", { count: 3 });
    expect(allText(amendment.args.blocks)).toContain("*版本*\n第3版（已通过清单的调整）");
    expect(allText(amendment.args.blocks)).toContain("➕ 新增：开展廉政谈话");
    // While it waits, the plan in force says so and offers no second amendment.
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === planTs && allText(c.args.blocks).includes("调整申请正在等待"),
    });
    expect(allText(reminder()?.blocks)).toContain(
      "调整申请正在等待机关党委审核，审核期间原清单继续有效。",
    );

    await t.slack.as("U0COMM3").clickButton({
      channel: "C0COMMITTEE",
      messageTs: String(amendment.response?.ts),
      label: "通过",
    });
    await waitCall(t, "chat.update", "C0RESETTLE", {
      where: (c) => c.args.ts === planTs && String(c.args.text).includes("1/2"),
    });
    const plan = t.emulator.workspace.message("C0RESETTLE", planTs);
    const text = allText(plan?.blocks);
    expect(text).toContain("<@U0COMM3>于2026年12月3日10:00审核通过（第3版）。");
    expect(text).toContain("✅ 组织观看警示教育片");
    expect(text).toContain("⬜ 开展廉政谈话");
    expect(buttonsOf(plan?.blocks).map((b) => b.text)).toEqual([
      "撤销完成",
      "标记完成",
      "调整清单",
    ]);
    const list = await listOf(t.db, "resettlement", "2026-12");
    expect(list.revisions.map((r) => r.status)).toEqual(["WITHDRAWN", "SUPERSEDED", "APPROVED"]);
  });

  it("next month's reminder offers this month's unfinished items", async () => {
    const t = bot();
    await runJob(t, "monthly-reminder", "2027-01-04T09:00");
    await settle(t);
    const january = t.slack.lastMessage("C0RESETTLE");
    expect(allText(january?.blocks)).toContain("上月未完成的1项任务将作为本月清单的初稿。");
    const modal = await open("填报任务清单", { channel: "C0RESETTLE", messageTs: january?.ts });
    expect(allText(modal?.blocks)).toContain("已预先填入上月未完成的任务。");
    expect(JSON.stringify(modal?.blocks)).toContain('"initial_value":"开展廉政谈话"');
    expect(JSON.stringify(modal?.blocks)).not.toContain("组织观看警示教育片");
  });
});
