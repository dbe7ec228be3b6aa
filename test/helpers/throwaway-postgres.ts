/**
 * A migrated database created on a PostgreSQL server and dropped when closed, for tests and
 * benchmarks (no vitest imports, so bench scripts can use it too). With a template (a database
 * migrated once per test run, see test/helpers/global-setup.ts and
 * docs/decisions/test-database-templates.md) the new database is a copy of it, made by the
 * server in a fraction of a second, instead of migrating again (seconds each: the schema
 * engine loads, then every migration runs).
 */
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrations.ts";

/** Runs one statement on the server's maintenance connection (`serverUrl`'s database). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database name unique to this process: `<prefix>_<pid>_<random>`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` on the server: a copy of `template` when given (already migrated),
 * else an empty one.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  await adminQuery(
    serverUrl,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * Creates `name` and migrates it, then marks it a template nobody connects to (CREATE DATABASE
 * ... TEMPLATE refuses while another session is connected to the template).
 */
export async function createTemplateDatabase(serverUrl: string, name: string): Promise<void> {
  await createDatabase(serverUrl, name);
  const db = await openDatabase({ kind: "postgres", url: databaseUrl(serverUrl, name) });
  try {
    await applyMigrations(db.adapter);
  } finally {
    await db.close();
  }
  await adminQuery(
    serverUrl,
    `ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
  );
}

export async function dropTemplateDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
  await dropDatabase(serverUrl, name);
}

export async function createThrowawayPostgres(
  serverUrl: string,
  prefix: string,
  options: { template?: string } = {},
): Promise<Database & { url: string }> {
  const name = uniqueDatabaseName(prefix);
  await createDatabase(serverUrl, name, options.template);
  const url = databaseUrl(serverUrl, name);
  const db = await openDatabase({ kind: "postgres", url });
  // On a template's copy nothing is pending: this only reads _prisma_migrations.
  await applyMigrations(db.adapter);
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
