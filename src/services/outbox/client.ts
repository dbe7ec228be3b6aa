import { WebClient } from "@slack/web-api";

/**
 * The WebClient the delivery worker sends with: no retries and 429s rejected, so the worker
 * (which records attempts and paces per channel and method) is the only one deciding when to
 * try again, and a stuck call never holds a delivery past its lease.
 */
export function createDeliveryClient(
  token: string,
  options: { slackApiUrl?: string; timeoutMs?: number } = {},
): WebClient {
  return new WebClient(token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
  });
}
