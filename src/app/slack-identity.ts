/**
 * Who the bot is in Slack (auth.test), learnt in the background with backoff, so that a bot
 * started while Slack's Web API cannot be reached still starts: its store, its health endpoint,
 * its jobs (recording their messages in the outbox) all work, `/readyz` says why it is not
 * ready, and requests are answered as soon as Slack answers. Wrong credentials are different:
 * retrying cannot help, so they are reported once, as one line, and the process exits (code 2).
 *
 * Bolt asks `authorize` on every request instead of calling auth.test itself at construction
 * (where an unreachable Slack became an unhandled rejection that killed the process).
 */
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../observability/logger.ts";

export interface SlackIdentity {
  botUserId: string;
  botId: string;
  teamId?: string;
}

/** Slack's answers that mean the token is wrong, not that Slack is away. */
const WRONG_CREDENTIALS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
]);

/** Wrong credentials: the one line an operator reads, and the process exits with code 2. */
export class SlackAuthError extends Error {
  override name = "SlackAuthError";
}

/** The Slack error code of a Web API platform error ({ ok: false, error }), else undefined. */
function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** A SlackAuthError when `error` says the bot token is wrong; undefined for anything else. */
export function asSlackAuthError(error: unknown): SlackAuthError | undefined {
  if (error instanceof SlackAuthError) return error;
  const code = platformError(error);
  if (!code || !WRONG_CREDENTIALS.has(code)) return undefined;
  return new SlackAuthError(
    `Slack refused SLACK_BOT_TOKEN (${code}): check the bot token (Install App → Bot User OAuth Token) and SLACK_API_URL`,
  );
}

/** Why a call did not reach an answer, in a few words (the innermost cause's code or message). */
export function describeFailure(error: unknown): string {
  const code = platformError(error);
  if (code) return `Slack answered ${code}`;
  let cause: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const next = (cause as { cause?: unknown; original?: unknown } | null)?.original;
    const inner = next ?? (cause as { cause?: unknown } | null)?.cause;
    if (!inner) break;
    cause = inner;
  }
  const errno = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof errno === "string" ? `${errno} (${message})` : message;
}

export interface IdentityCheckOptions {
  logger: Logger;
  /** Wrong credentials: called once, and the check stops. */
  onWrongCredentials(error: SlackAuthError): void;
  /** Waits between attempts: 1 s, doubling up to `maxDelayMs` (10 s: Slack back, the bot within 10 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface IdentityCheck {
  /** The bot's identity once Slack has answered auth.test. */
  current(): SlackIdentity | undefined;
  /** Why the identity is not known yet (undefined once it is). */
  pending(): string | undefined;
  /** Resolves when known; never rejects (wrong credentials go to `onWrongCredentials`). */
  readonly known: Promise<SlackIdentity>;
  stop(): void;
}

/** Starts asking auth.test until it answers; `client` should make no retries of its own. */
export function startIdentityCheck(
  client: WebClient,
  options: IdentityCheckOptions,
): IdentityCheck {
  const { logger } = options;
  const initial = options.initialDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 10_000;
  let stopped = false;
  let identity: SlackIdentity | undefined;
  let reason = "Slack's Web API has not answered auth.test yet";
  let wake: (() => void) | undefined;
  const sleep =
    options.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }));
  let found: (value: SlackIdentity) => void = () => {};
  const known = new Promise<SlackIdentity>((resolve) => {
    found = resolve;
  });

  const run = async () => {
    for (let attempt = 1, delay = initial; !stopped; attempt += 1) {
      try {
        const answer = await client.auth.test();
        if (stopped) return;
        identity = {
          botUserId: String(answer.user_id ?? ""),
          botId: String(answer.bot_id ?? ""),
          ...(answer.team_id ? { teamId: String(answer.team_id) } : {}),
        };
        if (attempt > 1) logger.info({ attempt }, "Slack's Web API answers again");
        found(identity);
        return;
      } catch (error) {
        if (stopped) return;
        const wrong = asSlackAuthError(error);
        if (wrong) {
          stopped = true;
          reason = wrong.message;
          options.onWrongCredentials(wrong);
          return;
        }
        reason = `Slack's Web API did not answer auth.test (attempt ${attempt}): ${describeFailure(error)}; retrying in ${Math.round(delay / 1000)} s`;
        logger.warn({ attempt, delayMs: delay }, reason);
        await sleep(delay);
        delay = Math.min(delay * 2, max);
      }
    }
  };
  void run();

  return {
    current: () => identity,
    pending: () => (identity ? undefined : reason),
    known,
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
