/**
 * Writing rows into a store inside the caller's transaction: everything there is removed first,
 * the rows go in table by table (parents first), the id sequences continue after the highest id,
 * and every table's count is checked against what was expected.
 */
import { type ColumnInfo, countRows, type TableInfo } from "./catalog.ts";
import type { Batch } from "./format.ts";
import { ident, query, type Sql } from "./sql.ts";

export class LoadError extends Error {
  override name = "LoadError";
}

export interface SourceTable {
  name: string;
  columns: ColumnInfo[];
}

/** Empties every table of the target (ids restart), within the transaction. */
export async function truncateAll(tx: Sql, target: TableInfo[]): Promise<void> {
  if (target.length === 0) return;
  await tx.$executeRawUnsafe(
    `TRUNCATE ${target.map((t) => ident(t.name)).join(", ")} RESTART IDENTITY CASCADE`,
  );
}

function insertStatement(table: TableInfo, source: SourceTable): string {
  const present = new Set(table.columns.map((c) => c.name));
  const missing = source.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new LoadError(
      `table ${table.name} has no column ${missing.join(", ")} here: the schemas differ`,
    );
  }
  const names = source.columns.map((c) => ident(c.name)).join(", ");
  const values = source.columns
    .map((c) => (c.json ? `(${ident(c.name)} -> 'json')` : ident(c.name)))
    .join(", ");
  return `INSERT INTO ${ident(table.name)} (${names}) SELECT ${values}
    FROM jsonb_populate_recordset(NULL::${ident(table.name)}, $1::jsonb)`;
}

/** Inserts the batches; returns the rows written per table. */
export async function insertBatches(
  tx: Sql,
  target: TableInfo[],
  source: SourceTable[],
  batches: AsyncIterable<Batch>,
): Promise<Map<string, number>> {
  const targets = new Map(target.map((t) => [t.name, t]));
  const statements = new Map<string, string>();
  for (const s of source) {
    const t = targets.get(s.name);
    if (!t) throw new LoadError(`table ${s.name} does not exist here: the schemas differ`);
    statements.set(s.name, insertStatement(t, s));
  }
  const written = new Map<string, number>();
  for await (const batch of batches) {
    const statement = statements.get(batch.table);
    if (!statement) throw new LoadError(`rows for ${batch.table}, which the header does not list`);
    const n = await tx.$executeRawUnsafe(statement, `[${batch.rows.join(",")}]`);
    written.set(batch.table, (written.get(batch.table) ?? 0) + n);
  }
  return written;
}

/** Every serial/identity sequence continues after its column's highest value. */
export async function resetSequences(tx: Sql): Promise<number> {
  const serials = await query<{ table: string; column: string; seq: string }>(
    tx,
    `SELECT table_name AS "table", column_name AS "column",
       pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
     FROM information_schema.columns WHERE table_schema = current_schema()
       AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const s of serials) {
    await query(
      tx,
      `SELECT setval($1::regclass, COALESCE((SELECT max(${ident(s.column)}) FROM ${ident(s.table)}), 0) + 1, false)`,
      s.seq,
    );
  }
  return serials.length;
}

/** Throws unless every table holds exactly the expected rows (absent: none). */
export async function verifyCounts(
  tx: Sql,
  target: TableInfo[],
  expected: Record<string, number>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const wrong: string[] = [];
  for (const t of target) {
    const n = await countRows(tx, t.name);
    counts[t.name] = n;
    const want = expected[t.name] ?? 0;
    if (n !== want) wrong.push(`${t.name}: ${n} rows, expected ${want}`);
  }
  const unknown = Object.keys(expected).filter((name) => !(name in counts));
  for (const name of unknown) wrong.push(`${name}: not in this store`);
  if (wrong.length > 0) throw new LoadError(`row counts do not match: ${wrong.join("; ")}`);
  return counts;
}
