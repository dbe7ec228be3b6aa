/** What the round-trip's use cases share: their dependencies, outcomes and transactions. */
import type { Database } from "../../db/client.ts";
import type { Tx } from "../../db/repositories/tasklist.ts";
import type { TaskListError } from "../../domain/task-list.ts";
import type { ToggleError } from "../../domain/task-list-items.ts";
import type { MessageKey } from "../../i18n/index.ts";

/** What a use case needs of the running process (AppContext has it). */
export interface Deps {
  db: Database;
  /** The business clock. */
  now: () => Date;
}

/** Why a request was refused; each has a catalog message `tasklist.error.<code>`. */
export type TasklistError =
  | TaskListError
  | ToggleError
  /** The list or item does not exist (or an id was forged). */
  | "not-found"
  /** What Slack echoed back does not match the stored list (a forged or stale surface). */
  | "invalid"
  /** The list kept changing under us; nothing was changed. */
  | "busy";

export type Result<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: TasklistError };

export const refuse = (error: TasklistError): { ok: false; error: TasklistError } => ({
  ok: false,
  error,
});

export const errorKey = (error: TasklistError): MessageKey => `tasklist.error.${error}`;

/** Generous waits: many clicks at once queue for the one PGlite connection or the pool. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

/**
 * At most `limit` of this process's task-list transactions at a time, the next one started
 * from a fresh turn of the event loop. Embedded PGlite runs queries on the main thread and
 * hands its lock from one transaction to the next without ever yielding to I/O, so twenty
 * clicks at once would hold back the acks of later clicks past Slack's 3 seconds.
 */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.running += 1;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.running -= 1;
    }
  }
}

const gates = new WeakMap<Database, Gate>();
function gateOf(db: Database): Gate {
  let gate = gates.get(db);
  if (!gate) {
    gate = new Gate(db.kind === "pglite" ? 1 : 8);
    gates.set(db, gate);
  }
  return gate;
}

export function inTx<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return gateOf(db).run(() => db.prisma.$transaction(fn, TX_OPTIONS));
}

/**
 * Lets the event loop take pending I/O (e.g. other clicks waiting to be acknowledged) between
 * the steps of a long transaction on PGlite, whose queries otherwise follow one another
 * without a turn of the loop.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A unique constraint stopped a write another request made first (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
