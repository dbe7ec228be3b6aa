/**
 * Process-wide pacing of Web API calls: at most one chat.postMessage per second per channel
 * (Slack's guidance), a workspace-wide minimum interval per method, and a per-method pause after
 * a 429 until its Retry-After has passed. Every worker in the process shares one pacer.
 */
export interface PacerOptions {
  perChannelMs?: number;
  /** Minimum interval between calls of a method, workspace-wide. */
  methodIntervalMs?: Partial<Record<string, number>>;
}

export const DEFAULT_METHOD_INTERVAL_MS: Record<string, number> = {
  // 300 a minute: the workspace budget this project assumes for "several hundred per minute".
  "chat.postMessage": 200,
  "chat.update": 1_200,
  "chat.delete": 1_200,
  "chat.postEphemeral": 600,
  "views.publish": 600,
  "conversations.open": 1_200,
  "conversations.history": 1_200,
  "conversations.replies": 1_200,
};

export class Pacer {
  private readonly perChannelMs: number;
  private readonly intervals: Record<string, number>;
  private readonly methodNext = new Map<string, number>();
  private readonly channelNext = new Map<string, number>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(options: PacerOptions = {}) {
    this.perChannelMs = options.perChannelMs ?? 1_000;
    this.intervals = { ...DEFAULT_METHOD_INTERVAL_MS };
    for (const [method, ms] of Object.entries(options.methodIntervalMs ?? {})) {
      if (ms !== undefined) this.intervals[method] = ms;
    }
  }

  /** Milliseconds to wait before `method` may be called (in `channel`) at `nowMs`. */
  waitMs(method: string, channel: string | null, nowMs: number): number {
    return Math.max(0, this.earliest(method, channel, nowMs) - nowMs);
  }

  /** Records a call made at `atMs`, so the next one waits its turn. */
  take(method: string, channel: string | null, atMs: number): void {
    this.methodNext.set(method, atMs + (this.intervals[method] ?? 0));
    if (channel && method === "chat.postMessage") {
      this.channelNext.set(channel, atMs + this.perChannelMs);
    }
  }

  /** After a 429: no call of `method` until `untilMs`. */
  block(method: string, untilMs: number): void {
    this.blockedUntil.set(method, Math.max(untilMs, this.blockedUntil.get(method) ?? 0));
  }

  private earliest(method: string, channel: string | null, nowMs: number): number {
    let at = Math.max(nowMs, this.methodNext.get(method) ?? 0, this.blockedUntil.get(method) ?? 0);
    if (channel && method === "chat.postMessage")
      at = Math.max(at, this.channelNext.get(channel) ?? 0);
    return at;
  }
}

/** The pacer shared by every worker of this process. */
export const processPacer = new Pacer();
