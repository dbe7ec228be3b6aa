/**
 * One `pbb` child process: `node bin/pbb.js start` (a replica) or a one-off command. Output is
 * kept for the test's diagnostics; every wait is bounded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PROBE_ENTRY = path.join(ROOT, "test/replicas/fixtures/probe-pbb.mjs");

export interface SpawnOptions {
  env: Record<string, string>;
  /** Load the test-only "replica-probe" job into the process. */
  probe?: boolean;
}

function nodeArgs(args: string[], probe: boolean | undefined): string[] {
  return [probe ? PROBE_ENTRY : path.join(ROOT, "bin/pbb.js"), ...args];
}

/** The environment a child gets: only what it needs, so the test runner's own stays out. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"];
  const env: Record<string, string> = {};
  for (const key of keep) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, NODE_ENV: "test", LOG_LEVEL: "warn", ...extra };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pbb <args>` to completion (bounded). */
export function runPbb(args: string[], options: SpawnOptions, timeoutMs = 120_000) {
  return new Promise<CommandResult>((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(args, options.probe), {
      cwd: ROOT,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`pbb ${args.join(" ")} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface BotProcess {
  readonly name: string;
  readonly pid: number;
  /** The HTTP port, once it said it is running. */
  port(): number;
  output(): string;
  exited(): boolean;
  /** Waits for "running … on port N" and a 200 from /healthz. */
  ready(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const RUNNING = /party-building-bot is running \(\w+ mode\) on port (\d+)/;

export function startBotProcess(name: string, options: SpawnOptions): BotProcess {
  const child: ChildProcess = spawn(process.execPath, nodeArgs(["start"], options.probe), {
    cwd: ROOT,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let port = 0;
  let exitedWith: string | null = null;
  const onData = (d: unknown) => {
    out += String(d);
    const match = RUNNING.exec(out);
    if (match && port === 0) port = Number(match[1]);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exit = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exitedWith = signal ?? String(code);
      resolve();
    });
  });
  const pid = child.pid ?? -1;
  return {
    name,
    pid,
    port: () => port,
    output: () => out,
    exited: () => exitedWith !== null,
    async ready(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exitedWith !== null)
          throw new Error(`${name} exited (${exitedWith}) while starting:\n${out}`);
        if (port > 0 && (await healthy(port))) return;
        await sleep(200);
      }
      throw new Error(`${name} was not healthy within ${timeoutMs} ms:\n${out}`);
    },
    async kill(signal) {
      if (exitedWith !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(2000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value other than undefined/false; bounded in time. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  opts: { timeoutMs: number; intervalMs?: number; describe?: () => string | Promise<string> },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const detail = opts.describe ? `\n${await opts.describe()}` : "";
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(opts.intervalMs ?? 250);
  }
}
