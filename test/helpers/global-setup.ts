/**
 * Once per test run: brings dist/ up to date with src/ (the tests that start `bin/pbb.js` run
 * the built code, as production does), and has each store migrated once as a template, so
 * every test database starts from a migrated copy instead of running the migrations again
 * (docs/decisions/test-database-templates.md): a PGlite data directory image, and, when
 * TEST_DATABASE_URL is set, a template database on the PostgreSQL server. Both are named by a
 * hash of the migrations (and of PGlite's version), so a run reuses what an earlier run with the
 * same migrations made, and a run on other migrations makes its own.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { applyMigrations, readMigrationList } from "../../src/db/migrations.ts";
import { createPglite } from "../../src/db/pglite.ts";
import {
  createTemplateDatabase,
  dropTemplateDatabase,
  uniqueDatabaseName,
} from "./throwaway-postgres.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A short hash of every migration's name and SQL, and of PGlite's version. */
async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of (await readMigrationList()).migrationDirectories) {
    hash.update(`${dir.path}\0${dir.migrationFile.content.value}\0`);
  }
  const pglite = path.join(ROOT, "node_modules/@electric-sql/pglite/package.json");
  hash.update(JSON.parse(readFileSync(pglite, "utf8")).version);
  return hash.digest("hex").slice(0, 16);
}

/** The migrated PGlite image for `key`, made (written under a temporary name, then renamed) if absent. */
async function pgliteTemplate(key: string): Promise<string> {
  const file = path.join(os.tmpdir(), `pbb-template-${key}.tar`);
  if (existsSync(file)) return file;
  const pglite = await createPglite();
  await applyMigrations(new PrismaPGlite(pglite));
  const image = await pglite.dumpDataDir("none");
  await pglite.close();
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, Buffer.from(await image.arrayBuffer()));
  await rename(partial, file);
  await removeOldImages();
  return file;
}

/** Images earlier versions of this setup left, one per run (`pbb-template-<pid>.tar`), whose run has ended. */
async function removeOldImages(): Promise<void> {
  for (const name of await readdir(os.tmpdir())) {
    const pid = /^pbb-template-(\d+)\.tar$/.exec(name)?.[1];
    if (!pid || alive(Number(pid))) continue;
    await rm(path.join(os.tmpdir(), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The migrated template database for `key` on the server, made if absent: migrated under a name
 * of its own, then renamed, so a test never copies a half-migrated template, and of two runs
 * making it at once, one rename wins and the other drops its copy.
 */
async function postgresTemplate(serverUrl: string, key: string): Promise<string> {
  const name = `pbb_template_${key}`;
  const exists = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      return found.rowCount === 1;
    } finally {
      await client.end();
    }
  };
  if (await exists()) return name;
  const building = uniqueDatabaseName("pbb_template_build");
  await createTemplateDatabase(serverUrl, building);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // duplicate_database
    await dropTemplateDatabase(serverUrl, building);
  } finally {
    await client.end();
  }
  return name;
}

export default async function setup(project: TestProject): Promise<void> {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const key = await templateKey();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const [image, database] = await Promise.all([
    pgliteTemplate(key),
    serverUrl ? postgresTemplate(serverUrl, key) : "",
  ]);
  project.provide("pgliteTemplate", image);
  project.provide("postgresTemplate", database);
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data directory image (a tar file). */
    pgliteTemplate: string;
    /** The migrated template database on TEST_DATABASE_URL's server ("" without one). */
    postgresTemplate: string;
  }
}
