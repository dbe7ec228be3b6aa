/**
 * Restoring a backup made at an older schema: the store is taken back to empty, built with the
 * backup's own migrations, loaded, and then brought forward by the newer migrations, so the
 * migrations transform the old rows exactly as they would have in place.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { readMigrationList, readSchema } from "../migrations.ts";
import { NO_FILTERS, openSchemaEngine } from "../schema-engine.ts";
import { ident, query, type Sql } from "./sql.ts";

/** Drops every table (the migrations table too) and enum type of the current schema. */
export async function dropEverything(sql: Sql): Promise<void> {
  const tables = await query<{ name: string }>(
    sql,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  if (tables.length > 0) {
    await sql.$executeRawUnsafe(
      `DROP TABLE IF EXISTS ${tables.map((t) => ident(t.name)).join(", ")} CASCADE`,
    );
  }
  const types = await query<{ name: string }>(
    sql,
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() AND t.typtype = 'e'`,
  );
  if (types.length > 0) {
    await sql.$executeRawUnsafe(
      `DROP TYPE IF EXISTS ${types.map((t) => ident(t.name)).join(", ")} CASCADE`,
    );
  }
}

/** Applies only the named migrations (all known here), in order; returns the names applied. */
export async function applyMigrationsNamed(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  names: string[],
): Promise<string[]> {
  const wanted = new Set(names);
  const list = await readMigrationList();
  const subset = {
    ...list,
    migrationDirectories: list.migrationDirectories.filter((d) => wanted.has(d.path)),
  };
  if (subset.migrationDirectories.length === 0) return [];
  const engine = await openSchemaEngine(await readSchema(), adapter);
  try {
    const result = await engine.applyMigrations({ migrationsList: subset, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
