// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, line breaks included
import type { App } from "@slack/bolt";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDriver,
  createSlackEmulator,
  type SlackEmulator,
} from "../../src/localslack/index.ts";
import { type SandboxServer, startSandboxServer } from "../../src/sandbox/server/index.ts";
import { createBoltApp, listen, SIGNING_SECRET } from "../localslack/helpers.ts";
import {
  actAs,
  type BrowserSession,
  HAS_CHROMIUM,
  openBrowser,
  openConversation,
} from "./browser.ts";
import { CHANNEL, registerDemoApp, richMessage } from "./demo-app.ts";
import { eventually } from "./eventually.ts";

describe.skipIf(!HAS_CHROMIUM)("the sandbox page, driving any app through the local Slack", () => {
  let emulator: SlackEmulator;
  let app: App;
  let server: SandboxServer;
  let browser: BrowserSession;
  let page: Page;
  let clockMs = Date.parse("2026-12-01T01:00:00Z");
  const clockCommands: string[] = [];

  beforeAll(async () => {
    emulator = createSlackEmulator({
      bot: { name: "demo-app" },
      users: [
        { id: "U0SEC", real_name: "王志强", locale: "zh-CN" },
        { id: "U0CHAIR", real_name: "张建国", locale: "zh-CN" },
      ],
      channels: [
        { id: CHANNEL, name: "branch", members: ["U0SEC", "U0CHAIR"], botMember: true },
        {
          id: "G0COMMITTEE",
          name: "committee",
          private: true,
          members: ["U0CHAIR"],
          botMember: true,
        },
      ],
      now: () => clockMs,
    });
    await emulator.start();
    app = createBoltApp(emulator);
    registerDemoApp(app);
    const base = await listen(app);
    const driver = createDriver({
      emulator,
      appUrl: `${base}/slack/events`,
      signingSecret: SIGNING_SECRET,
      retryDelaysMs: [],
    });
    server = await startSandboxServer({
      driver,
      port: 0,
      timezone: () => "Asia/Shanghai",
      describePerson: (id) => (id === "U0CHAIR" ? "committee admin" : undefined),
      clock: {
        panel: async () =>
          `<span data-testid="clock">${new Date(clockMs).toISOString()}</span><button type="button" data-clock="advance:86400000">Advance 1 day</button>`,
        run: async (command) => {
          clockCommands.push(command);
          clockMs += 86_400_000;
          return { lines: ["moved one day"] };
        },
        revision: () => String(clockMs),
      },
    });
    await app.client.chat.postMessage({
      channel: CHANNEL,
      text: "十二月任务清单",
      blocks: richMessage,
    });
    browser = await openBrowser();
    page = browser.page;
    await page.goto(`${server.url}?as=U0SEC&c=${CHANNEL}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await app?.stop();
    await emulator?.stop();
  });

  it("shows the person's channels, the app, and a message rendered from its blocks", async () => {
    const sidebar = page.locator(".sidebar");
    await eventually(() => sidebar.getByRole("link", { name: "branch" }).count()).toBe(1);
    expect(await sidebar.innerText()).not.toContain("committee"); // private, not a member
    const msg = page.locator("article.msg").first();
    await eventually(() => msg.locator("h3").innerText()).toBe("十二月任务清单");
    expect(await msg.locator("strong").first().innerText()).toBe("加粗");
    expect(await msg.locator("em").first().innerText()).toBe("斜体");
    expect(await msg.locator("del").first().innerText()).toBe("删除");
    expect(await msg.locator("code").first().innerText()).toBe("代码");
    expect(await msg.locator(".mention").allInnerTexts()).toEqual(
      expect.arrayContaining(["@王志强", "#branch", "@张建国"]),
    );
    expect(await msg.getByRole("link", { name: "说明文档" }).getAttribute("href")).toBe(
      "https://example.org",
    );
    expect(await msg.locator(".bk-text").first().innerText()).toContain("第二行 <tag> & co");
    expect(await msg.locator(".bk-fields").innerText()).toContain("移交安置处");
    expect(await msg.getByRole("button", { name: "填写表单" }).getAttribute("class")).toContain(
      "primary",
    );
    expect(await msg.getByRole("button", { name: "退回" }).getAttribute("class")).toContain(
      "danger",
    );
    expect(await msg.getByRole("combobox", { name: "选择月份" }).count()).toBe(1);
    expect(await msg.getByRole("img", { name: "完成情况图表" }).count()).toBe(1);
    await browser.shot("page-message");
  });

  it("opens the app's modal, shows its errors under the field, then pushes, updates and closes views", async () => {
    await page.getByRole("button", { name: "填写表单" }).click();
    const dialog = page.getByRole("dialog", { name: "任务表单" });
    await dialog.getByLabel("标题").fill("短");
    await dialog.getByLabel("说明").fill("第一行\n第二行");
    await dialog.getByLabel("类别").selectOption({ label: "主题党日" });
    await dialog.getByLabel("责任人").selectOption({ label: "张建国" });
    await dialog.getByLabel("完成时限").fill("2026-12-20");
    await dialog.getByRole("checkbox", { name: "需要协助" }).check();
    const pdf = Buffer.from(`%PDF-1.4\n${"x".repeat(2039)}`);
    await dialog
      .getByLabel("附件")
      .setInputFiles({ name: "visit.pdf", mimeType: "application/pdf", buffer: pdf });
    await dialog.getByRole("button", { name: "提交" }).click();
    await eventually(() => dialog.getByRole("alert").innerText()).toBe("标题至少需要4个字");
    // The file went with the submission: the re-drawn field lists it (the app's state keeps it).
    expect(await dialog.locator(".bk-file-attached").innerText()).toContain("visit.pdf · 2.0 KB");
    expect(await dialog.getByLabel("标题").getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByLabel("说明").inputValue()).toBe("第一行\n第二行"); // kept
    await browser.shot("page-modal-errors");

    await dialog.getByLabel("标题").fill("学习二十大精神");
    await dialog.getByRole("button", { name: "提交" }).click();
    const pushed = page.getByRole("dialog", { name: "已收到" });
    await eventually(() => pushed.innerText()).toContain("标题：学习二十大精神");
    const text = await pushed.innerText();
    expect(text).toContain("类别：party-day");
    expect(text).toContain("责任人：@张建国");
    expect(text).toContain("时限：2026-12-20");
    expect(text).toContain("选项：help");
    expect(text).toContain("附件：visit.pdf 2048 application/pdf");
    expect(text).toContain("第一行\n第二行");
    expect(await pushed.getByRole("button", { name: "Back" }).count()).toBe(1);

    await pushed.getByRole("button", { name: "刷新" }).click();
    const updated = page.getByRole("dialog", { name: "已更新" });
    await eventually(() => updated.innerText()).toContain("已刷新");

    await updated.getByRole("button", { name: "返回" }).click(); // back to the form
    const form = page.getByRole("dialog", { name: "任务表单" });
    await form.getByRole("button", { name: "取消" }).click(); // notify_on_close
    await eventually(() => page.getByRole("dialog").count()).toBe(0);
    await eventually(() => page.locator("article.msg").last().innerText()).toContain(
      "@王志强 关闭了表单",
    );
  });

  it("replies in a thread, and the app's reply shows in the thread panel", async () => {
    const first = page.locator("article.msg").first();
    await first.hover();
    await first.getByRole("button", { name: "Reply in thread" }).click();
    await page.getByRole("textbox", { name: "Reply in thread" }).fill("已提交");
    await page.getByRole("button", { name: "Send reply" }).click();
    const thread = page.getByRole("complementary", { name: "Thread" });
    await eventually(() => thread.innerText()).toContain("收到：已提交");
    await eventually(() => first.getByRole("button", { name: "2 replies" }).count()).toBe(1);
    await browser.shot("page-thread");
    await thread.getByRole("button", { name: "Close thread" }).click();
  });

  it("shows an ephemeral answer as only visible to the person, from an overflow and a slash command", async () => {
    await page.getByRole("button", { name: "More actions" }).first().click();
    await page.getByRole("menuitem", { name: "静音" }).click();
    const ephemeral = page.getByRole("article", { name: "Only visible to you" });
    await eventually(() => ephemeral.last().innerText()).toContain("你选择了 mute");
    await page.getByLabel("Message", { exact: true }).fill("/demo 你好");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    await eventually(() => ephemeral.last().innerText()).toContain("命令参数：你好");
    expect(await ephemeral.last().innerText()).toContain("Only visible to you");
    await ephemeral.last().getByRole("button", { name: "Dismiss" }).click();
    await eventually(() => ephemeral.count()).toBe(1);
  });

  it("switches people: another person sees their own channels and App Home", async () => {
    await actAs(page, "张建国");
    expect(await page.getByLabel("Acting as").locator("option:checked").innerText()).toBe(
      "张建国 — committee admin",
    );
    await eventually(() => page.locator(".sidebar").innerText()).toContain("committee");
    await openConversation(page, "demo-app");
    const home = page.locator(".home");
    await eventually(() => home.innerText()).toContain("你好，@张建国");
    expect(await home.locator("h3").innerText()).toBe("主页");
    await browser.shot("page-app-home");
  });

  it("shows the clock panel and sends its commands", async () => {
    const before = await page.getByTestId("clock").innerText();
    await page.getByRole("button", { name: "Advance 1 day" }).click();
    await eventually(() => page.getByTestId("clock").innerText()).not.toBe(before);
    expect(clockCommands).toEqual(["advance:86400000"]);
  });
});
