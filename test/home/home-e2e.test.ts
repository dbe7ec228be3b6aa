/**
 * The App Home end to end (driver + emulator + the real bot): opening the tab publishes the
 * person's Home; a secretary submits from it; a committee member approves from it and the Homes
 * concerned are re-published; an approval forged into a secretary's Home is refused.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../../src/localslack/emulator/types.ts";
import { HOME_ACTION } from "../../src/slack/ids/home.ts";
import { allText, buttonsOf, field, listOf, runJob, settle } from "../e2e/round-trip-helpers.ts";
import { type TestBot, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";

const homeText = (t: TestBot, user: string) => allText(t.slack.homeView(user)?.blocks ?? []);
/** Re-publishing every Home a change concerns takes a while on a loaded machine. */
const SLOW = { timeout: 20_000, interval: 50 };

describe.each(STORES)("the App Home (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2026-12-01T01:00:00Z",
    beforeClose: async (t) => {
      await t.bot.ctx.homes.idle();
    },
  });

  it("publishes each role's Home, approves from it, refreshes it, and refuses a forged approval", async () => {
    const t = bot();
    expect((await runJob(t, "monthly-reminder", "2026-12-01T09:00")).status).toBe("ran");
    await settle(t);
    t.clock.set("2026-12-02T02:00:00Z");

    // ---- the secretary opens the Home and submits the month's list from it
    const sec = t.slack.as("U0SEC1");
    await sec.openAppHome();
    await expect.poll(() => homeText(t, "U0SEC1"), SLOW).toContain("移交安置处党支部 — 本支部清单");
    expect(homeText(t, "U0SEC1")).toContain(
      "*2026年12月：* ⚪ 未报送 · 截止时间2026年12月7日18:00",
    );
    expect(buttonsOf(t.slack.homeView("U0SEC1")?.blocks)).toContainEqual(
      expect.objectContaining({
        text: "报送清单",
        action_id: HOME_ACTION.submit,
        style: "primary",
      }),
    );
    await sec.clickButton({ view: "home", label: "报送清单" });
    await t.emulator.calls.waitFor("views.open");
    const submitted = await sec.submitModal({
      [field(0, "title")]: "学习贯彻全会精神",
      [field(0, "category")]: "THEORY_STUDY",
    });
    expect(submitted.outcome).toBe("closed");
    await expect
      .poll(async () => (await listOf(t.db, "resettlement", "2026-12")).state, SLOW)
      .toBe("SUBMITTED");
    await expect.poll(() => homeText(t, "U0SEC1"), SLOW).toContain("*2026年12月：* 🟡 待审核");

    // ---- a committee member sees it waiting, with Approve (primary) and Return (danger)
    const chair = t.slack.as("U0CHAIR");
    await chair.openAppHome();
    await expect.poll(() => homeText(t, "U0CHAIR"), SLOW).toContain("*待机关党委审核（1）*");
    const chairHome = t.slack.homeView("U0CHAIR");
    expect(allText(chairHome?.blocks)).toContain("机关党委 — 2026年12月概览");
    const buttons = buttonsOf(chairHome?.blocks);
    expect(buttons).toContainEqual(expect.objectContaining({ text: "通过", style: "primary" }));
    expect(buttons).toContainEqual(expect.objectContaining({ text: "退回", style: "danger" }));

    // ---- forged into the secretary's Home, the approval is refused and nothing changes
    const waiting = chairHome?.blocks.find((b) =>
      buttonsOf([b]).some((x) => x.action_id === HOME_ACTION.approve),
    );
    const secView = t.emulator.workspace.homeViews.get("U0SEC1");
    if (!waiting || !secView) throw new Error("no waiting list or no secretary Home");
    secView.blocks.push(waiting as Json);
    await sec.clickButton({ view: "home", label: "通过" });
    await expect.poll(() => homeText(t, "U0SEC1"), SLOW).toContain("⚠️ 无法执行此操作");
    expect((await listOf(t.db, "resettlement", "2026-12")).state).toBe("SUBMITTED");

    // ---- the committee member approves from the Home; the Homes concerned are re-published
    await chair.clickButton({ view: "home", label: "通过" });
    await expect
      .poll(async () => (await listOf(t.db, "resettlement", "2026-12")).state, SLOW)
      .toBe("APPROVED");
    await expect.poll(() => homeText(t, "U0CHAIR"), SLOW).toContain("*待机关党委审核：* 暂无。");
    await expect.poll(() => homeText(t, "U0SEC1"), SLOW).toContain("*2026年12月：* 🟢 已通过");
    expect(buttonsOf(t.slack.homeView("U0SEC1")?.blocks)).toContainEqual(
      expect.objectContaining({ text: "标记完成", action_id: HOME_ACTION.markDone }),
    );
    expect(t.emulator.calls.failures().filter((c) => c.method === "views.publish")).toEqual([]);
  });
});
