/** What the lecture use cases share: dependencies, outcomes, transactions and retries. */
import type { Database } from "../../db/client.ts";
import type { Tx } from "../../db/repositories/lecture.ts";
import type { MessageKey } from "../../i18n/index.ts";

/** What a use case needs of the running process (AppContext has it). */
export interface Deps {
  db: Database;
  /** The business clock. */
  now: () => Date;
}

/** Why a request was refused; each has a catalog message `lecture.error.<code>`. */
export type LectureError =
  /** The turn, session or request does not exist (or an id was forged). */
  | "not-found"
  | "no-lecture-hall"
  /** Someone other than the turn's speaker pressed the speaker's buttons. */
  | "not-your-turn"
  /** The turn was swapped or dropped meanwhile. */
  | "turn-closed"
  | "session-started"
  | "swap-pending"
  /** Someone other than the asked colleague answered a swap request. */
  | "not-the-colleague"
  | "swap-closed"
  | "swap-expired"
  /** The exchange is no longer possible (a turn changed meanwhile). */
  | "swap-unavailable"
  | "not-admin"
  | "session-not-over"
  | "bad-date"
  /** Others kept changing the rotation at the same moment; nothing was changed. */
  | "busy";

export type Result<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: LectureError };

export const refuse = (error: LectureError): { ok: false; error: LectureError } => ({
  ok: false,
  error,
});

export const errorKey = (error: LectureError): MessageKey => `lecture.error.${error}`;

/** Generous waits: many clicks at once queue for the one PGlite connection or the pool. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

export function inTx<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(fn, TX_OPTIONS);
}

/** The rotation (or a unique key) was changed by another request first: run again. */
export class Conflict extends Error {
  override name = "Conflict";
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const ATTEMPTS = 5;

/**
 * Runs `fn` in a transaction, again when it lost a race (a Conflict it threw, or a unique key
 * another request took first). Still losing after a few tries is "busy".
 */
export async function inTxRetrying<R extends { ok: boolean }>(
  db: Database,
  fn: (tx: Tx) => Promise<R>,
): Promise<R | { ok: false; error: "busy" }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await inTx(db, fn);
    } catch (error) {
      if (!(error instanceof Conflict) && !isUniqueViolation(error)) throw error;
    }
  }
  return { ok: false, error: "busy" };
}
