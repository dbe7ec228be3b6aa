/**
 * `npm run screenshots`: the sandbox's guided tour walked in Debian's Chromium, in Chinese and
 * then in English, with a picture of each step in docs/screenshots/<locale>-<nn>-<step>.png, and
 * the same screens at 1024 px and at a phone's width (<locale>-1024-….png, <locale>-phone-….png).
 * Runs on a database in memory and a workspace in a temporary directory: data/ is not touched.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EnvConfig } from "../src/config/env.ts";
import type { Locale } from "../src/i18n/index.ts";
import { DEMO_TIMEZONE } from "../src/sandbox/demo-org.ts";
import { startSandbox } from "../src/sandbox/index.ts";
import { APP_MESSAGES, HOME } from "../src/sandbox/render/screen.ts";
import { HAS_CHROMIUM, openBrowser } from "../test/sandbox/browser.ts";
import { startDemoIn, until, walkTour } from "../test/sandbox/tour-walk.ts";

const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const SIZES = [
  { name: "1024", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

if (!HAS_CHROMIUM) {
  console.error(
    "npm run screenshots needs Chromium at /usr/bin/chromium (apt-get install chromium)",
  );
  process.exit(1);
}

const env: EnvConfig = {
  mode: "sandbox",
  port: 0,
  databaseUrl: "pglite:memory",
  database: { kind: "pglite-memory" },
  logLevel: "silent",
  nodeEnv: "production",
  isProduction: false,
  isTest: false,
  isCI: false,
};
const dataDir = await mkdtemp(path.join(os.tmpdir(), "pbb-screenshots-"));
const t0 = Date.now();
const sandbox = await startSandbox(env, { log: () => {}, dataDir });
console.log(`sandbox served in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const browser = await openBrowser({ width: 1280, height: 800 });
const { page } = browser;
const month = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: DEMO_TIMEZONE, year: "numeric", month: "2-digit" })
    .format(sandbox.clock.now())
    .slice(0, 7);
await mkdir(OUT, { recursive: true });
const written: string[] = [];
const shoot = async (name: string) => {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  written.push(path.relative(process.cwd(), file));
};

try {
  await page.goto(sandbox.url);
  for (const locale of ["zh-CN", "en"] as Locale[]) {
    if (locale !== "zh-CN") await startDemoIn(page, locale);
    const walk = await walkTour(page, {
      locale,
      month,
      log: console.log,
      shot: (name) => shoot(`${locale}-${name}`),
    });
    console.log(`${locale}: ${walk.steps.length} steps`);
    // The same person's channel and Home at 1024 px and at a phone's width.
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const [where, name] of [
        ["C0RESETTLE", "channel"],
        [APP_MESSAGES, "dm"],
        [HOME, "home"],
      ] as const) {
        await page.goto(`${sandbox.url}?as=U0SEC1&c=${encodeURIComponent(where)}`);
        await until(
          "the conversation",
          () => page.locator("article.msg, .home").count(),
          (n) => n > 0,
        );
        await shoot(`${locale}-${size.name}-${name}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  console.log(`wrote ${written.length} screenshots to ${path.relative(process.cwd(), OUT)}/`);
} finally {
  await browser.close().catch((e: unknown) => console.error(e));
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
}
