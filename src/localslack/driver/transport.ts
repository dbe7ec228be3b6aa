/** Delivery of payloads to the app: signed HTTP posts, or Socket Mode envelopes. */
import type { SlackEmulator } from "../emulator/index.ts";
import type { Json } from "../emulator/types.ts";
import { type SigningMode, signingHeaders } from "./sign.ts";

export type DeliveryKind = "events_api" | "interactive" | "slash_commands";

export interface DeliverOptions {
  signing?: SigningMode;
  retryNum?: number;
  retryReason?: string;
}

export interface Delivery {
  /** HTTP status (200 for a Socket Mode ack), 0 when the app did not answer in time. */
  status: number;
  /** The app's answer: parsed JSON, text, or undefined when empty. */
  body: unknown;
  timedOut: boolean;
  headers: Record<string, string>;
}

export interface Transport {
  deliver(kind: DeliveryKind, payload: Json, opts?: DeliverOptions): Promise<Delivery>;
}

/** Encodes a payload the way Slack sends it over HTTP. */
export function encodeBody(
  kind: DeliveryKind,
  payload: Json,
): { body: string; contentType: string } {
  if (kind === "events_api")
    return { body: JSON.stringify(payload), contentType: "application/json" };
  // Bolt only form-parses the exact header value, without a charset (SLACK-PLATFORM.md §1.5).
  const contentType = "application/x-www-form-urlencoded";
  if (kind === "interactive") {
    return {
      body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      contentType,
    };
  }
  const fields = Object.entries(payload).map(([k, v]) => [k, String(v ?? "")]);
  return { body: new URLSearchParams(fields).toString(), contentType };
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

function parseAnswer(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface HttpTransportOptions {
  appUrl: string;
  signingSecret: string;
  ackTimeoutMs: number;
  /** Wall clock for signatures: Bolt compares the timestamp with its own Date.now(). */
  signingNow: () => number;
}

/** The body and headers of the HTTP request Slack sends the app for a payload. */
export function slackRequest(
  kind: DeliveryKind,
  payload: Json,
  signingSecret: string,
  opts: DeliverOptions,
  nowMs: number,
): { body: string; headers: Record<string, string> } {
  const { body, contentType } = encodeBody(kind, payload);
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    ...signingHeaders(signingSecret, body, opts.signing ?? "valid", nowMs),
  };
  if (opts.retryNum !== undefined) {
    headers["X-Slack-Retry-Num"] = String(opts.retryNum);
    headers["X-Slack-Retry-Reason"] = opts.retryReason ?? "http_timeout";
  }
  return { body, headers };
}

export function httpTransport(o: HttpTransportOptions): Transport {
  return {
    async deliver(kind, payload, opts = {}) {
      const { body, headers } = slackRequest(kind, payload, o.signingSecret, opts, o.signingNow());
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), o.ackTimeoutMs);
      try {
        const res = await fetch(o.appUrl, { method: "POST", headers, body, signal: abort.signal });
        const text = await res.text();
        return {
          status: res.status,
          body: parseAnswer(text),
          timedOut: false,
          headers: headersOf(res.headers),
        };
      } catch (e) {
        if (abort.signal.aborted)
          return { status: 0, body: undefined, timedOut: true, headers: {} };
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export function socketTransport(emulator: SlackEmulator, ackTimeoutMs: number): Transport {
  return {
    async deliver(kind, payload, opts = {}) {
      const ack = await emulator.socket.send(kind, payload, {
        ackTimeoutMs,
        ...(opts.retryNum !== undefined ? { retryAttempt: opts.retryNum } : {}),
        ...(opts.retryReason !== undefined ? { retryReason: opts.retryReason } : {}),
      });
      return ack.acked
        ? { status: 200, body: ack.payload, timedOut: false, headers: {} }
        : { status: 0, body: undefined, timedOut: true, headers: {} };
    },
  };
}
