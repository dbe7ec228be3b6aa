/**
 * The sandbox's first minutes, measured (issue #25): `npm start` without a token, as a newcomer
 * runs it, on a fresh data directory (first start: migrations, the demo organisation applied),
 * timed from the spawn to the page answering 200; then the guided tour walked in Debian's
 * Chromium (test/sandbox/tour-walk.ts, the walkthrough test's walk), timed from the page's load
 * to the tour's last step. One JSON line per run, then the medians and their ratio to the
 * issue's budgets (30 s, 60 s), with the machine's load beside them.
 *
 *   npm run bench:sandbox -- [--dir <a fresh clone, after npm install>] [--runs 3] [--locale en]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Locale } from "../src/i18n/index.ts";
import { DEMO_TIMEZONE } from "../src/sandbox/demo-org.ts";
import { HAS_CHROMIUM, openBrowser } from "../test/sandbox/browser.ts";
import { until, walkTour } from "../test/sandbox/tour-walk.ts";

const SERVED_BUDGET_MS = 30_000;
const WALK_BUDGET_MS = 60_000;

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    runs: { type: "string", default: "1" },
    locale: { type: "string", default: "zh-CN" },
  },
});
const dir = path.resolve(values.dir);
const locale = values.locale as Locale;
if (!HAS_CHROMIUM) throw new Error("the tour's walk needs Chromium at /usr/bin/chromium");

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function run(): Promise<{ servedMs: number; walkMs: number; steps: number }> {
  const data = await mkdtemp(path.join(os.tmpdir(), "pbb-bench-sandbox-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `pglite:${path.join(data, "pglite")}`,
    LOG_LEVEL: "warn",
  };
  delete env.SLACK_BOT_TOKEN; // no token: the sandbox
  delete env.SLACK_APP_TOKEN;
  // What `npm start` runs: the build when stale, then the bot (without npm's own start-up time).
  const child = spawn(
    "sh",
    [
      "-c",
      `"${process.execPath}" scripts/build.mjs --if-stale && exec "${process.execPath}" bin/pbb.js start`,
    ],
    { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  let exited = false;
  const exit = new Promise<never>((_, reject) =>
    child.once("exit", (code) => {
      exited = true;
      reject(new Error(`pbb start exited with ${code} before serving its page`));
    }),
  );
  exit.catch(() => {}); // after the page is served, the exit is the bench's own SIGINT
  try {
    await Promise.race([
      until(
        "the sandbox page",
        () => fetch(url).then((r) => r.status),
        (s) => s === 200,
        300_000,
      ),
      exit,
    ]);
    const servedMs = Date.now() - started;
    const browser = await openBrowser({ width: 1280, height: 800 });
    try {
      const walkStarted = Date.now();
      await browser.page.goto(url);
      const month = async () => {
        const now = await browser.page.locator("[data-clock-now]").getAttribute("datetime");
        return new Intl.DateTimeFormat("en-CA", {
          timeZone: DEMO_TIMEZONE,
          year: "numeric",
          month: "2-digit",
        })
          .format(new Date(now ?? Date.now()))
          .slice(0, 7);
      };
      const first = await month();
      const walk = await walkTour(browser.page, { locale, month: () => first });
      return { servedMs, walkMs: Date.now() - walkStarted, steps: walk.steps.length };
    } finally {
      await browser.close();
    }
  } finally {
    if (!exited) {
      child.kill("SIGINT");
      await new Promise((r) => child.once("exit", r));
    }
    await rm(data, { recursive: true, force: true });
  }
}

const results: { servedMs: number; walkMs: number }[] = [];
for (let i = 0; i < Number(values.runs); i += 1) {
  const r = await run();
  results.push(r);
  console.log(JSON.stringify({ run: i + 1, ...r, loadavg: os.loadavg(), cores: os.cpus().length }));
}
const served = median(results.map((r) => r.servedMs));
const walk = median(results.map((r) => r.walkMs));
console.log(
  JSON.stringify({
    runs: results.length,
    dir,
    servedMedianMs: served,
    servedRatio: Number((served / SERVED_BUDGET_MS).toFixed(2)),
    walkMedianMs: walk,
    walkRatio: Number((walk / WALK_BUDGET_MS).toFixed(2)),
    loadavg: os.loadavg(),
    cores: os.cpus().length,
    node: process.version,
  }),
);
