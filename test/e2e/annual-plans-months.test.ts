/**
 * The year's plans feed the months, end to end in Slack: the monthly reminder names the plan
 * items due that month (its month or its quarter), the task-list modal offers them as
 * checkboxes, the ticked ones become rows linked to their plan items, and marking such a row
 * done marks the plan item done (its event names the monthly item). A plan item is marked done
 * or moved on its own from the plan in force (secretaries only; a move needs a reason and a new
 * date after today in the plan's year: inline errors, nothing stored).
 */
import { describe, expect, it } from "vitest";
import type { PlanTarget } from "../../src/domain/annual-plan.ts";
import { decidePlan } from "../../src/services/annual-plans/decide.ts";
import {
  changePlanItem,
  checkPlanItemChange,
  planRowsForList,
} from "../../src/services/annual-plans/items.ts";
import { submitPlan } from "../../src/services/annual-plans/submit.ts";
import { PLAN_ACTION, PLAN_BLOCK } from "../../src/slack/ids/annual-plans.ts";
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
calendar: { useStatutoryHolidays: false }
`;

/** A branch's plan of 2027 submitted by its secretary (through the use case), items as given. */
async function submittedPlan(
  t: TestBot,
  branchKey: string,
  kind: "ARRANGEMENT" | "THEORY",
  items: { title: string; target: PlanTarget; ownerUserId?: string }[],
) {
  const plan = await t.db.prisma.annualPlan.findFirstOrThrow({
    where: { year: 2027, kind, branch: { key: branchKey } },
  });
  const submitted = await submitPlan(t.bot.ctx, {
    planId: plan.id,
    userId: branchKey === "finance" ? "U0SEC2" : "U0SEC1",
    items: items.map((i) => ({ ownerUserId: null, expectedResult: null, ...i })),
    source: "test",
  });
  expect(submitted).toMatchObject({ ok: true });
  return plan;
}

const itemOf = (t: TestBot, title: string) =>
  t.db.prisma.annualPlanItem.findFirstOrThrow({ where: { title }, include: { events: true } });

describe.each(STORES)("the year's plans in the months (%s)", (store) => {
  const bot = useTestBot({ store, orgText: ORG, now: "2027-01-10T01:00:00Z" });

  it("names, offers, links and advances the plan items due in the month", async () => {
    const t = bot();
    expect((await runJob(t, "annual-plan-reminder", "2027-01-05T09:00")).status).toBe("ran");
    const arrangement = await submittedPlan(t, "resettlement", "ARRANGEMENT", [
      { title: "April branch meeting on the plan", target: { month: 4 }, ownerUserId: "U0MEM1" },
      { title: "Quarterly party lesson", target: { quarter: 2 } },
      { title: "September review", target: { month: 9 } },
    ]);
    const theory = await submittedPlan(t, "resettlement", "THEORY", [
      { title: "Study of the new rules", target: { month: 5 } },
    ]);
    await submittedPlan(t, "finance", "ARRANGEMENT", [
      { title: "Finance April audit", target: { month: 4 } },
    ]);
    for (const plan of await t.db.prisma.annualPlan.findMany({ where: { state: "SUBMITTED" } }))
      expect(
        await decidePlan(t.bot.ctx, {
          planId: plan.id,
          revision: 1,
          userId: "U0CHAIR",
          decision: "approve",
          source: "test",
        }),
      ).toMatchObject({ ok: true });
    await settle(t);

    // ---- the April reminder names April's and the second quarter's items, not September's
    t.clock.set("2027-04-01T01:00:00Z");
    expect((await runJob(t, "monthly-reminder", "2027-04-01T09:00")).status).toBe("ran");
    await settle(t);
    const reminder = t.slack
      .messages("C0RESETTLE")
      .find((m) => String(m.text).includes("task list"));
    const named = allText(reminder?.blocks);
    expect(named).toContain("From the year's plans, due this month* (2)");
    expect(named).toContain(
      "• April branch meeting on the plan (Party building work arrangement, month 4)",
    );
    expect(named).toContain("• Quarterly party lesson (Party building work arrangement, Q2)");
    expect(named).not.toContain("Study of the new rules");
    expect(named).not.toContain("September review");
    expect(named).not.toContain("Finance April audit");

    // ---- the modal offers them; ticking two makes two linked rows (the empty row is dropped)
    const sec = t.slack.as("U0SEC1");
    const committeePosts = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C0COMMITTEE").length;
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: reminder?.ts,
      label: "Fill in task list",
    });
    await t.emulator.calls.waitFor("views.open");
    const modal = t.slack.openView("U0SEC1");
    const offer = JSON.stringify(modal?.blocks);
    expect(offer).toContain(`"block_id":"${TASKLIST_BLOCK.planOffer}0"`);
    expect(allText(modal?.blocks)).toContain("From the year's plans");
    expect(offer).not.toContain("Finance April audit");
    const april = await itemOf(t, "April branch meeting on the plan");
    const lesson = await itemOf(t, "Quarterly party lesson");
    const submitted = await sec.submitModal({
      [`${TASKLIST_BLOCK.planOffer}0.${TASKLIST_ACTION.planOffer}`]: [
        String(april.id),
        String(lesson.id),
      ],
    });
    expect(submitted.outcome).toBe("closed");
    const listCommittee = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      count: committeePosts + 1,
    });
    const rows = await t.db.prisma.taskItem.findMany({ orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.title, r.category, r.ownerUserId, r.planItemId])).toEqual([
      ["April branch meeting on the plan", "WORK_ARRANGEMENT", "U0MEM1", april.id],
      ["Quarterly party lesson", "WORK_ARRANGEMENT", null, lesson.id],
    ]);

    // ---- approved; the monthly row marked done marks the plan item done, naming the row
    await t.slack.as("U0CHAIR").clickButton({
      channel: "C0COMMITTEE",
      messageTs: String(listCommittee.response?.ts),
      label: "Approve",
    });
    const listMessage = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => JSON.stringify(c.args.blocks).includes(TASKLIST_BLOCK.planItem),
    });
    await settle(t);
    const row = rows[0];
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: String(listMessage.response?.ts),
      blockId: `${TASKLIST_BLOCK.planItem}${row?.id}`,
    });
    await until(
      t,
      async () => (await itemOf(t, "April branch meeting on the plan")).status === "DONE",
    );
    const done = await itemOf(t, "April branch meeting on the plan");
    expect(done.status).toBe("DONE");
    expect(done.doneBy).toBe("U0SEC1");
    expect(done.events.map((e) => [e.kind, e.detail])).toEqual([
      [
        "done",
        { via: "monthly", taskItemId: row?.id, listId: expect.any(Number), period: "2027-04" },
      ],
    ]);
    expect((await itemOf(t, "Quarterly party lesson")).status).toBe("OPEN");

    // ---- the plan in force: a member may not change its items
    const planPost = t.slack
      .messages("C0RESETTLE")
      .find(
        (m) =>
          JSON.stringify(m.blocks).includes(PLAN_BLOCK.approvedActions) &&
          String(m.text).includes("Party building work arrangement"),
      );
    expect(planPost).toBeDefined();
    await t.slack.as("U0MEM1").clickButton({
      channel: "C0RESETTLE",
      messageTs: planPost?.ts,
      blockId: PLAN_BLOCK.approvedActions,
    });
    const refused = await waitAny(t, "response_url", (c) =>
      String(c.args.text).includes("secretaries"),
    );
    expect(String(refused.args.text)).toContain("only the branch's secretaries");

    // ---- a move needs a reason and a date after today within the year; nothing stored
    const opened = t.emulator.calls.of("views.open").length;
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: planPost?.ts,
      blockId: PLAN_BLOCK.approvedActions,
    });
    await t.emulator.calls.waitFor("views.open", { count: opened + 1 });
    const itemsModal = t.slack.openView("U0SEC1");
    expect(allText(itemsModal?.blocks)).not.toContain("April branch meeting on the plan ·");
    const pick = `${PLAN_BLOCK.itemPick}.${PLAN_ACTION.itemPick}`;
    const how = `${PLAN_BLOCK.itemChange}.${PLAN_ACTION.itemChange}`;
    const date = `${PLAN_BLOCK.itemDate}.${PLAN_ACTION.itemDate}`;
    const reason = `${PLAN_BLOCK.itemReason}.${PLAN_ACTION.itemReason}`;
    const bad = await sec.submitModal({
      [pick]: String(lesson.id),
      [how]: "move",
      [date]: "2028-02-01",
      [reason]: "  ",
    });
    expect(bad.outcome).toBe("errors");
    expect(bad.errors).toEqual({
      [PLAN_BLOCK.itemReason]: "Give the reason for the new date.",
      [PLAN_BLOCK.itemDate]: "The new date must be in 2027.",
    });
    const past = await sec.submitModal({ [date]: "2027-03-15", [reason]: "Speaker ill" });
    expect(past.errors).toEqual({
      [PLAN_BLOCK.itemDate]: "The new date must be after today (2027-04-01).",
    });
    expect((await itemOf(t, "Quarterly party lesson")).target).toBe("q2");
    expect(await sec.submitModal({ [date]: "2027-07-20" })).toMatchObject({ outcome: "closed" });
    await until(t, async () => (await itemOf(t, "Quarterly party lesson")).target === "m7");
    const moved = await itemOf(t, "Quarterly party lesson");
    expect(moved).toMatchObject({ target: "m7", movedFrom: "q2", moveReason: "Speaker ill" });
    expect(moved.events.map((e) => [e.kind, e.by, e.detail])).toEqual([
      [
        "rescheduled",
        "U0SEC1",
        expect.objectContaining({
          from: "q2",
          to: "m7",
          reason: "Speaker ill",
          date: "2027-07-20",
        }),
      ],
    ]);

    // ---- marked done on its own; the plan in force shows it
    await sec.clickButton({
      channel: "C0RESETTLE",
      messageTs: planPost?.ts,
      blockId: PLAN_BLOCK.approvedActions,
    });
    await t.emulator.calls.waitFor("views.open", { count: opened + 2 });
    expect(await sec.submitModal({ [pick]: String(moved.id), [how]: "done" })).toMatchObject({
      outcome: "closed",
    });
    await until(t, async () => (await itemOf(t, "Quarterly party lesson")).status === "DONE");
    await settle(t);
    const updated = t.slack.messages("C0RESETTLE").find((m) => m.ts === planPost?.ts);
    expect(allText(updated?.blocks)).toContain("✅ Quarterly party lesson");
    expect(theory.id).toBeGreaterThan(arrangement.id);

    // ---- refusals on the server: another branch's plan item, another branch's secretary
    const foreign = await itemOf(t, "Finance April audit");
    const september = await itemOf(t, "September review");
    const before = await t.db.prisma.annualPlanItemEvent.count();
    expect(
      await checkPlanItemChange(t.bot.ctx, {
        planId: arrangement.id,
        itemId: foreign.id,
        userId: "U0SEC1",
        change: "done",
      }),
    ).toEqual({ ok: false, error: "not-found" });
    expect(
      await changePlanItem(t.bot.ctx, {
        planId: arrangement.id,
        itemId: september.id,
        userId: "U0SEC2",
        change: "done",
        source: "test",
      }),
    ).toEqual({ ok: false, error: "not-secretary" });
    const list = await t.db.prisma.taskList.findFirstOrThrow({
      where: { period: "2027-04", branch: { key: "resettlement" } },
    });
    expect(await planRowsForList(t.db, list.id, [foreign.id])).toEqual({
      ok: false,
      notDue: foreign.id,
    });
    expect(await t.db.prisma.annualPlanItemEvent.count()).toBe(before);
    expect((await itemOf(t, "September review")).status).toBe("OPEN");
  });
});
