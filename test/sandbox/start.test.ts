/**
 * `npm start` with no Slack token, as a person runs it: the sandbox page is served, the demo
 * org is applied, the clock panel fires the monthly reminder, SIGTERM stops it cleanly, and
 * after a restart the workspace (with the bot's message, whose ts the database remembers) is
 * still there and its button still works.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "./eventually.ts";
import { post } from "./sandbox-helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

function startCli(cwd: string): Promise<Started> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("SLACK_") && k !== "ORG_FILE") env[k] = v;
  }
  Object.assign(env, { PORT: "0", DATABASE_URL: "pglite:./data/pglite", LOG_LEVEL: "warn" });
  const child = spawn(process.execPath, [path.join(ROOT, "bin/pbb.js"), "start"], { cwd, env });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after 90 s:\n${out}`)), 90_000);
    const check = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: m[1], output: () => out });
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pbb start exited with ${code}:\n${out}`));
    });
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners("exit");
    s.child.once("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

interface ScreenJson {
  regions: Record<string, string>;
}

const screen = async (base: string, query: string): Promise<ScreenJson> =>
  (await (await fetch(`${base}sandbox/api/screen?${query}`)).json()) as ScreenJson;

describe("npm start without a Slack token", () => {
  let dir = "";
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves the sandbox with the demo org, and keeps the workspace across a restart", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "pbb-start-"));
    running = await startCli(dir);
    const first = running;
    expect(first.output()).toContain("applied the demo organisation");
    const page = await fetch(first.base);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/sandbox/static/app.js");
    const health = await fetch(`${first.base}healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });

    const fired = await post(first.base, "clock", { command: "job:monthly-reminder" });
    expect(fired.lines?.join("\n")).toMatch(/发出4条月度提醒/);
    let branch: ScreenJson | undefined;
    await eventually(async () => {
      branch = await screen(first.base, "as=U0SEC1&c=C0RESETTLE");
      return branch.regions.messages;
    }).toContain("填报任务清单");
    const ts = /data-surface="message" data-channel="C0RESETTLE" data-ts="([\d.]+)"/.exec(
      branch?.regions.messages ?? "",
    )?.[1];
    expect(ts).toBeDefined();

    expect(await stop(first)).toBe(0);
    running = undefined;
    expect(existsSync(path.join(dir, "data/sandbox-workspace.json"))).toBe(true);

    running = await startCli(dir);
    const second = running;
    expect(second.output()).not.toContain("applied the demo organisation");
    const again = await screen(second.base, "as=U0SEC1&c=C0RESETTLE");
    expect(again.regions.messages).toContain(`data-ts="${ts}"`);
    const button = /data-el="button" data-block="([^"]+)" data-action="([^"]+)"/.exec(
      again.regions.messages ?? "",
    );
    const opened = await post(second.base, "action", {
      as: "U0SEC1",
      surface: { kind: "message", channel: "C0RESETTLE", ts },
      blockId: button?.[1],
      actionId: button?.[2],
    });
    expect(opened.ok).toBe(true);
    await eventually(
      async () => (await screen(second.base, "as=U0SEC1&c=C0RESETTLE")).regions.modal,
    ).toContain("月度任务清单");
    expect(await stop(second)).toBe(0);
    running = undefined;
  }, 240_000);
});
