import type { Json } from "./types.ts";

export interface RecordedCall {
  /** Web API method, or "response_url" / "upload" for those endpoints. */
  method: string;
  /** Parsed arguments; JSON-string arguments (blocks, view, metadata…) are parsed too. */
  args: Record<string, unknown>;
  status: number;
  /** The JSON answered (undefined for a held/timed-out request). */
  response: Json | undefined;
  /** Clock time (ms) when the request arrived. */
  time: number;
  token?: string;
}

const JSON_ARGS = ["blocks", "view", "metadata", "attachments", "files"];

/** Parses JSON-string arguments so tests can assert on objects. */
export function readableArgs(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (k === "token") continue;
    if (JSON_ARGS.includes(k) && typeof v === "string") {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // left as the raw string: the method answered the format error
      }
    }
    out[k] = v;
  }
  return out;
}

export interface WaitOptions {
  /** Resolve once this many matching calls exist (default 1, counting earlier ones). */
  count?: number;
  where?: (call: RecordedCall) => boolean;
  timeoutMs?: number;
}

/**
 * Everything the emulator answered, in arrival order; with `keepLast`, only the latest calls
 * (a benchmark's hundreds of thousands would otherwise fill the heap), and `total` still counts
 * them all.
 */
export class CallLog {
  private readonly list: RecordedCall[] = [];
  private readonly listeners = new Set<() => void>();
  private recorded = 0;

  constructor(private readonly keepLast = Number.POSITIVE_INFINITY) {}

  /** Calls recorded since the start or the last `clear`, including those no longer kept. */
  get total(): number {
    return this.recorded;
  }

  record(call: RecordedCall): void {
    this.recorded += 1;
    this.list.push(call);
    // Trimmed in chunks: one splice per keepLast/4 calls, not one shift per call.
    if (this.list.length > this.keepLast * 1.25) {
      this.list.splice(0, this.list.length - this.keepLast);
    }
    for (const l of [...this.listeners]) l();
  }

  /**
   * Waits for calls the app makes after acking (Bolt acks first, then calls the Web API), e.g.
   * `await emulator.calls.waitFor("views.open")`. Resolves with the last matching call.
   */
  waitFor(method: string, opts: WaitOptions = {}): Promise<RecordedCall> {
    const count = opts.count ?? 1;
    const matching = () => this.of(method).filter((c) => !opts.where || opts.where(c));
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = matching();
        const last = m[m.length - 1];
        if (m.length < count || !last) return;
        done();
        resolve(last);
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`timed out waiting for ${count} ${method} call(s); got ${matching().length}`),
        );
      }, opts.timeoutMs ?? 5000);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  all(): RecordedCall[] {
    return [...this.list];
  }

  of(method: string): RecordedCall[] {
    return this.list.filter((c) => c.method === method);
  }

  last(method?: string): RecordedCall | undefined {
    const l = method ? this.of(method) : this.list;
    return l[l.length - 1];
  }

  count(method?: string): number {
    return method ? this.of(method).length : this.list.length;
  }

  /** Calls that answered ok: false (or a non-200 status). */
  failures(method?: string): RecordedCall[] {
    return (method ? this.of(method) : this.list).filter(
      (c) => c.status !== 200 || c.response?.ok === false,
    );
  }

  clear(): void {
    this.list.length = 0;
    this.recorded = 0;
  }
}
