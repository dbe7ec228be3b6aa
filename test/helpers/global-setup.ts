/**
 * Brings dist/ up to date with src/ (the tests that start `bin/pbb.js` run the built code, as
 * production does), and builds one migrated PGlite data directory image per run, so each test
 * file can start from a migrated database in well under a second instead of running initdb and
 * migrations again.
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/db/migrations.ts";
import { createPglite } from "../../src/db/pglite.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject): Promise<void> {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const pglite = await createPglite();
  await applyMigrations(new PrismaPGlite(pglite));
  const image = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(os.tmpdir(), `pbb-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await image.arrayBuffer()));
  project.provide("pgliteTemplate", file);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
