import { homedir } from "node:os";
import { isAbsolute, resolve } from "node:path";

/** Where the data lives: a PostgreSQL server, a PGlite directory, or a process-private PGlite. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string }
  | { kind: "pglite-memory" };

export const DEFAULT_DATABASE_URL = "pglite:./data/pglite";

export const DATABASE_URL_FORMS = "postgres://…, postgresql://…, pglite:<dir> or pglite:memory";

/** Thrown by `parseDatabaseUrl`; the message names the accepted forms. */
export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/**
 * Reads a DATABASE_URL. A relative PGlite directory is resolved against `baseDir`
 * (the working directory by default); `~/` is the home directory.
 */
export function parseDatabaseUrl(url: string, baseDir: string = process.cwd()): DatabaseTarget {
  const value = url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) {
    if (!URL.canParse(value)) {
      throw new DatabaseUrlError(`not a valid URL: "${redactDatabaseUrl(value)}"`);
    }
    return { kind: "postgres", url: value };
  }
  if (value.toLowerCase().startsWith("pglite:")) {
    const rest = value.slice("pglite:".length);
    if (rest === "memory") return { kind: "pglite-memory" };
    if (rest === "" || rest.startsWith("//")) {
      throw new DatabaseUrlError(
        `expected ${DATABASE_URL_FORMS} (e.g. pglite:./data/pglite), got "${value}"`,
      );
    }
    return { kind: "pglite", dir: resolveDir(rest, baseDir) };
  }
  throw new DatabaseUrlError(`expected ${DATABASE_URL_FORMS}, got "${redactDatabaseUrl(value)}"`);
}

function resolveDir(dir: string, baseDir: string): string {
  if (dir === "~" || dir.startsWith("~/")) return resolve(homedir(), dir.slice(2));
  return isAbsolute(dir) ? resolve(dir) : resolve(baseDir, dir);
}
