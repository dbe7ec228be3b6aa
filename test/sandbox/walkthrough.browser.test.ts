// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, line breaks included
/**
 * The demo walked through by clicking in the page, against the real bot: the monthly round trip
 * (reminder → modal → submit → committee approves → plan in the branch channel) and a lecture
 * notice with a swap. Screenshots go to test-artifacts/sandbox/.
 */
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { features, jobsOf } from "../../src/app/features.ts";
import {
  actAs,
  type BrowserSession,
  HAS_CHROMIUM,
  openBrowser,
  openConversation,
} from "./browser.ts";
import { eventually } from "./eventually.ts";
import { startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

const has = (feature: string, job: string) =>
  features.some((f) => f.name === feature) && jobsOf(features).some((j) => j.name === job);

/** Fails with a message saying which feature the walkthrough waits for. */
function requireFeature(feature: string, job: string): void {
  if (!has(feature, job)) {
    throw new Error(
      `the ${feature} feature is not registered yet (feature "${feature}" and its job "${job}" in src/app/features.ts): this walkthrough waits for it`,
    );
  }
}

async function jump(page: Page, button: RegExp): Promise<void> {
  const before = await page.locator("[data-clock-now]").getAttribute("datetime");
  await page.getByRole("button", { name: button }).click();
  await eventually(
    () => page.locator("[data-clock-now]").getAttribute("datetime"),
    30_000,
  ).not.toBe(before);
}

describe.skipIf(!HAS_CHROMIUM)("the sandbox walkthrough (real bot, demo org)", () => {
  let t: TestSandbox;
  let browser: BrowserSession;
  let page: Page;

  // Each story starts from a fresh demo organisation, as a visitor's first minutes would.
  beforeEach(async () => {
    t = await startTestSandbox();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(t.sandbox.url);
  });

  afterEach(async () => {
    await browser?.close();
    await t?.sandbox.stop(); // closes its database too
  });

  it("walks the monthly round trip by clicking", async () => {
    requireFeature("tasklist", "monthly-reminder");
    await actAs(page, "王志强");
    await jump(page, /下一次月度提醒/);
    await openConversation(page, "branch-resettlement");
    const reminder = page.locator("article.msg", { hasText: "任务清单" }).last();
    await eventually(() => reminder.innerText()).toContain("@王志强");
    await browser.shot("walk-1-reminder");

    await reminder.getByRole("button", { name: "填报任务清单" }).click();
    const modal = page.getByRole("dialog", { name: "月度任务清单" });
    await modal.getByLabel("任务内容").fill("学习贯彻全会精神");
    await modal.getByLabel("类别").selectOption({ label: "政治理论学习" });
    await modal.getByLabel("责任人").selectOption({ label: "孙丽" });
    const month = t.sandbox.clock.now().toISOString().slice(0, 7); // the reminder's month
    await modal.getByLabel("完成时限").fill(`${month}-20`);
    await modal.getByLabel("预期成效").fill("全体党员完成学习");
    await browser.shot("walk-2-modal");
    await modal.getByRole("button", { name: "报送" }).click();
    await eventually(() => page.getByRole("dialog").count()).toBe(0);
    await eventually(() => reminder.innerText()).toContain("等待机关党委审核");

    await actAs(page, "张建国");
    await openConversation(page, "committee");
    const submitted = page.locator("article.msg", { hasText: "学习贯彻全会精神" }).last();
    await eventually(() => submitted.innerText()).toContain("政治理论学习");
    await browser.shot("walk-3-committee");
    await submitted.getByRole("button", { name: "通过" }).click();
    await eventually(() => submitted.innerText()).toContain("审核通过");

    await openConversation(page, "branch-resettlement");
    const plan = page.locator("article.msg", { hasText: "任务清单（已通过）" }).last();
    await eventually(() => plan.innerText()).toContain("学习贯彻全会精神");
    const planText = await plan.innerText();
    expect(planText).toContain("责任人：@孙丽");
    const [year, monthNumber] = month.split("-").map(Number);
    expect(planText).toContain(`完成时限：${year}年${monthNumber}月20日`);
    expect(await reminder.innerText()).toContain("审核通过");
    await browser.shot("walk-4-approved-plan");
  }, 240_000);

  it("walks a lecture notice and a swap by clicking", async () => {
    requireFeature("lecture-hall", "lecture-notice");
    await jump(page, /下一次大讲堂通知/);
    await actAs(page, "王志强");
    await openConversation(page, "lecture-hall");
    const notice = page.locator("article.msg", { hasText: "大讲堂" }).last();
    await eventually(() => notice.innerText()).toContain("主讲人");
    const speaker = (await notice.locator(".mention").first().innerText()).replace(/^@/, "");
    await browser.shot("walk-5-lecture-notice");
    // A fresh install missed the week-ahead DM; the day-before DM carries the speaker's buttons.
    await jump(page, /前进1天/);

    await actAs(page, speaker);
    await openConversation(page, "与party-building-bot的消息");
    const dm = page.locator("article.msg", { hasText: "申请调换" }).last();
    await eventually(() => dm.count(), 30_000).toBeGreaterThan(0);
    await dm.getByRole("button", { name: "申请调换" }).click();
    const swap = page.getByRole("dialog", { name: "申请调换" });
    const colleagues = swap.getByLabel("同事");
    const offered = await colleagues.locator("option").nth(1).innerText(); // 0: the placeholder
    const colleague = offered.split(/[（(·,，\s]/)[0] ?? offered;
    await colleagues.selectOption({ index: 1 });
    await swap.getByRole("button", { name: "发送申请" }).click();
    await eventually(() => page.getByRole("dialog").count()).toBe(0);

    await actAs(page, colleague);
    await openConversation(page, "与party-building-bot的消息");
    const ask = page.locator("article.msg", { hasText: speaker }).last();
    await ask.getByRole("button", { name: "同意" }).click();
    await openConversation(page, "lecture-hall");
    await eventually(() => notice.innerText()).toContain(`@${colleague}`);
    await browser.shot("walk-6-lecture-swapped");
  }, 240_000);
});
