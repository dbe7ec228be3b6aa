/** Reading every table's rows in pages, as the JSON text a backup line or a copy carries. */
import type { TableInfo } from "./catalog.ts";
import type { Batch } from "./format.ts";
import { ident, query, type Sql } from "./sql.ts";

export const PAGE_ROWS = 500;

function selectList(table: TableInfo): string {
  return table.columns
    .map((c) =>
      c.json
        ? `CASE WHEN ${ident(c.name)} IS NULL THEN NULL ELSE jsonb_build_object('json', ${ident(c.name)}) END AS ${ident(c.name)}`
        : ident(c.name),
    )
    .join(", ");
}

/** A stable order: the primary key, or every column when there is none. */
function orderList(table: TableInfo): string {
  const keys = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
  return keys.map(ident).join(", ");
}

/** Every row of `tables`, in their order, `PAGE_ROWS` at a time. */
export async function* readBatches(sql: Sql, tables: TableInfo[]): AsyncGenerator<Batch> {
  for (const table of tables) {
    const order = orderList(table);
    for (let offset = 0; ; offset += PAGE_ROWS) {
      const rows = await query<{ r: string }>(
        sql,
        `SELECT to_jsonb(s)::text AS r FROM (SELECT ${selectList(table)} FROM ${ident(table.name)}
         ORDER BY ${order} LIMIT ${PAGE_ROWS} OFFSET ${offset}) s ORDER BY ${order}`,
      );
      if (rows.length > 0) yield { table: table.name, rows: rows.map((r) => r.r) };
      if (rows.length < PAGE_ROWS) break;
    }
  }
}
