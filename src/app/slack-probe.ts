/**
 * `/readyz`'s question to Slack, asked at most every 30 s whatever the request rate. /readyz
 * needs no authentication, so each request that reached Slack was a call anyone could make
 * the bot spend: on the shared Web API client a 429 paused that client's queue (admin modals,
 * reports, DMs) for the `Retry-After`. The probe has its own client (no retries, rate-limited
 * calls rejected instead of waited for), shares one call among concurrent requests, and keeps
 * the answer — good or bad — for `ttlMs`.
 */
import { WebClient } from "@slack/web-api";
import { within } from "./health-routes.ts";
import { describeFailure } from "./slack-identity.ts";

export const PROBE_TTL_MS = 30_000;
export const PROBE_TIMEOUT_MS = 3_000;

export interface SlackProbe {
  /** Undefined when Slack's Web API answered auth.test (recently); otherwise why not. */
  problem(): Promise<string | undefined>;
  /** How many times Slack was actually asked (tests, metrics). */
  readonly calls: number;
}

/** A client of its own for the probe: no retries, no waiting out a 429. */
export function probeClient(botToken: string, slackApiUrl?: string): WebClient {
  return new WebClient(botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: PROBE_TIMEOUT_MS,
  });
}

export function createSlackProbe(
  client: Pick<WebClient, "auth">,
  options: { now?: () => number; ttlMs?: number; timeoutMs?: number } = {},
): SlackProbe {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? PROBE_TTL_MS;
  const timeout = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let cached: { at: number; problem: string | undefined } | undefined;
  let inFlight: Promise<string | undefined> | undefined;
  let calls = 0;

  const ask = async (): Promise<string | undefined> => {
    calls += 1;
    let failure = `no answer within ${timeout / 1000} s`;
    const answered = await within(timeout, () =>
      client.auth.test().catch((error: unknown) => {
        failure = describeFailure(error);
        throw error;
      }),
    );
    return answered ? undefined : `Slack's Web API did not answer auth.test: ${failure}`;
  };

  return {
    get calls() {
      return calls;
    },
    problem() {
      if (cached && now() - cached.at < ttl) return Promise.resolve(cached.problem);
      inFlight ??= ask()
        .then((problem) => {
          cached = { at: now(), problem };
          return problem;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
}
