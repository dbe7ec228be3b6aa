/**
 * The one way a use case writes: a transaction behind the database's gate (db/tx-gate.ts), run
 * again when it lost a race to another request; still losing after a few tries is "busy".
 */
import type { Database, Prisma } from "../../db/client.ts";
import { isSerializationConflict, isUniqueViolation } from "../../db/errors.ts";
import { type Refusal, refuse } from "./result.ts";

export type Tx = Prisma.TransactionClient;

/** Generous waits: many clicks at once queue for the one PGlite connection or the pool. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

export function inTx<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.gate.run(() => db.prisma.$transaction(fn, TX_OPTIONS));
}

/** Another request changed what this one read (a conditional update matched nothing): run again. */
export class Conflict extends Error {
  override name = "Conflict";
}

/** Lost a race: a Conflict the use case threw, a unique key taken first, a write conflict. */
export const isConflict = (error: unknown): boolean =>
  error instanceof Conflict || isUniqueViolation(error) || isSerializationConflict(error);

const ATTEMPTS = 5;

/** Runs `attempt` again while it loses races; still losing after a few tries is "busy". */
export async function retrying<R extends { ok: boolean }>(
  attempt: () => Promise<R>,
): Promise<R | Refusal<"busy">> {
  for (let n = 1; n <= ATTEMPTS; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return refuse("busy");
}

/** `fn` in a transaction, run again when it lost a race. */
export const inTxRetrying = <R extends { ok: boolean }>(db: Database, fn: (tx: Tx) => Promise<R>) =>
  retrying(() => inTx(db, fn));

/**
 * Lets the event loop take pending I/O (e.g. other clicks waiting to be acknowledged) between
 * the steps of a long transaction on PGlite, whose queries otherwise follow one another
 * without a turn of the loop.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
