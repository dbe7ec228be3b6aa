// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, line breaks included
/**
 * The guided tour walked as a visitor would: read the strip, press its "Act as …" button, click
 * what it says. Shared by the walkthrough test and `npm run screenshots`, so it uses no test
 * runner: each wait polls the page until it holds (or throws saying what it waited for).
 */
import type { Download, Locator, Page } from "playwright-core";
import { type Locale, type MessageKey, t as tr } from "../../src/i18n/index.ts";
import { APP_MESSAGES } from "../../src/sandbox/render/screen.ts";
import { TOUR_LECTURE_CHANNEL, type TourStepName } from "../../src/sandbox/tour.ts";

export interface TourWalkOptions {
  locale: Locale;
  /** Called at each step's telling moment (a modal open, the result shown). */
  shot?: (name: string) => Promise<void>;
  /** The month the tour runs in, "YYYY-MM" (the due date picked in the list modal). */
  month: () => string;
  log?: (line: string) => void;
}

/** A clock jump to a job's next fire: the fire time the panel announced, and the clock after. */
export interface Fire {
  job: string;
  at: string;
}

export interface TourWalk {
  fires: Fire[];
  /** The steps in the order the strip showed them. */
  steps: TourStepName[];
  /** The report the Home step's person downloaded from the DM. */
  download: Download;
  /** The swap's requester and colleague. */
  speaker: string;
  colleague: string;
  /** The owner picker's groups, in order (the branch's people first). */
  ownerGroups: string[];
}

/** Polls `fn` until `ok` holds; throws with `what` and the last value when it does not in time. */
export async function until<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeout = 30_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch {
      // the element is being re-rendered: try again
    }
    if (Date.now() > end)
      throw new Error(`waited ${timeout} ms for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const tourStep = (page: Page) =>
  page.locator("[data-tour-step]").getAttribute("data-tour-step", { timeout: 2_000 });

async function expectStep(page: Page, name: TourStepName): Promise<void> {
  await until(
    `the tour's step "${name}"`,
    () => tourStep(page),
    (s) => s === name,
    45_000,
  );
}

const dialogGone = (page: Page) =>
  until(
    "the modal to close",
    () => page.getByRole("dialog").count(),
    (n) => n === 0,
  );

/** The newest message in the open conversation containing `text`. */
const message = (page: Page, text: string): Locator =>
  page.locator("article.msg", { hasText: text }).last();

async function textOf(what: string, l: Locator, wanted: string): Promise<string> {
  return until(
    what,
    () => l.innerText({ timeout: 2_000 }),
    (s) => s.includes(wanted),
  );
}

export async function walkTour(page: Page, opts: TourWalkOptions): Promise<TourWalk> {
  const t = (key: MessageKey, p: Record<string, unknown> = {}) => tr(opts.locale, key, p);
  const shot = opts.shot ?? (async () => {});
  const steps: TourStepName[] = [];
  const fires: Fire[] = [];
  let n = 0;
  const started = Date.now();
  const at = async (name: TourStepName) => {
    await expectStep(page, name);
    opts.log?.(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);
    steps.push(name);
    n += 1;
  };
  const snap = (name: string) => shot(`${String(n).padStart(2, "0")}-${name}`);
  /** Presses the strip's "Act as …" button and waits for the page to show that person. */
  const go = async () => {
    const button = page.locator("[data-tour-as]");
    const who = await button.getAttribute("data-tour-as");
    await button.click();
    await until(
      `acting as ${who}`,
      () => page.evaluate(() => document.body.dataset.user),
      (u) => u === who,
    );
  };
  /** Clicks a clock button and waits for the jump's summary. */
  const jump = async (command: string) => {
    const button = page.locator(`[data-clock="${command}"]`);
    const fireAt = command.startsWith("job:")
      ? await button.locator("time").getAttribute("datetime")
      : null;
    const runs = await page.locator(".clock-log").count();
    const before = runs ? await page.locator(".clock-log").innerText() : "";
    await button.click();
    await until(
      `the clock's jump (${command}) to finish`,
      async () => ({
        idle: (await page.locator("[data-clock]:not([disabled])").count()) > 0,
        log: await page.locator(".clock-log:not(.clock-progress)").innerText({ timeout: 500 }),
      }),
      (s) => s.idle && s.log !== before,
      60_000,
    );
    if (fireAt) fires.push({ job: command.slice(4), at: fireAt });
  };

  // The reminder: the clock's "next monthly reminder".
  await at("reminder");
  await snap("first-screen");
  await jump("job:monthly-reminder");

  // The secretary fills in the list from the reminder.
  await at("list");
  await go();
  const reminder = message(page, t("tasklist.button.open"));
  await reminder.getByRole("button", { name: t("tasklist.button.open") }).click();
  let modal = page.getByRole("dialog", { name: t("tasklist.modal.title") });
  const title = opts.locale === "en" ? "Study the plenary session" : "学习贯彻全会精神";
  // With plan items due this month the modal offers them and starts without a row: add one.
  await modal.getByRole("button", { name: t("tasklist.button.addRow") }).waitFor();
  if ((await modal.getByLabel(t("tasklist.field.title")).count()) === 0)
    await modal.getByRole("button", { name: t("tasklist.button.addRow") }).click();
  await modal.getByLabel(t("tasklist.field.title")).fill(title);
  await modal
    .getByLabel(t("tasklist.field.category"))
    .selectOption({ label: t("tasklist.category.THEORY_STUDY") });
  const owner = modal.getByLabel(t("tasklist.field.owner"));
  const ownerGroups = await owner
    .locator("optgroup")
    .evaluateAll((gs) => gs.map((g) => g.getAttribute("label") ?? ""));
  await owner.selectOption({ index: 1 }); // the first person offered
  await modal.getByLabel(t("tasklist.field.due")).fill(`${opts.month()}-20`);
  await modal
    .getByLabel(t("tasklist.field.expected"))
    .fill(opts.locale === "en" ? "Every member has studied it" : "全体党员完成学习");
  await snap("list-modal");
  await modal.getByRole("button", { name: t("tasklist.modal.submit"), exact: true }).click();
  await dialogGone(page);

  // The committee's chair returns it with a comment.
  await at("return");
  await go();
  const submitted = message(page, title);
  await submitted.getByRole("button", { name: t("tasklist.button.return"), exact: true }).click();
  const returning = page.getByRole("dialog", { name: t("tasklist.returnModal.title") });
  await returning
    .getByLabel(t("tasklist.returnModal.label"))
    .fill(opts.locale === "en" ? "Add a due date for the branch meeting" : "请补充支部大会的时间");
  await snap("return-modal");
  await returning
    .getByRole("button", { name: t("tasklist.returnModal.submit"), exact: true })
    .click();
  await dialogGone(page);

  // The secretary revises and submits again.
  await at("revise");
  await go();
  await message(page, t("tasklist.button.revise"))
    .getByRole("button", { name: t("tasklist.button.revise") })
    .click();
  modal = page.getByRole("dialog", { name: t("tasklist.modal.title") });
  await modal
    .getByLabel(t("tasklist.field.expected"))
    .fill(
      opts.locale === "en" ? "Every member has studied it by the 20th" : "20日前全体党员完成学习",
    );
  await snap("revise-modal");
  await modal.getByRole("button", { name: t("tasklist.modal.resubmit"), exact: true }).click();
  await dialogGone(page);

  // Another committee member approves.
  await at("approve");
  await go();
  const second = message(page, title);
  await second.getByRole("button", { name: t("tasklist.button.approve"), exact: true }).click();
  await until(
    "the committee's message to say approved (✅, drawn as an image)",
    () => second.locator('img.emoji[alt="✅"]').count(),
    (c) => c > 0,
  );
  await snap("approved");

  // The secretary marks the item done on the approved list.
  await at("done");
  await go();
  // Found by its ts: once done, the item's button says "Undo" and the text may change.
  const planTs = await message(page, t("tasklist.button.markDone")).getAttribute("data-ts");
  const plan = page.locator(`article.msg[data-ts="${planTs}"]`);
  await plan
    .getByRole("button", { name: t("tasklist.button.markDone") })
    .first()
    .click();
  await until(
    "the item to show as done",
    () => plan.getByRole("button", { name: t("tasklist.button.undo") }).count(),
    (c) => c > 0,
  );
  await snap("marked-done");

  // The lecture notice.
  await at("lecture");
  await jump("job:lecture-notice");
  await page.locator(`.sidebar a[data-conv="${TOUR_LECTURE_CHANNEL}"]`).click();
  await until(
    "the lecture notice",
    () => page.locator("article.msg").count(),
    (c) => c > 0,
  );
  await snap("lecture-notice");

  // A day on: the speaker's day-before DM, with its buttons.
  await at("speakerDm");
  await jump(`advance:${86_400_000}`);

  // The speaker asks a colleague to swap.
  await at("swap");
  await go();
  const speaker = await page.evaluate(() => document.body.dataset.user ?? "");
  const dm = message(page, t("lecture.button.swap"));
  // Step 8's DM is only on screen once the page acts as the speaker, which step 9 does.
  await dm.waitFor();
  await shot("08-speaker-dm");
  await dm.getByRole("button", { name: t("lecture.button.swap") }).click();
  const swap = page.getByRole("dialog", { name: t("lecture.swap.title") });
  await swap.getByLabel(t("lecture.swap.label")).selectOption({ index: 1 }); // 0: the placeholder
  await snap("swap-modal");
  await swap.getByRole("button", { name: t("lecture.swap.submit") }).click();
  await dialogGone(page);

  // The colleague accepts.
  await at("accept");
  await go();
  const colleague = await page.evaluate(() => document.body.dataset.user ?? "");
  await message(page, t("lecture.button.accept"))
    .getByRole("button", { name: t("lecture.button.accept"), exact: true })
    .click();
  await until(
    "the request's buttons to go",
    () => page.getByRole("button", { name: t("lecture.button.accept"), exact: true }).count(),
    (c) => c === 0,
  );
  await snap("swap-accepted");

  // The Home.
  await at("home");
  await go();
  await until(
    "the Home",
    () => page.locator(".home").count(),
    (c) => c > 0,
  );
  await snap("home");

  // The report: a slash command in #committee, the files in the DM.
  await at("report");
  await go();
  const composer = page.getByLabel(t("sandbox.page.message"), { exact: true });
  await composer.fill("/pbb report month");
  await composer.press("Enter");
  const answer = page.locator("article.msg.ephemeral").last();
  await textOf("the report command's answer", answer, ".xlsx");
  await page.locator(`.sidebar a[data-conv="${APP_MESSAGES}"]`).click();
  const file = page.locator('a.file-download[download$=".xlsx"]').last();
  await file.waitFor();
  await snap("report-files");
  const [download] = await Promise.all([page.waitForEvent("download"), file.click()]);

  await at("finished");
  await snap("finished");
  return { fires, steps, download, speaker, colleague, ownerGroups };
}

/** Starts the demo again in `locale` with the page's own language button (and its confirm). */
export async function startDemoIn(page: Page, locale: Locale): Promise<void> {
  await page.locator(`button[data-reset="${locale}"]`).first().click();
  await page.locator("#confirm-ok").click();
  await until(
    `the page in ${locale} at the tour's start`,
    async () => ({
      lang: await page.evaluate(() => document.documentElement.lang),
      step: await tourStep(page),
    }),
    (s) => s.lang === locale && s.step === "reminder",
    60_000,
  );
}
