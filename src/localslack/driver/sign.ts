import { createHmac } from "node:crypto";

/** How a request is signed: correctly, not at all, with a wrong secret, or 6 minutes old. */
export type SigningMode = "valid" | "none" | "wrong" | "stale";

/** Slack's v0 signature: HMAC-SHA256 of `v0:${ts}:${rawBody}` with the signing secret. */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/** Headers X-Slack-Request-Timestamp and X-Slack-Signature for a request body. */
export function signingHeaders(
  secret: string,
  rawBody: string,
  mode: SigningMode,
  nowMs: number,
): Record<string, string> {
  if (mode === "none") return {};
  const nowSec = Math.floor(nowMs / 1000);
  const ts = mode === "stale" ? nowSec - 6 * 60 : nowSec;
  const key = mode === "wrong" ? `${secret}-wrong` : secret;
  return {
    "X-Slack-Request-Timestamp": String(ts),
    "X-Slack-Signature": signature(key, ts, rawBody),
  };
}
