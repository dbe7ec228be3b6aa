/**
 * How many of a process's interactive transactions run at once on one database, the next one
 * started from a fresh turn of the event loop. Embedded PGlite runs queries on the main thread
 * and hands its lock from one transaction to the next without yielding to I/O, so it gets one
 * at a time; PostgreSQL gets a few less than its pool. Why: docs/decisions/pglite-transactions-gated.md.
 */
export class TxGate {
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

/** The gate for a database of this kind. */
export const txGateFor = (kind: "postgres" | "pglite"): TxGate =>
  new TxGate(kind === "pglite" ? 1 : 8);
