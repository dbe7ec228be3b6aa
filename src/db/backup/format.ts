/**
 * The backup file: gzip'd JSON lines, the same from PGlite and PostgreSQL.
 *
 *   {"kind":"header","format":"pbb-backup","version":1,"createdAt":…,"store":"pglite",
 *    "migrations":["20261128054725_init",…],"tables":[{"name":"Person","columns":[…],…},…]}
 *   {"t":"Person","r":{"id":1,"slackUserId":"U0A",…}}          one line per row, tables in
 *   …                                                          foreign-key order
 *   {"kind":"end","counts":{"Person":12,…}}
 *
 * A row is the table's row as PostgreSQL writes it in JSON (timestamps in ISO 8601, enums as
 * their labels); json/jsonb columns are wrapped as {"json": value} so that a JSON null and an
 * SQL NULL stay apart. Rows are copied as text, never parsed into JavaScript numbers.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "pbb-backup";
export const BACKUP_VERSION = 1;

const column = z.object({ name: z.string(), json: z.boolean() });
const table = z.object({
  name: z.string(),
  columns: z.array(column),
  primaryKey: z.array(z.string()),
  parents: z.array(z.string()).default([]),
});

export const headerSchema = z.object({
  kind: z.literal("header"),
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  store: z.enum(["pglite", "postgres"]),
  migrations: z.array(z.string()),
  tables: z.array(table),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const trailerSchema = z.object({
  kind: z.literal("end"),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type BackupTrailer = z.infer<typeof trailerSchema>;

/** Rows of one table, as JSON text. */
export interface Batch {
  table: string;
  rows: string[];
}

export const rowLine = (table: string, row: string): string =>
  `{"t":${JSON.stringify(table)},"r":${row}}`;

const ROW_PREFIX = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(?=\{)/;

/** A row line's table and row text, or null for the header and trailer lines. */
export function parseRowLine(line: string): { table: string; row: string } | null {
  const match = ROW_PREFIX.exec(line);
  if (!match?.[1] || !line.endsWith("}")) return null;
  return { table: JSON.parse(match[1]) as string, row: line.slice(match[0].length, -1) };
}

export class BackupFormatError extends Error {
  override name = "BackupFormatError";
}
