/**
 * Every embedded store starts with a small buffer pool (src/db/pglite.ts): PGlite's
 * default, 128 MB, was a third of a bot's start-up. The setting is a start parameter: opening
 * a store must not rewrite its postgresql.conf.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { PGLITE_SHARED_BUFFERS } from "../../src/db/pglite.ts";

const showSharedBuffers = async (db: Awaited<ReturnType<typeof openDatabase>>) =>
  (await db.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`)[0]?.shared_buffers;

describe("the embedded store's start parameters", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("opens a store directory with the small buffer pool, and leaves its postgresql.conf as it was", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pbb-pglite-start-"));
    dirs.push(dir);
    const image = new Blob([await readFile(inject("pgliteTemplate"))]);
    await (await PGlite.create({ dataDir: dir, loadDataDir: image })).close();
    const confBefore = await readFile(path.join(dir, "postgresql.conf"), "utf8");

    const db = await openDatabase({ kind: "pglite", dir });
    try {
      expect(PGLITE_SHARED_BUFFERS).toBe("32MB");
      expect(await showSharedBuffers(db)).toBe("32MB");
    } finally {
      await db.close();
    }
    expect(await readFile(path.join(dir, "postgresql.conf"), "utf8")).toBe(confBefore);
  });

  it("opens an in-memory store with it too", async () => {
    const db = await openDatabase({ kind: "pglite-memory" });
    try {
      expect(await showSharedBuffers(db)).toBe(PGLITE_SHARED_BUFFERS);
    } finally {
      await db.close();
    }
  });
});
