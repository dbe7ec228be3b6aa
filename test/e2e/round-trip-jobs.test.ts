/**
 * The round-trip's scheduled jobs as `pbb jobs run <job> --at <time>` runs them: an occurrence
 * runs once however it is spelled, a re-run of its work adds nothing, follow-ups go in the
 * reminders' threads, the deadline lists who is overdue, and long waits remind the committee.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.ts";
import { startTestBot, type TestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  allText,
  field,
  listOf,
  runJob,
  settle,
  waitCall,
  withoutPacing,
} from "./round-trip-helpers.ts";

const BRANCH_CHANNELS = ["C0RESETTLE", "C0SERVICE", "C0RIGHTS", "C0OFFICE"];

describe.each(STORES)("the round-trip's jobs (%s)", (store) => {
  let t: TestBot;
  beforeAll(async () => {
    withoutPacing();
    t = await startTestBot({ store, now: "2026-12-02T02:00:00Z" });
  });
  afterAll(async () => {
    await t?.close();
  });

  const reminders = (channel: string) =>
    t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === channel && !c.args.thread_ts)
      .filter((c) => String(c.args.text).includes("请于"));

  it("monthly-reminder run twice for the same month posts once per branch", async () => {
    const first = await runJob(t, "monthly-reminder", "2026-12-01T09:00");
    expect(first).toMatchObject({ status: "ran", occurrence: { key: "2026-12" } });
    expect(first.status === "ran" && first.summary).toEqual({
      period: "2026-12",
      branches: 4,
      listsCreated: 4,
      remindersPosted: 4,
    });
    // The same occurrence in other spellings, and later in the month: already ran.
    for (const at of [
      "2026-12-01T09:00",
      "2026-12-01T01:00:00Z",
      "2026-12-01 09:00:00+08:00",
      "2026-12-15T12:00",
    ]) {
      const again = await runJob(t, "monthly-reminder", at);
      expect(again).toMatchObject({ status: "already-ran", occurrence: { key: "2026-12" } });
    }
    // Even the job's work done again (a retry after a crash) adds nothing.
    const job = t.bot.ctx.jobs.find((j) => j.name === "monthly-reminder");
    const org = await t.db.prisma.organization.findUniqueOrThrow({ where: { id: 1 } });
    const again = await job?.run(
      {
        db: t.db,
        org,
        logger: createLogger("silent"),
        runner: "test",
        source: "retry",
        attempt: 2,
      },
      { key: "2026-12", fireAt: new Date("2026-12-01T01:00:00Z") },
      new Date("2026-12-01T01:00:00Z"),
    );
    expect(again).toEqual({ period: "2026-12", branches: 4, listsCreated: 0, remindersPosted: 0 });
    await settle(t);
    for (const channel of BRANCH_CHANNELS) expect(reminders(channel), channel).toHaveLength(1);
    expect(await t.db.prisma.taskList.count()).toBe(4);
    const rights = reminders("C0RIGHTS")[0];
    expect(rights?.args.text).toBe(
      "<@U0SEC3> 请于2026年12月7日18:00前报送权益维护处党支部2026年12月任务清单。",
    );
  });

  it("a follow-up goes in the reminder's thread of each branch that has not submitted", async () => {
    const sec = t.slack.as("U0SEC1");
    await sec.clickButton({ channel: "C0RESETTLE", label: "填报任务清单" });
    await t.emulator.calls.waitFor("views.open");
    await sec.submitModal({
      [field(0, "title")]: "学习党章",
      [field(0, "category")]: "THEORY_STUDY",
    });
    await waitCall(t, "chat.postMessage", "C0COMMITTEE");

    const run = await runJob(t, "submission-followup", "2026-12-03T09:00");
    expect(run).toMatchObject({ status: "ran", occurrence: { key: "2026-12#0" } });
    expect(run.status === "ran" && run.summary).toEqual({
      period: "2026-12",
      followUp: 1,
      reminded: ["services", "rights", "office"],
    });
    await settle(t);
    for (const channel of ["C0SERVICE", "C0RIGHTS", "C0OFFICE"]) {
      const reminder = reminders(channel)[0];
      const thread = t.slack.thread(channel, String(reminder?.response?.ts));
      expect(thread.map((m) => m.text)).toHaveLength(2);
      expect(thread[1]?.text).toMatch(
        /^<@U0[A-Z0-9]+> 提醒：.*任务清单尚未报送，截止时间为2026年12月7日18:00。$/,
      );
    }
    expect(
      t.slack.thread("C0RESETTLE", String(reminders("C0RESETTLE")[0]?.response?.ts)),
    ).toHaveLength(1);
    // The second follow-up is its own occurrence.
    const second = await runJob(t, "submission-followup", "2026-12-04T15:00");
    expect(second).toMatchObject({ status: "ran", occurrence: { key: "2026-12#1" } });
    expect(await runJob(t, "submission-followup", "2026-12-04T16:00")).toMatchObject({
      status: "already-ran",
    });
  });

  it("lists waiting longer than approvalReminderHours remind the committee, once per threshold", async () => {
    // Submitted 2026-12-02 10:00; 48 hours have not passed on the 4th at 09:00.
    expect(await runJob(t, "approval-reminder", "2026-12-04T09:00")).toMatchObject({
      status: "ran",
      summary: { date: "2026-12-04", waiting: [] },
    });
    const due = await runJob(t, "approval-reminder", "2026-12-07T09:00");
    expect(due).toMatchObject({ status: "ran", summary: { waiting: ["resettlement"] } });
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => String(c.args.text).includes("48"),
    });
    expect(allText(posted.args.blocks)).toContain("• *移交安置处党支部* 2026年12月，第1版");
    // Reminded within the threshold: not again the next working day.
    expect(await runJob(t, "approval-reminder", "2026-12-08T09:00")).toMatchObject({
      status: "ran",
      summary: { waiting: [] },
    });
    const list = await listOf(t.db, "resettlement", "2026-12");
    expect(list.lastEscalatedAt?.toISOString()).toBe("2026-12-07T01:00:00.000Z");
  });

  it("at the deadline the committee gets the branches still overdue", async () => {
    const run = await runJob(t, "submission-deadline", "2026-12-07T18:00");
    expect(run).toMatchObject({
      status: "ran",
      occurrence: { key: "2026-12" },
      summary: { overdue: ["services", "rights", "office"] },
    });
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => String(c.args.text).includes("未按时报送"),
    });
    expect(posted.args.text).toBe("3个支部未按时报送2026年12月任务清单。");
    const text = allText(posted.args.blocks);
    expect(text).toContain("截至2026年12月7日18:00，以下3个支部未报送2026年12月任务清单：");
    expect(text).toContain("• *服务保障处党支部* · <#C0SERVICE>：未报送");
    expect(text).not.toContain("移交安置处党支部");
  });
});
