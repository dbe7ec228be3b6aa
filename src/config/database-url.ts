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

/**
 * `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs.
 * Not a pattern over the URL's grammar: a password is what people type, `/` and `@` included
 * (unencoded, the URL does not even parse, and that error printed it). Everything from the
 * first `:` after the user name to the last `@` is the password; when that over-reaches (an
 * `@` later in the URL), more is hidden, never less.
 */
export function redactDatabaseUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return url;
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf("@");
  if (at === -1) return url;
  const colon = rest.indexOf(":");
  if (colon === -1 || colon > at) return url;
  return `${scheme[0]}${rest.slice(0, colon)}:***${rest.slice(at)}`;
}

/**
 * Reads a DATABASE_URL. A relative PGlite directory is resolved against `baseDir`
 * (the working directory by default); `~/` is the home directory.
 */
export function parseDatabaseUrl(url: string, baseDir: string = process.cwd()): DatabaseTarget {
  const value = url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) {
    if (!URL.canParse(value)) {
      throw new DatabaseUrlError(
        `not a valid URL: "${redactDatabaseUrl(value)}" (write / @ : # ? in the password as %2F %40 %3A %23 %3F)`,
      );
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
