/**
 * What the store holds, read from PostgreSQL's catalog (the same on PGlite): the tables of the
 * current schema in foreign-key order, their columns, primary keys and id sequences, and the
 * migrations recorded in _prisma_migrations.
 */
import { ident, query, type Sql } from "./sql.ts";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export interface ColumnInfo {
  name: string;
  /** json/jsonb: written wrapped, so a JSON null and an SQL NULL stay apart. */
  json: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  parents: string[];
}

/** Every table but _prisma_migrations, parents before children, otherwise by name. */
export async function readCatalog(sql: Sql): Promise<TableInfo[]> {
  const tables = await query<{ name: string }>(
    sql,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1
     ORDER BY c.relname`,
    MIGRATIONS_TABLE,
  );
  const columns = await query<{ table: string; name: string; type: string }>(
    sql,
    `SELECT table_name AS "table", column_name AS name, data_type AS type
     FROM information_schema.columns WHERE table_schema = current_schema()
     ORDER BY table_name, ordinal_position`,
  );
  const keys = await query<{ table: string; name: string }>(
    sql,
    `SELECT c.relname AS "table", a.attname AS name
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos) ON true
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = current_schema()
     ORDER BY c.relname, k.pos`,
  );
  const links = await query<{ child: string; parent: string }>(
    sql,
    `SELECT ch.relname AS child, pa.relname AS parent
     FROM pg_constraint f JOIN pg_class ch ON ch.oid = f.conrelid
     JOIN pg_class pa ON pa.oid = f.confrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE f.contype = 'f' AND n.nspname = current_schema()`,
  );
  const infos = tables.map(
    ({ name }): TableInfo => ({
      name,
      columns: columns
        .filter((c) => c.table === name)
        .map((c) => ({ name: c.name, json: c.type === "json" || c.type === "jsonb" })),
      primaryKey: keys.filter((k) => k.table === name).map((k) => k.name),
      parents: [
        ...new Set(links.filter((l) => l.child === name && l.parent !== name).map((l) => l.parent)),
      ],
    }),
  );
  return dependencyOrder(infos);
}

/** Parents first (Kahn's algorithm, ties by name); a cycle is an error, not a silent guess. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const known = new Set(tables.map((t) => t.name));
  const pending = new Map(
    tables.map((t) => [t.name, new Set(t.parents.filter((p) => known.has(p)))]),
  );
  const ordered: TableInfo[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  while (pending.size > 0) {
    const ready = [...pending.entries()]
      .filter(([, parents]) => parents.size === 0)
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) {
      throw new Error(`foreign keys form a cycle among ${[...pending.keys()].join(", ")}`);
    }
    for (const name of ready) {
      pending.delete(name);
      for (const parents of pending.values()) parents.delete(name);
      const table = byName.get(name);
      if (table) ordered.push(table);
    }
  }
  return ordered;
}

export async function countRows(sql: Sql, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(sql, `SELECT count(*)::int AS n FROM ${ident(table)}`);
  return row?.n ?? 0;
}

/** Tables that hold at least one row. */
export async function nonEmptyTables(sql: Sql, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const [row] = await query<{ present: boolean }>(
      sql,
      `SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS present`,
    );
    if (row?.present) found.push(t.name);
  }
  return found;
}

/** Names of the migrations finished (and not rolled back) in this store, in order. */
export async function appliedMigrationNames(sql: Sql): Promise<string[]> {
  const [present] = await query<{ ok: boolean }>(
    sql,
    `SELECT to_regclass($1) IS NOT NULL AS ok`,
    MIGRATIONS_TABLE,
  );
  if (!present?.ok) return [];
  const rows = await query<{ name: string }>(
    sql,
    `SELECT migration_name AS name FROM ${ident(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return [...new Set(rows.map((r) => r.name))];
}
