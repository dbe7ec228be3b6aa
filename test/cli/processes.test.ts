/**
 * `pbb` as people run it: separate processes, the embedded store shared through the hand-off
 * socket, and the clear refusals at start.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import type { SlackEmulator } from "../../src/localslack/index.ts";
import { EXAMPLE_ORG, emulatorForOrg, SIGNING_SECRET } from "../helpers/bot.ts";
import { modeOf, openToOthers } from "../helpers/file-modes.ts";

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
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${output}`)), 180_000);
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

const CONNECT = `const s = require("node:net").connect(process.argv[1]);
s.on("connect", () => { console.log("CONNECTED uid " + process.getuid()); s.destroy(); });
s.on("error", (e) => console.log(e.code + " uid " + process.getuid()));`;

/**
 * Connects to a unix socket as `nobody` (the tests run as root, as CI does) and says what
 * happened. Fails, rather than skips, when this machine cannot switch users.
 */
function connectAsNobody(socketPath: string): string {
  const run = spawnSync(
    "setpriv",
    [
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      process.execPath,
      "-e",
      CONNECT,
      socketPath,
    ],
    { encoding: "utf8", timeout: 30_000 },
  );
  if (run.error || run.status !== 0 || !run.stdout.includes("uid 65534")) {
    throw new Error(
      `cannot run a process as nobody here (setpriv: ${run.error?.message ?? run.stderr}); this test needs root`,
    );
  }
  return run.stdout.trim();
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
    let root: string;

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
        DATABASE_URL: `pglite:${path.join(dataDir, "data", "store")}`,
        PORT: "0",
        ORG_FILE: EXAMPLE_ORG,
        LOG_LEVEL: "silent",
      };
      root = dataDir;
      // The worst umask an operator's shell can hand the bot: the modes below must not follow it.
      const umask = process.umask(0o000);
      try {
        bot = await startBotProcess(env);
      } finally {
        process.umask(umask);
      }
    }, 200_000);

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

    it("under umask 000, data/ and the new store are 0700 and every file in the store owner-only", async () => {
      const store = path.join(root, "data", "store");
      expect(await modeOf(path.join(root, "data"))).toBe(0o700);
      expect(await modeOf(store)).toBe(0o700);
      expect(await openToOthers(store)).toEqual([]);
      expect((await readdir(path.join(store, "base"), { recursive: true })).length).toBeGreaterThan(
        100,
      );
    });

    it("another account cannot connect to the hand-off socket, even when the directory lets it through", async () => {
      const store = path.join(root, "data", "store");
      const socket = path.join(store, "pbb.sock");
      expect(await modeOf(socket)).toBe(0o600);
      // The control: nobody does connect to a socket its modes let it reach.
      const open = await mkdtemp(path.join(os.tmpdir(), "pbb-open-sock-"));
      await chmod(open, 0o755);
      const control = net.createServer((c) => c.end());
      await new Promise<void>((r) => control.listen(path.join(open, "s.sock"), r));
      await chmod(path.join(open, "s.sock"), 0o777);
      try {
        expect(connectAsNobody(path.join(open, "s.sock"))).toBe("CONNECTED uid 65534");
      } finally {
        control.close();
      }

      expect(connectAsNobody(socket)).toBe("EACCES uid 65534");
      await chmod(store, 0o711); // an operator opened the directory: the socket's own mode holds
      try {
        expect(connectAsNobody(socket)).toBe("EACCES uid 65534");
      } finally {
        await chmod(store, 0o700);
      }
    });

    it("an org file that is not one echoes no more than a short excerpt of it", async () => {
      const passwd = await readFile("/etc/passwd", "utf8");
      const applied = await pbb(["org", "apply", "/etc/passwd"], env);
      expect(applied.code).toBe(1);
      expect(applied.stderr).toContain('/etc/passwd:1: expected a mapping, got "root:x:0:0:');
      for (const line of passwd
        .split("\n")
        .slice(1)
        .filter((l) => l.length > 0)) {
        expect(applied.stderr).not.toContain(line);
      }
      const quoted = /got ("[^\n]*?…?")/.exec(applied.stderr)?.[1] ?? "";
      expect(quoted.length).toBeGreaterThan(10);
      expect(quoted.length).toBeLessThanOrEqual(80);
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
