/**
 * The embedded store must not be readable or writable by another account on the machine
 * (issue 26): `data/` and the store are created 0700, every file in them is owner-only, and a
 * store left open by an older version is narrowed when it is opened, with one line saying so.
 * Run under umask 000, the worst an operator's shell can hand the bot. A new store made by a
 * running bot is checked in test/cli/processes.test.ts.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { openToOthers } from "../helpers/file-modes.ts";

describe("the embedded store's file modes", () => {
  const dirs: string[] = [];
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o000);
  });
  afterEach(() => {
    process.umask(umask);
  });
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("narrows a store an older version left open, says so once, and not again", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "pbb-modes-old-"));
    dirs.push(root);
    const store = path.join(root, "store");
    // What the old code did under umask 000: a 0777 directory, PGlite's files 0666.
    const image = new Blob([await readFile(inject("pgliteTemplate"))]);
    await (await PGlite.create({ dataDir: store, loadDataDir: image })).close();
    const before = await openToOthers(store);
    expect(before).toContain(". 777");
    expect(before).toContain("postgresql.conf 666");
    expect(before.some((line) => line.startsWith(`pg_wal${path.sep}`))).toBe(true);

    const notices: string[] = [];
    const notice = (line: string) => notices.push(line);
    await (await openDatabase({ kind: "pglite", dir: store }, { notice })).close();
    expect(await openToOthers(store)).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(store);
    expect(notices[0]).toMatch(/readable by other accounts.*owner-only/);

    await (await openDatabase({ kind: "pglite", dir: store }, { notice })).close();
    expect(notices).toHaveLength(1);
    expect(await openToOthers(store)).toEqual([]);
  });
});
