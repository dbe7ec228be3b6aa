/**
 * Test databases: a fresh migrated PGlite per call (from the run's template image), and, when
 * TEST_DATABASE_URL is set, a fresh database on the PostgreSQL server (a copy of the run's
 * migrated template database). With CI=true the
 * PostgreSQL run is required: its absence fails loudly instead of passing silently.
 */
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import { type Database, wrapPglite } from "../../src/db/client.ts";
import { createPglite } from "../../src/db/pglite.ts";
import { writeOrg } from "../../src/db/repositories/org.ts";
import { createThrowawayPostgres } from "./throwaway-postgres.ts";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const IN_CI = process.env.CI === "true";

if (IN_CI && !TEST_DATABASE_URL) {
  throw new Error(
    "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite is required in CI",
  );
}

export type StoreKind = "pglite" | "postgres";
/** The stores a database test runs on: always PGlite, and PostgreSQL when configured. */
export const STORES: StoreKind[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
if (!TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL is not set: database tests run on PGlite only");
}

export async function createTestDatabase(kind: StoreKind = "pglite"): Promise<Database> {
  return kind === "postgres" ? createPostgresDatabase() : createPgliteDatabase();
}

/** Writes the org file `text` to `db` as the org in force (no Slack lookups: ids only). */
export async function writeOrgText(db: Database, text: string, actor = "t"): Promise<void> {
  const parsed = parseOrgFile(text, "org.yml");
  if (!parsed.ok) throw new Error(`test org does not parse: ${JSON.stringify(parsed.errors)}`);
  await writeOrg(db, parsed.org, { actor, source: "test" });
}

/**
 * A fresh database of `store` for each test of the enclosing block (with `orgText` written as
 * the org in force by `actor`, then `setUp`), closed after the test. Returns the current test's database.
 */
export function useTestDatabase(
  store: StoreKind,
  options: { orgText?: string; actor?: string; setUp?: (db: Database) => Promise<unknown> } = {},
): () => Database {
  let current: Database | undefined;
  beforeEach(async () => {
    current = await createTestDatabase(store);
    if (options.orgText !== undefined) await writeOrgText(current, options.orgText, options.actor);
    await options.setUp?.(current);
  });
  afterEach(async () => {
    const db = current;
    current = undefined;
    await db?.close();
  });
  return () => {
    if (!current) throw new Error("no test database (used outside a test of its block)");
    return current;
  };
}

/**
 * One database of `store` for all the tests of the enclosing block (or file): created and set up
 * before the first, closed after the last. Returns it.
 */
export function useSharedTestDatabase(
  store: StoreKind,
  options: { setUp?: (db: Database) => Promise<unknown>; setUpTimeout?: number } = {},
): () => Database {
  let current: Database | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(store);
    await options.setUp?.(current);
  }, options.setUpTimeout);
  afterAll(async () => {
    const db = current;
    current = undefined;
    await db?.close();
  });
  return () => {
    if (!current) throw new Error("no test database (used outside its block)");
    return current;
  };
}

/**
 * A PGlite data directory at `dir` holding the run's migrated template, for a `pbb` process to
 * open: on an empty directory a spawned process spends seconds on initdb and the migrations.
 * (The tests of a first start keep an empty directory.)
 */
export async function migratedPgliteDir(dir: string): Promise<string> {
  const image = await readFile(inject("pgliteTemplate"));
  await (await createPglite(dir, { loadDataDir: new Blob([image]) })).close();
  return dir;
}

async function createPgliteDatabase(): Promise<Database> {
  const image = await readFile(inject("pgliteTemplate"));
  return wrapPglite(await createPglite(undefined, { loadDataDir: new Blob([image]) }));
}

/** A throwaway database on the server (a copy of the run's migrated template), dropped when closed. */
export async function createPostgresDatabase(
  prefix = "pbb_test",
): Promise<Database & { url: string }> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  return createThrowawayPostgres(TEST_DATABASE_URL, prefix, { template: postgresTemplate() });
}

/** The run's migrated template database on TEST_DATABASE_URL's server. */
export function postgresTemplate(): string {
  const template = inject("postgresTemplate");
  if (!template)
    throw new Error("no PostgreSQL template: TEST_DATABASE_URL was not set for the run");
  return template;
}

export function postgresUrlFor(database: string): string {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
