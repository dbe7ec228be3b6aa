/**
 * The embedded store's lock (issue 26): a reused pid must not keep a restarted bot out, and two
 * processes must never both hold one store. Contenders are real processes, started once and
 * told to race for a fresh store again and again.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acquireStoreLock,
  lockPathFor,
  nativeLock,
  StoreInUseError,
  storeOwner,
} from "../../src/db/store-lock.ts";

const CONTENDER = path.resolve(import.meta.dirname, "../helpers/lock-contender.ts");

class Contender {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((line: string) => void)[] = [];
  readonly ready: Promise<string>;
  constructor() {
    this.child = spawn(process.execPath, ["--import", "tsx", CONTENDER], {
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    createInterface({ input: this.child.stdout }).on("line", (line) =>
      this.waiting.shift()?.(line),
    );
    this.ready = this.next();
  }
  private next(): Promise<string> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  ask(command: string): Promise<string> {
    const answer = this.next();
    this.child.stdin.write(`${command}\n`);
    return answer;
  }
}

describe("the embedded store's lock", () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-lock-"));
    dirs.push(dir);
    return dir;
  };
  let contenders: Contender[] = [];
  beforeAll(async () => {
    contenders = [new Contender(), new Contender(), new Contender()];
    await Promise.all(contenders.map((c) => c.ready));
  });
  afterAll(async () => {
    for (const c of contenders) c.child.kill("SIGKILL");
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("uses the kernel's lock on this machine", () => {
    expect(nativeLock()).not.toBeNull();
  });

  it("a lock file naming this very process (a restarted container's PID 1) does not keep it out", async () => {
    for (const stale of [String(process.pid), JSON.stringify({ pid: process.pid, start: "1" })]) {
      const dir = await fresh();
      await writeFile(lockPathFor(dir), stale);
      const lock = acquireStoreLock(dir);
      expect(JSON.parse(await readFile(lockPathFor(dir), "utf8"))).toMatchObject({
        pid: process.pid,
      });
      expect(() => acquireStoreLock(dir)).toThrow(StoreInUseError); // twice in one process: no
      lock.release();
      expect(storeOwner(dir)).toBeNull();
    }
  });

  it("a holder killed without cleaning up leaves a store the next process opens at once", async () => {
    const dir = await fresh();
    const holder = new Contender();
    await holder.ready;
    expect(await holder.ask(`try ${dir}`)).toBe(`won ${holder.child.pid}`);
    expect(storeOwner(dir)).toBe(holder.child.pid);
    expect(() => acquireStoreLock(dir)).toThrow(
      new StoreInUseError(dir, holder.child.pid as number),
    );
    const gone = new Promise((r) => holder.child.once("exit", r));
    holder.child.kill("SIGKILL");
    await gone;
    expect(storeOwner(dir)).toBeNull();
    acquireStoreLock(dir).release();
  });

  it("three processes racing for a store with a stale lock: exactly one wins, 60 times out of 60", async () => {
    const outcomes: number[] = [];
    for (let trial = 0; trial < 60; trial++) {
      const dir = await fresh();
      // Stale: a process that has ended (one of ours was never this pid), or this test's own.
      await writeFile(lockPathFor(dir), String(trial % 2 === 0 ? process.pid : 2 ** 22 + trial));
      const answers = await Promise.all(contenders.map((c) => c.ask(`try ${dir}`)));
      outcomes.push(answers.filter((a) => a.startsWith("won ")).length);
      const winner = answers.find((a) => a.startsWith("won "))?.slice(4);
      expect(String(storeOwner(dir))).toBe(winner);
      await Promise.all(contenders.map((c) => c.ask("release")));
    }
    expect(outcomes).toEqual(Array(60).fill(1));
  });
});
