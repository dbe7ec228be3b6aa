/**
 * The compiled start: `bin/pbb.js` runs the build in dist/ and nothing else. A build older than
 * the sources, or none at all, is refused with one line (it never runs silently); so is a Node
 * older than 22; and a stack trace names the .ts line through the source maps.
 *
 * Each case works on a small checkout of its own in a temporary folder (the real bin/, scripts/
 * and package.json, a tiny src/, node_modules linked), so touching its sources never disturbs
 * the real dist/ that other test files run.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = [
  'import { answer } from "./answer.ts";',
  "const argv: string[] = process.argv.slice(2);",
  'if (argv[0] === "boom") throw new Error("boom from the sources");',
  'console.log("built code ran:", answer(), argv.join(" "));',
].join("\n");

const checkouts: string[] = [];
afterEach(() => {
  for (const dir of checkouts.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function checkout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pbb-build-"));
  checkouts.push(dir);
  for (const file of [
    "bin/pbb.js",
    "scripts/build.mjs",
    "scripts/build-stamp.mjs",
    "package.json",
  ]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  mkdirSync(path.join(dir, "src/cli"), { recursive: true });
  writeFileSync(path.join(dir, "src/cli/main.ts"), `${MAIN}\n`);
  writeFileSync(path.join(dir, "src/cli/answer.ts"), "export const answer = (): number => 42;\n");
  return dir;
}

function run(dir: string, args: string[], nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const build = (dir: string, ...flags: string[]) => run(dir, ["scripts/build.mjs", ...flags]);
const pbb = (dir: string, ...args: string[]) => run(dir, ["bin/pbb.js", ...args]);

describe("the compiled start", () => {
  it("runs the build once made, and refuses it after a source changes until it is rebuilt", () => {
    const dir = checkout();
    const missing = pbb(dir, "hello");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe(
      "pbb: there is no build in dist/; run `npm run build` (or `npm start`, which builds)\n",
    );

    expect(build(dir).code).toBe(0);
    expect(pbb(dir, "hello")).toMatchObject({ code: 0, stdout: "built code ran: 42 hello\n" });

    // A source edited after the build (different size, later mtime): refused, nothing of it runs.
    writeFileSync(path.join(dir, "src/cli/answer.ts"), "export const answer = (): number => 7;\n");
    const stale = pbb(dir, "hello");
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe("");
    expect(stale.stderr).toBe(
      "pbb: the build in dist/ is older than src/; run `npm run build` (or `npm start`, which builds)\n",
    );

    // A new source file counts too.
    expect(build(dir).code).toBe(0);
    expect(pbb(dir, "x").stdout).toBe("built code ran: 7 x\n");
    writeFileSync(path.join(dir, "src/cli/extra.ts"), "export {};\n");
    expect(pbb(dir, "x").code).toBe(1);

    // What `npm start` runs first: --if-stale rebuilds now, and then does nothing.
    const rebuilt = build(dir, "--if-stale");
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^pbb build: dist\/ in \d+ ms\n$/);
    expect(pbb(dir, "x").stdout).toBe("built code ran: 7 x\n");
    expect(build(dir, "--if-stale")).toMatchObject({ code: 0, stdout: "" });
  });

  it("names the .ts line of an error in its stack trace", () => {
    const dir = checkout();
    expect(build(dir).code).toBe(0);
    const result = pbb(dir, "boom");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("boom from the sources");
    expect(result.stderr).toMatch(/src\/cli\/main\.ts:3:\d+/);
    expect(result.stderr).not.toMatch(/dist\/pbb\.js:\d+/);
  });

  it("refuses a Node older than 22 with one line, before loading anything", () => {
    const dir = checkout();
    expect(build(dir).code).toBe(0);
    for (const version of ["20.19.0", "21.7.3", "18.20.8"]) {
      const fake = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`;
      const result = run(dir, ["bin/pbb.js", "hello"], ["--import", fake]);
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: `pbb: Node ${version} is not supported; install Node 22 or 24 (the LTS lines)\n`,
      });
    }
    const current = run(dir, ["bin/pbb.js", "hello"], ["--import", 'data:text/javascript,""']);
    expect(current).toMatchObject({ code: 0, stdout: "built code ran: 42 hello\n" });
  });

  it("the real checkout's build is current after the test setup, and `pbb --help` runs it", () => {
    const result = pbb(ROOT, "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("pbb");
    expect(result.stderr).toBe("");
  });
});
