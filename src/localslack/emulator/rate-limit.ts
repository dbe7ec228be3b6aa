/**
 * Slack-like rate limits (SLACK-PLATFORM.md §2): token buckets per method tier, chat.postMessage
 * per channel and a workspace-wide posting budget. A refused call is answered HTTP 429 with an
 * integer Retry-After (seconds) and does not consume budget.
 */
import type { Tier } from "./methods/index.ts";
import type { Clock } from "./types.ts";

export interface BucketLimit {
  /** Sustained rate. */
  perMinute: number;
  /** Calls allowed at once from a full bucket. */
  burst: number;
}

export interface RateLimitConfig {
  tiers: Record<1 | 2 | 3 | 4 | "auth", BucketLimit>;
  /** chat.postMessage per channel (Slack: 1/s with short bursts). */
  postPerChannel: BucketLimit;
  /** chat.postMessage across the workspace ("several hundred per minute"). */
  postPerWorkspace: BucketLimit;
  /** Per-method override of the tier. */
  methodTiers: Record<string, Tier>;
}

export type RateLimitOptions = {
  tiers?: Partial<RateLimitConfig["tiers"]>;
  postPerChannel?: Partial<BucketLimit>;
  postPerWorkspace?: Partial<BucketLimit>;
  methodTiers?: Record<string, Tier>;
};

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  tiers: {
    1: { perMinute: 1, burst: 2 },
    2: { perMinute: 20, burst: 20 },
    3: { perMinute: 50, burst: 50 },
    4: { perMinute: 100, burst: 100 },
    auth: { perMinute: 600, burst: 600 },
  },
  postPerChannel: { perMinute: 60, burst: 3 },
  postPerWorkspace: { perMinute: 300, burst: 300 },
  methodTiers: {},
};

export function resolveRateLimits(opts: RateLimitOptions = {}): RateLimitConfig {
  const d = DEFAULT_RATE_LIMITS;
  return {
    tiers: {
      1: { ...d.tiers[1], ...opts.tiers?.[1] },
      2: { ...d.tiers[2], ...opts.tiers?.[2] },
      3: { ...d.tiers[3], ...opts.tiers?.[3] },
      4: { ...d.tiers[4], ...opts.tiers?.[4] },
      auth: { ...d.tiers.auth, ...opts.tiers?.auth },
    },
    postPerChannel: { ...d.postPerChannel, ...opts.postPerChannel },
    postPerWorkspace: { ...d.postPerWorkspace, ...opts.postPerWorkspace },
    methodTiers: { ...opts.methodTiers },
  };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  config: RateLimitConfig | undefined;

  constructor(
    private readonly clock: Clock,
    config?: RateLimitConfig,
  ) {
    this.config = config;
  }

  /** Turns limits off (undefined) or on with a config; resets all buckets. */
  configure(config: RateLimitConfig | undefined): void {
    this.config = config;
    this.buckets.clear();
  }

  /**
   * Takes one call of `method` (and, for posts, of `channel`). Returns undefined when allowed, or
   * the whole seconds to wait.
   */
  take(method: string, tier: Tier, channel?: string): { retryAfter: number } | undefined {
    const cfg = this.config;
    if (!cfg) return undefined;
    const effective = cfg.methodTiers[method] ?? tier;
    const checks: Array<[string, BucketLimit]> = [];
    if (effective === "post") {
      checks.push(["post:workspace", cfg.postPerWorkspace]);
      if (channel) checks.push([`post:${channel}`, cfg.postPerChannel]);
    } else {
      checks.push([`method:${method}`, cfg.tiers[effective]]);
    }
    const now = this.clock.now();
    let waitMs = 0;
    for (const [key, limit] of checks) {
      const b = this.refill(key, limit, now);
      if (b.tokens < 1) waitMs = Math.max(waitMs, ((1 - b.tokens) * 60_000) / limit.perMinute);
    }
    if (waitMs > 0) return { retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const [key] of checks) {
      const b = this.buckets.get(key);
      if (b) b.tokens -= 1;
    }
    return undefined;
  }

  private refill(key: string, limit: BucketLimit, now: number): Bucket {
    const b = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
    const elapsed = Math.max(0, now - b.updatedAt);
    b.tokens = Math.min(limit.burst, b.tokens + (elapsed * limit.perMinute) / 60_000);
    b.updatedAt = now;
    this.buckets.set(key, b);
    return b;
  }
}
