/**
 * A migrated database created on a PostgreSQL server and dropped when closed, for tests and
 * benchmarks (no vitest imports, so bench scripts can use it too).
 */
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrations.ts";

export async function createThrowawayPostgres(
  serverUrl: string,
  prefix: string,
): Promise<Database & { url: string }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await applyMigrations(db.adapter);
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
