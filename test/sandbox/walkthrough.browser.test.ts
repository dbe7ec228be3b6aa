// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, line breaks included
/**
 * The sandbox's guided tour walked end to end in Debian's Chromium, against the real bot, in
 * Chinese and then in English (the page's own language button): reminder → list → return →
 * revise → approve → mark done → lecture notice → the speaker's DM → swap → accept → Home →
 * report. Then two weeks at once on the clock. Screenshots go to test-artifacts/sandbox/
 * (`npm run screenshots` writes the documentation's pictures with the same walk).
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Locale, t as tr } from "../../src/i18n/index.ts";
import { loadJobOrg } from "../../src/jobs/org.ts";
import { DEMO_TIMEZONE } from "../../src/sandbox/demo-org.ts";
import { tsDate } from "../../src/sandbox/render/messages.ts";
import { firesBetween } from "../../src/sandbox/time-control.ts";
import { TOUR_STEPS } from "../../src/sandbox/tour.ts";
import { type BrowserSession, HAS_CHROMIUM, openBrowser } from "./browser.ts";
import { startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";
import { startDemoIn, until, walkTour } from "./tour-walk.ts";

const WEEK = 7 * 86_400_000;

describe.skipIf(!HAS_CHROMIUM)("the sandbox's guided tour, walked in the browser", () => {
  let t: TestSandbox;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    t = await startTestSandbox();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(t.sandbox.url);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.sandbox.stop(); // closes its database too
  });

  /** The bot's messages in the workspace: channel, ts, text (blocks' text included). */
  const botMessages = () => {
    const ws = t.sandbox.emulator.workspace;
    return [...ws.messages.values()]
      .flat()
      .filter((m) => !m.deleted && m.user === ws.bot.userId)
      .map((m) => ({
        channel: m.channel,
        ts: m.ts,
        text: `${m.text} ${JSON.stringify(m.blocks ?? [])}`,
      }));
  };
  const month = () =>
    new Intl.DateTimeFormat("en-CA", { timeZone: DEMO_TIMEZONE, year: "numeric", month: "2-digit" })
      .format(t.sandbox.clock.now())
      .slice(0, 7);

  it.each(["zh-CN", "en"] as const)(
    "in %s, each step as the strip says, with what it promises",
    async (locale: Locale) => {
      const l = (key: Parameters<typeof tr>[1], p: Record<string, unknown> = {}) =>
        tr(locale, key, p);
      if (locale !== "zh-CN") await startDemoIn(page, locale);
      // The page takes the org's language on its first screen (index.html says "en" until then).
      await until(
        `the page in ${locale}`,
        () => page.evaluate(() => document.documentElement.lang),
        (lang) => lang === locale,
      );

      // The first screen: nothing posted yet, so no wall of failures; the strip says where to start.
      expect(botMessages()).toEqual([]);
      expect(await page.locator("article.msg").count()).toBe(0);
      const start = t.sandbox.clock.now();
      const [year, monthNumber] = month().split("-").map(Number) as [number, number];
      const previous = l("tasklist.period", {
        year: monthNumber === 1 ? year - 1 : year,
        month: monthNumber === 1 ? 12 : monthNumber - 1,
      });

      const walk = await walkTour(page, {
        locale,
        month,
        shot: (n) => browser.shot(`tour-${locale}-${n}`),
      });
      expect(walk.steps).toEqual([...TOUR_STEPS]);
      // The list's owner picker offers the branch's people first, the others apart.
      expect(walk.ownerGroups).toEqual([
        locale === "en" ? "Resettlement Division Branch" : "移交安置处党支部",
        l("tasklist.field.ownerOthers"),
      ]);

      // Each job's message is stamped with the virtual time of the fire that sent it.
      const [reminderFire, noticeFire] = walk.fires;
      expect(walk.fires.map((f) => f.job)).toEqual(["monthly-reminder", "lecture-notice"]);
      const lists = await t.db.prisma.taskList.findMany({ where: { reminderTs: { not: null } } });
      expect(lists).toHaveLength(4); // every branch reminded
      for (const list of lists)
        expect(tsDate(list.reminderTs ?? "").toISOString()).toBe(reminderFire?.at);
      const notice = await t.db.prisma.lectureSession.findFirstOrThrow({
        where: { noticeTs: { not: null }, startsAt: { gt: start } },
      });
      expect(tsDate(notice.noticeTs ?? "").toISOString()).toBe(noticeFire?.at);
      expect(Date.parse(noticeFire?.at ?? "")).toBeGreaterThan(Date.parse(reminderFire?.at ?? ""));

      // Emoji are images from the bundled set, and they loaded.
      await page.goto(`${t.sandbox.url}?as=U0SEC1&c=C0RESETTLE`);
      const done = page.locator('article.msg img.emoji[alt="✅"]');
      await until(
        "✅ drawn as an image",
        () => done.count(),
        (n) => n > 0,
      );
      expect(
        await page
          .locator("img.emoji")
          .evaluateAll((imgs) =>
            imgs.every(
              (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
            ),
          ),
      ).toBe(true);
      expect(await page.locator("#messages").innerText()).not.toContain("✅");
      // Message times in order on the screen.
      const times = await page
        .locator("#messages time[datetime]")
        .evaluateAll((ts) => ts.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
      expect(times).toEqual([...times].sort((a, b) => a - b));

      // The report downloaded from the DM opens: the branch and its approved list are in it.
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await walk.download.path());
      const sheet = book.worksheets[0];
      const cells = sheet
        ? sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))
        : [];
      expect(walk.download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(cells).toContain(l("reports.col.name"));
      expect(cells.join(" ")).toContain(locale === "en" ? "Resettlement" : "移交安置处党支部");

      // Two weeks at once: every message of the jump is stamped with its fire's time, each
      // lecture notice comes before its lecture.
      const org = await loadJobOrg(t.db);
      if (!org) throw new Error("no org");
      const before = new Set(botMessages().map((m) => `${m.channel}/${m.ts}`));
      const from = t.sandbox.clock.now();
      for (let i = 0; i < 2; i += 1) {
        const clock = await page.locator("[data-clock-now]").getAttribute("datetime");
        await page.locator(`[data-clock="advance:${WEEK}"]`).click();
        await until(
          "the week's jump",
          async () => ({
            now: await page.locator("[data-clock-now]").getAttribute("datetime", { timeout: 500 }),
            idle: await page.locator("[data-clock]:not([disabled])").count(),
          }),
          (s) => s.now !== clock && s.idle > 0,
          60_000,
        );
      }
      const fireTimes = new Set(
        firesBetween(org, t.sandbox.bot.ctx.jobs, from, t.sandbox.clock.now(), []).map((f) =>
          Math.floor(f.occurrence.fireAt.getTime() / 1000),
        ),
      );
      const posted = botMessages().filter((m) => !before.has(`${m.channel}/${m.ts}`));
      expect(posted.length).toBeGreaterThan(0);
      for (const m of posted)
        expect(fireTimes, m.text.slice(0, 80)).toContain(Math.floor(Number(m.ts)));
      const sessions = await t.db.prisma.lectureSession.findMany({
        where: { noticeTs: { not: null } },
      });
      expect(sessions.filter((s) => s.startsAt > from).length).toBeGreaterThanOrEqual(2);
      for (const s of sessions)
        expect(tsDate(s.noticeTs ?? "").getTime()).toBeLessThan(s.startsAt.getTime());

      // Nothing overdue or missing is said of a month the demo did not run.
      for (const m of botMessages().filter((m) => m.text.includes(previous))) {
        expect(m.text).not.toContain(l("tasklist.overdue.header", { month: previous }));
        expect(m.text).not.toContain(l("tasklist.state.DRAFT"));
      }
    },
    180_000,
  );
});
