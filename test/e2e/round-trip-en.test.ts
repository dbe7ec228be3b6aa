/**
 * An org whose locale is en: the reminder, the modal, its errors, the committee message, a
 * refusal, the plan and the secretary's DM all speak English.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_ORG, startTestBot, type TestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  allText,
  buttonsOf,
  field,
  runJob,
  settle,
  waitAny,
  waitCall,
  withoutPacing,
} from "./round-trip-helpers.ts";

describe.each(STORES)("the round trip in English (%s)", (store) => {
  let t: TestBot;
  beforeAll(async () => {
    withoutPacing();
    const zh = await readFile(EXAMPLE_ORG, "utf8");
    const orgText = zh
      .replace("locale: zh-CN", "locale: en")
      .replace("name: 移交安置处党支部", "name: Resettlement Office Branch");
    t = await startTestBot({ store, orgText, now: "2026-12-02T02:00:00Z" });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("speaks the org's language on every surface", async () => {
    await runJob(t, "monthly-reminder", "2026-12-01T09:00");
    await settle(t);
    const reminder = t.slack.lastMessage("C0RESETTLE");
    expect(reminder?.text).toBe(
      "<@U0SEC1> please submit Resettlement Office Branch's task list for December 2026 by 2026-12-07 18:00.",
    );
    expect(allText(reminder?.blocks)).toContain(
      "Resettlement Office Branch: task list for December 2026",
    );

    // A member is refused in English.
    await t.slack.as("U0A").clickButton({ channel: "C0RESETTLE", label: "Fill in task list" });
    const refusal = await waitAny(t, "response_url", () => true);
    expect(refusal.args.text).toBe(
      "You can't do that: only the branch's secretaries can submit or change its list.",
    );

    const sec = t.slack.as("U0SEC1");
    await sec.clickButton({ channel: "C0RESETTLE", label: "Fill in task list" });
    await t.emulator.calls.waitFor("views.open");
    const modal = t.slack.openView("U0SEC1");
    expect(modal?.title).toMatchObject({ text: "Monthly task list" });
    expect(allText(modal?.blocks)).toContain(
      "Due dates between 2026-12-01 and 2027-03-31; at most 15 items.",
    );
    const invalid = await sec.submitModal({
      [field(0, "title")]: "Study the Party Constitution",
      [field(0, "category")]: "THEORY_STUDY",
      [field(0, "due")]: "2026-11-30",
    });
    expect(invalid.errors).toEqual({ tl_item_0_due: "The due date can't be before 2026-12-01." });
    expect((await sec.submitModal({ [field(0, "due")]: "2026-12-18" })).outcome).toBe("closed");

    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    expect(posted.args.text).toBe(
      "Resettlement Office Branch's task list for December 2026 (revision 1, 1 item) is waiting for approval.",
    );
    const text = allText(posted.args.blocks);
    expect(text).toContain(
      "*Political theory study* (1)\n• Study the Party Constitution · due 2026-12-18",
    );
    expect(buttonsOf(posted.args.blocks).map((b) => b.text)).toEqual([
      "Approve",
      "Return",
      "Open full list",
    ]);

    await t.slack.as("U0COMM3").clickButton({ channel: "C0COMMITTEE", label: "Open full list" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    expect(allText(t.slack.openView("U0COMM3")?.blocks)).toContain(
      "*Resettlement Office Branch* — *December 2026*, revision 1",
    );

    t.clock.set("2026-12-02T06:00:00Z");
    await t.slack.as("U0CHAIR").clickButton({ channel: "C0COMMITTEE", label: "Approve" });
    const plan = await waitCall(t, "chat.postMessage", "C0RESETTLE", {
      where: (c) => String(c.args.text).includes("approved list"),
    });
    expect(plan.args.text).toBe(
      "Resettlement Office Branch's approved list for December 2026: done 0 of 1.",
    );
    expect(buttonsOf(plan.args.blocks).map((b) => b.text)).toEqual(["Mark done", "Amend list"]);
    const dm = await waitAny(t, "chat.postMessage", (c) => String(c.args.channel).startsWith("D"));
    expect(dm.args.text).toBe(
      "Resettlement Office Branch's task list for December 2026 was approved by <@U0CHAIR>.",
    );
    expect(allText(dm.args.blocks)).toContain("approved by <@U0CHAIR> at 2026-12-02 14:00");
    await waitCall(t, "chat.update", "C0COMMITTEE");
    expect(
      allText(t.emulator.workspace.message("C0COMMITTEE", String(posted.response?.ts))?.blocks),
    ).toContain("✅ Approved by <@U0CHAIR> at 2026-12-02 14:00.");
  });
});
