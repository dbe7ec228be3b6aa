/**
 * `pbb` as people run it, in its own process: a command to completion, or `pbb start` kept
 * running with its output collected; free ports; polling an HTTP endpoint.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/pbb.js");

export interface PbbResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function processEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

export function runPbb(args: string[], env: Record<string, string>): Promise<PbbResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: processEnv(env) });
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

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `pbb start` with `env`; returns at once (poll its endpoints to see how far it got). */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [BIN, "start"], { cwd: ROOT, env: processEnv(env) });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A port nothing listens on right now (the OS's pick, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Answer {
  status: number;
  body: string;
}

/** GET `url`: status and body, or status 0 when nothing answers. */
export async function get(url: string): Promise<Answer> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

/** Polls `url` until `accept` holds (every 100 ms); throws with the last answer after `timeoutMs`. */
export async function pollUntil(
  url: string,
  accept: (answer: Answer) => boolean,
  options: { timeoutMs?: number; alive?: () => void } = {},
): Promise<Answer> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last: Answer = { status: 0, body: "" };
  while (Date.now() < deadline) {
    options.alive?.();
    last = await get(url);
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: still ${last.status} ${last.body}`);
}
