/**
 * How many requests' work after their ack runs at once; the rest wait their turn, in order.
 *
 * Why: the acks and that work share one event loop. Unbounded, a burst of clicks beyond what the
 * bot's CPU carries puts every click's queries and Web API calls between the next requests and
 * their acks, and the acks slow down with the backlog. Slack waits 3 s for an ack and nobody
 * waits on the work to the millisecond, so the acks come first (docs/decisions/acks-before-work.md).
 *
 * The limit adapts (see `nextWorkLimit`): while the event loop is busy it halves, down to one
 * request's work at a time; while the loop has time to spare it grows again, so work waiting on
 * a slow Slack or database overlaps freely.
 */
import { performance } from "node:perf_hooks";

export interface WorkLimits {
  min: number;
  max: number;
  /**
   * Requests that may wait for their turn; beyond, the gate is `full` and a request's work is
   * refused at once (the person is told) rather than queued: memory stays bounded, and nobody's
   * click takes effect minutes after they gave up on it.
   */
  maxWaiting?: number;
}

/** A backlog bounded in memory and in how long its last request waits (docs/decisions/acks-before-work.md). */
export const DEFAULT_WORK_LIMITS: WorkLimits = { min: 1, max: 64, maxWaiting: 1_000 };

/** Above this share of the last interval the loop was busy: shrink. Below the lower one: grow. */
const BUSY = 0.85;
const SPARE = 0.6;

/**
 * The next concurrency limit from the event loop's utilization over the last interval (0–1,
 * `performance.eventLoopUtilization`) and whether work waited for a slot in it.
 */
export function nextWorkLimit(
  limit: number,
  utilization: number,
  workWaited: boolean,
  limits: WorkLimits,
): number {
  if (utilization > BUSY) return Math.max(limits.min, Math.floor(limit / 2));
  if (utilization < SPARE && workWaited) return Math.min(limits.max, limit + 1);
  return limit;
}

export class WorkGate {
  private running = 0;
  // A queue with a moving head: shift() would copy the array on every release under a backlog.
  private waiting: ((() => void) | undefined)[] = [];
  private head = 0;
  private waitedSinceAdjust = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private limit: number,
    private readonly limits: WorkLimits = { min: limit, max: limit },
  ) {
    if (!(limits.min >= 1 && limits.max >= limits.min)) {
      throw new Error(`work limits must satisfy 1 <= min <= max: ${JSON.stringify(limits)}`);
    }
  }

  /** A gate whose limit follows this process's event-loop utilization, sampled every 100 ms. */
  static adaptive(limits: WorkLimits = DEFAULT_WORK_LIMITS): WorkGate {
    const gate = new WorkGate(limits.min, limits);
    let last = performance.eventLoopUtilization();
    gate.timer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      gate.adjust(performance.eventLoopUtilization(now, last).utilization);
      last = now;
    }, 100);
    gate.timer.unref();
    return gate;
  }

  /** Applies one interval's utilization to the limit, and starts the work it now admits. */
  adjust(utilization: number): void {
    this.limit = nextWorkLimit(this.limit, utilization, this.waitedSinceAdjust, this.limits);
    this.waitedSinceAdjust = this.backlog > 0;
    while (this.running < this.limit && this.backlog > 0) {
      this.running += 1;
      this.startNext();
    }
  }

  /** Resolves when the caller may start; it must `release()` once done. */
  acquire(): Promise<void> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve();
    }
    this.waitedSinceAdjust = true;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    if (this.running > this.limit || this.backlog === 0) {
      this.running -= 1;
      return;
    }
    this.startNext();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** No room to wait: a request's work now would be refused (see WorkLimits.maxWaiting). */
  get full(): boolean {
    return this.running >= this.limit && this.backlog >= (this.limits.maxWaiting ?? Infinity);
  }

  /** Requests acknowledged whose work has not started yet. */
  get backlog(): number {
    return this.waiting.length - this.head;
  }

  get active(): number {
    return this.running;
  }

  get concurrency(): number {
    return this.limit;
  }

  private startNext(): void {
    const next = this.waiting[this.head];
    this.waiting[this.head] = undefined;
    this.head += 1;
    if (this.head === this.waiting.length) {
      this.waiting = [];
      this.head = 0;
    }
    next?.();
  }
}
