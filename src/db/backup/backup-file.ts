/** Writing and reading backup files (format.ts): gzip'd JSON lines, streamed both ways. */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFormatError,
  type BackupHeader,
  type Batch,
  headerSchema,
  parseRowLine,
  rowLine,
  trailerSchema,
} from "./format.ts";

/**
 * Writes header, rows and trailer to `file` (through `file.partial`, renamed at the end, so a
 * failed backup never leaves a file that looks complete). Returns the rows written per table.
 */
export async function writeBackupFile(
  file: string,
  header: Omit<BackupHeader, "kind" | "format" | "version">,
  batches: AsyncIterable<Batch>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t.name, 0]));
  async function* lines() {
    const head: BackupHeader = {
      kind: "header",
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      ...header,
    };
    yield `${JSON.stringify(head)}\n`;
    for await (const batch of batches) {
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      yield `${batch.rows.map((row) => rowLine(batch.table, row)).join("\n")}\n`;
    }
    yield `${JSON.stringify({ kind: "end", counts })}\n`;
  }
  const partial = `${file}.partial`;
  try {
    await pipeline(lines, createGzip(), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return counts;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* splitLines(stream: Readable): AsyncGenerator<string> {
  let rest = "";
  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    const parts = (rest + String(chunk)).split("\n");
    rest = parts.pop() ?? "";
    for (const part of parts) if (part !== "") yield part;
  }
  if (rest !== "") yield rest;
}

export interface BackupReader {
  header: BackupHeader;
  /** The rows, `batchRows` at a time; throws when the file ends without its trailer. */
  batches(batchRows?: number): AsyncGenerator<Batch>;
  /** The trailer's counts, once `batches()` has been read to the end. */
  counts(): Record<string, number>;
  close(): void;
}

function parseJsonLine(line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFormatError(`not a pbb backup: the ${what} is not JSON`);
  }
}

/** Opens a backup (gzip'd, or plain JSON lines) and reads its header. */
export async function openBackupFile(file: string): Promise<BackupReader> {
  const raw = createReadStream(file);
  await once(raw, "open");
  let stream: Readable = raw;
  if (await isGzip(file)) {
    const gunzip = createGunzip();
    raw.on("error", (error) => gunzip.destroy(error));
    stream = raw.pipe(gunzip);
  }
  const lines = splitLines(stream);
  const first = await lines.next();
  if (first.done) throw new BackupFormatError("not a pbb backup: the file is empty");
  const parsed = headerSchema.safeParse(parseJsonLine(first.value, "first line"));
  if (!parsed.success) {
    throw new BackupFormatError(`not a pbb backup: ${first.value.slice(0, 60)}…`);
  }
  const header = parsed.data;
  if (header.version > BACKUP_VERSION) {
    throw new BackupFormatError(
      `the backup is format version ${header.version}, newer than this pbb reads (${BACKUP_VERSION}): upgrade pbb first`,
    );
  }
  let trailer: Record<string, number> | undefined;
  return {
    header,
    async *batches(batchRows = 500) {
      let current: Batch | undefined;
      for await (const line of lines) {
        if (trailer) throw new BackupFormatError("lines after the end of the backup");
        const row = parseRowLine(line);
        if (!row) {
          const end = trailerSchema.safeParse(parseJsonLine(line, "end line"));
          if (!end.success) throw new BackupFormatError(`unexpected line: ${line.slice(0, 60)}…`);
          trailer = end.data.counts;
          continue;
        }
        if (current && (current.table !== row.table || current.rows.length >= batchRows)) {
          yield current;
          current = undefined;
        }
        current ??= { table: row.table, rows: [] };
        current.rows.push(row.row);
      }
      if (current) yield current;
      if (!trailer) throw new BackupFormatError("the backup is truncated: it has no end line");
    },
    counts() {
      if (!trailer) throw new BackupFormatError("the backup has not been read to its end");
      return trailer;
    },
    close: () => stream.destroy(),
  };
}
