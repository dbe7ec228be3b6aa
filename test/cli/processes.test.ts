/**
 * `pbb` as people run it: separate processes, the embedded store shared through the hand-off
 * socket, and the clear refusals at start.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import type { SlackEmulator } from "../../src/localslack/index.ts";
import { EXAMPLE_ORG, emulatorForOrg, SIGNING_SECRET } from "../helpers/bot.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/pbb.js");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

function pbb(args: string[], env: Record<string, string>, cwd = root): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: baseEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `pbb start` and resolves once it says it is running. */
function startBotProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "start"], { cwd: root, env: baseEnv(env) });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes("is running")) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}:\n${output}`));
    });
  });
}

describe("pbb processes", () => {
  it("when no Slack token is set and the environment is otherwise bad, start names each problem on its own line and exits 2", async () => {
    const result = await pbb(["start"], { PORT: "70000", DATABASE_URL: "mysql://x" });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.startsWith("PORT: "))).toBeDefined();
    expect(lines.find((l) => l.startsWith("DATABASE_URL: "))).toBeDefined();
    expect(result.stderr).not.toMatch(/\s+at /); // no stack trace
  });

  it("when HTTP mode lacks its signing secret, start refuses with exit code 2", async () => {
    const result = await pbb(["start"], {
      SLACK_BOT_TOKEN: "xoxb-1",
      DATABASE_URL: "pglite:memory",
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^SLACK_SIGNING_SECRET: /);
  });

  describe("while the bot runs on the embedded store", () => {
    let emulator: SlackEmulator;
    let bot: { child: ChildProcess; output: () => string };
    let env: Record<string, string>;

    beforeAll(async () => {
      const parsed = parseOrgFile(await readFile(EXAMPLE_ORG, "utf8"), "org.yml");
      if (!parsed.ok) throw new Error("example org must parse");
      emulator = emulatorForOrg(parsed.org);
      await emulator.start();
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "pbb-proc-"));
      env = {
        SLACK_BOT_TOKEN: emulator.workspace.bot.token,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: emulator.url,
        DATABASE_URL: `pglite:${path.join(dataDir, "store")}`,
        PORT: "0",
        ORG_FILE: EXAMPLE_ORG,
        LOG_LEVEL: "silent",
      };
      bot = await startBotProcess(env);
    }, 120_000);

    afterAll(async () => {
      if (bot?.child.exitCode === null) {
        const exited = new Promise((r) => bot.child.once("exit", r));
        bot.child.kill("SIGTERM");
        await exited;
      }
      await emulator?.stop();
    });

    it("applies ORG_FILE at start", () => {
      expect(bot.output()).toContain("ORG_FILE");
    });

    it("a pbb command is handed to the running bot instead of opening the store again", async () => {
      const shown = await pbb(["org", "show"], env);
      expect(shown.stderr).toBe("");
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain("key: resettlement");
      expect(shown.stdout).toContain("C0COMMITTEE");
    });

    it("a second pbb start on the same store refuses with a clear message", async () => {
      const second = await pbb(["start"], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        /another pbb process \(pid \d+\) is already running on .*store/,
      );
    });

    it("SIGTERM stops the bot cleanly and frees the store for the next command", async () => {
      const exited = new Promise<number | null>((r) => bot.child.once("exit", (code) => r(code)));
      bot.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const shown = await pbb(["org", "show"], env);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain("key: resettlement");
    });
  });
});
