/**
 * How a Web API failure is handled. The delivery client makes no retries of its own
 * (`retries: 0`, `rejectRateLimitedCalls: true`), so every failure reaches the worker here.
 */
import { ErrorCode } from "@slack/web-api";

export type Failure =
  | { kind: "rate-limited"; retryAfterMs: number; error: string }
  /**
   * Slack could not be reached at all (no connection: refused, no route, no such host): the
   * request never left, so the attempt does not count, however long Slack stays away.
   */
  | { kind: "unreachable"; error: string }
  /** May be worth trying again: 5xx, timeouts, network errors, Slack's own transient errors. */
  | { kind: "transient"; error: string }
  /** Trying again cannot help until someone changes something. */
  | { kind: "permanent"; error: string };

const TRANSIENT_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "rate_limited",
  "team_added_to_org",
]);

/** Connection errors that mean no byte of the request reached Slack. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The errno code under a WebAPIRequestError (its `original`, then fetch's `cause` chain). */
function connectionCode(error: unknown): string | undefined {
  let current: unknown = errorField(error, "original") ?? errorField(error, "cause");
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = errorField(current, "code");
    if (typeof code === "string" && NOT_CONNECTED.has(code)) return code;
    current = errorField(current, "cause");
  }
  return undefined;
}

export function classifyFailure(error: unknown): Failure {
  const code = errorField(error, "code");
  if (code === ErrorCode.RateLimitedError) {
    const seconds = Number(errorField(error, "retryAfter"));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
    return { kind: "rate-limited", retryAfterMs, error: "ratelimited" };
  }
  if (code === ErrorCode.PlatformError) {
    const data = errorField(error, "data");
    const slackError =
      typeof data === "object" && data !== null && "error" in data ? String(data.error) : "unknown";
    return TRANSIENT_PLATFORM_ERRORS.has(slackError)
      ? { kind: "transient", error: slackError }
      : { kind: "permanent", error: slackError };
  }
  if (code === ErrorCode.HTTPError) {
    return { kind: "transient", error: `http_${String(errorField(error, "statusCode"))}` };
  }
  if (code === ErrorCode.RequestError) {
    const unreachable = connectionCode(error);
    if (unreachable) return { kind: "unreachable", error: `slack_unreachable: ${unreachable}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "transient", error: message.slice(0, 500) };
}

function errorField(error: unknown, field: string): unknown {
  if (typeof error !== "object" || error === null || !(field in error)) return undefined;
  return (error as Record<string, unknown>)[field];
}

/** Exponential backoff with jitter: 5 s, 10 s, 20 s … up to 30 min, each 50–100 % of that. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
  return Math.round(base * (0.5 + random() / 2));
}
