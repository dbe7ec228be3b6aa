/** Writing and reading backup files (format.ts): gzip'd JSON lines, streamed both ways. */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, open, rename, rm } from "node:fs/promises";
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
 * Writes header, rows and trailer to `file` (through a new `file.<random>.partial`, renamed at
 * the end, so a failed backup never leaves a file that looks complete). Returns the rows written
 * per table.
 *
 * A backup holds every person's data and the calendar tokens, so it is owner-only (0600)
 * whatever the umask: the temporary file is created 0600 (exclusively: a file or link someone
 * put there beforehand makes the backup fail, not write through it), and the rename keeps that
 * mode when it replaces an older backup.
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
  const partial = `${file}.${randomBytes(6).toString("hex")}.partial`;
  try {
    const out = createWriteStream(partial, { flags: "wx", mode: 0o600 });
    await once(out, "open");
    await chmod(partial, 0o600); // the umask may have taken the owner's bits too
    await pipeline(lines, createGzip(), out);
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

/** No line of a backup is anywhere near this; a file that has one is not a backup. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * The file's lines (empty ones skipped). Each byte is looked at once: the part of a line not yet
 * ended is kept as a list of chunks and only the new chunk is searched for the newline. (Joining
 * the rest to every chunk and splitting again made a 40 MB line without a newline take 31 s.)
 * `scanned` counts the bytes searched, for the test that holds this linear.
 */
export async function* splitLines(
  stream: AsyncIterable<Buffer | string>,
  options: { maxLineBytes?: number; scanned?: { bytes: number } } = {},
): AsyncGenerator<string> {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const scanned = options.scanned ?? { bytes: 0 };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 1;
  const tooLong = () =>
    new BackupFormatError(
      `not a pbb backup: line ${lineNo} is longer than ${max / 1024 / 1024} MiB (no backup line is)`,
    );
  const finish = (tail: Buffer): string => {
    if (pendingBytes + tail.length > max) throw tooLong();
    const line = pending.length === 0 ? tail : Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    lineNo++;
    return line.toString("utf8");
  };
  for await (const raw of stream) {
    const chunk = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
    let start = 0;
    for (;;) {
      const at = chunk.indexOf(0x0a, start);
      if (at === -1) break;
      scanned.bytes += at + 1 - start;
      const line = finish(chunk.subarray(start, at));
      if (line !== "") yield line;
      start = at + 1;
    }
    scanned.bytes += chunk.length - start;
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > max) throw tooLong();
    }
  }
  const last = finish(Buffer.alloc(0));
  if (last !== "") yield last;
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
