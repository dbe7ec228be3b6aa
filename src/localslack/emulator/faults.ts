/** Fault injection: random server errors, latency, held requests and targeted error rules. */

export interface FaultRule {
  /** Web API method ("chat.postMessage"), "response_url", "upload", or undefined for any. */
  method?: string;
  /** Applies only when the call's channel (channel / channel_id) is this id. */
  channel?: string;
  /** Answer HTTP 200 { ok: false, error } with this Slack error code. */
  error?: string;
  /** Answer this HTTP status instead (500, 503, 429…). */
  status?: number;
  /** Retry-After seconds sent with status 429. */
  retryAfter?: number;
  /** Delay before answering (alone, or before the error). */
  latencyMs?: number;
  /** Hold the request without answering until the emulator stops or the client gives up. */
  timeout?: boolean;
  /** Apply this many times, then drop the rule. */
  times?: number;
  /** Chance (0..1) that the rule applies to a matching call; default 1. */
  probability?: number;
}

export interface FaultConfig {
  /** Chance (0..1) of a random server error on any Web API call. */
  errorRate?: number;
  /** Statuses picked for random errors; default [500, 503]. */
  errorStatuses?: number[];
  /** Latency added to every call. */
  latencyMs?: number;
  /** Chance (0..1) that a call is held without an answer. */
  timeoutRate?: number;
  rules?: FaultRule[];
}

export type FaultAction =
  | { kind: "error"; error: string }
  | { kind: "status"; status: number; retryAfter?: number }
  | { kind: "timeout" };

export interface FaultDecision {
  latencyMs: number;
  action?: FaultAction;
}

export class FaultInjector {
  private config: FaultConfig = {};
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  set(config: FaultConfig): void {
    this.config = config;
    this.rules = (config.rules ?? []).map((r) => ({ ...r }));
  }

  clear(): void {
    this.set({});
  }

  current(): FaultConfig {
    return { ...this.config, rules: this.rules.map((r) => ({ ...r })) };
  }

  decide(method: string, channel: string | undefined): FaultDecision {
    let latencyMs = this.config.latencyMs ?? 0;
    for (const rule of this.rules) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.channel !== undefined && rule.channel !== channel) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      latencyMs += rule.latencyMs ?? 0;
      const action = ruleAction(rule);
      if (action) return { latencyMs, action };
    }
    if (this.config.timeoutRate && this.random() < this.config.timeoutRate) {
      return { latencyMs, action: { kind: "timeout" } };
    }
    if (this.config.errorRate && this.random() < this.config.errorRate) {
      const statuses = this.config.errorStatuses ?? [500, 503];
      const status = statuses[Math.floor(this.random() * statuses.length)] ?? 500;
      return { latencyMs, action: { kind: "status", status } };
    }
    return { latencyMs };
  }
}

function ruleAction(rule: FaultRule): FaultAction | undefined {
  if (rule.timeout) return { kind: "timeout" };
  if (rule.status !== undefined) {
    return {
      kind: "status",
      status: rule.status,
      ...(rule.retryAfter !== undefined ? { retryAfter: rule.retryAfter } : {}),
    };
  }
  if (rule.error !== undefined) return { kind: "error", error: rule.error };
  return undefined;
}
