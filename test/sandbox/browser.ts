/**
 * Debian's Chromium driven by playwright-core. Required with CI=true (fails loudly when
 * missing); elsewhere the browser tests are skipped with a line saying so.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts/sandbox");

if (!HAS_CHROMIUM) {
  if (process.env.CI === "true") {
    throw new Error(
      `CI=true but there is no Chromium at ${CHROMIUM}: the sandbox browser tests are required in CI (apt-get install -y chromium)`,
    );
  }
  console.log(
    `no Chromium at ${CHROMIUM}: the sandbox browser tests are skipped (apt-get install -y chromium)`,
  );
}

export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(
  viewport = { width: 1400, height: 900 },
): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "pbb-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    page,
    context,
    shot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
    },
  };
}

/** Acts as another person through the switcher, as a person would. */
export async function actAs(page: Page, name: string): Promise<void> {
  const switcher = page.locator("#acting-as");
  const option = switcher.locator("option", { hasText: name });
  const value = await option.getAttribute("value");
  if (!value) throw new Error(`nobody named ${name} in the person switcher`);
  await switcher.selectOption(value);
  await page.waitForFunction((id) => document.body.dataset.user === id, value);
}

/** Opens a channel (or "party-building-bot" for App Home) from the sidebar. */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.locator(".sidebar").getByRole("link", { name, exact: true }).click();
  await page.waitForFunction(
    (n) =>
      document.querySelector(".sidebar [aria-current=page]")?.textContent?.includes(n) === true,
    name,
  );
}
