/**
 * The driver plays Slack towards the app: it sends signed events, interactions and slash
 * commands (HTTP) or envelopes (Socket Mode) built from the emulator's workspace.
 */
import type { SlackEmulator } from "../emulator/index.ts";
import type {
  ChannelRecord,
  EphemeralRecord,
  Json,
  MessageRecord,
  ViewRecord,
} from "../emulator/types.ts";
import { PayloadBuilder, VERIFICATION_TOKEN } from "./payloads.ts";
import { type DriverCore, type EventResult, UserSession } from "./session.ts";
import type { SigningMode } from "./sign.ts";
import {
  type DeliverOptions,
  type Delivery,
  type DeliveryKind,
  httpTransport,
  socketTransport,
  type Transport,
} from "./transport.ts";

export interface DriverOptions {
  emulator: SlackEmulator;
  /** The app's request URL, e.g. http://127.0.0.1:3000/slack/events (HTTP mode). */
  appUrl?: string;
  signingSecret?: string;
  /** "http" (default when appUrl is given) or "socket" (envelopes over the emulator's WebSocket). */
  transport?: "http" | "socket";
  /** Slack's ack deadline; default 3000 ms. */
  ackTimeoutMs?: number;
  /** Delays before event retries 1..3; Slack: immediately, +1 min, +5 min. */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  /** Wall clock for request signatures (Bolt checks them against its Date.now()). */
  signingNow?: () => number;
}

export const SLACK_RETRY_DELAYS_MS = [0, 60_000, 300_000];

export interface SlackDriver {
  readonly emulator: SlackEmulator;
  /** Acts as a user: clickButton, select, fill, submitModal, closeModal, openAppHome, … */
  as(userId: string): UserSession;
  /** Sends an Events API event (wrapped in event_callback), retrying like Slack on a slow ack. */
  sendEvent(event: Json, opts?: { signing?: SigningMode }): Promise<EventResult>;
  urlVerification(challenge?: string, opts?: { signing?: SigningMode }): Promise<Delivery>;
  /** Sends any payload as-is (for tests of signing, odd payloads…). */
  deliver(kind: DeliveryKind, payload: Json, opts?: DeliverOptions): Promise<Delivery>;
  /** Latest top-level message of a channel (id, #name or a user id for the bot's DM). */
  lastMessage(channel: string): MessageRecord | undefined;
  messages(channel: string): MessageRecord[];
  thread(channel: string, threadTs: string): MessageRecord[];
  ephemeralsFor(userId: string, channel?: string): EphemeralRecord[];
  /** The top view of the user's open modal. */
  openView(userId: string): ViewRecord | undefined;
  homeView(userId: string): ViewRecord | undefined;
}

export function createDriver(opts: DriverOptions): SlackDriver {
  const { emulator } = opts;
  const ws = emulator.workspace;
  const ackTimeoutMs = opts.ackTimeoutMs ?? 3000;
  const mode = opts.transport ?? (opts.appUrl ? "http" : "socket");
  let transport: Transport;
  if (mode === "http") {
    if (!opts.appUrl || opts.signingSecret === undefined) {
      throw new Error("HTTP delivery needs appUrl and signingSecret");
    }
    transport = httpTransport({
      appUrl: opts.appUrl,
      signingSecret: opts.signingSecret,
      ackTimeoutMs,
      signingNow: opts.signingNow ?? (() => Date.now()),
    });
  } else {
    transport = socketTransport(emulator, ackTimeoutMs);
  }
  const delays = opts.retryDelaysMs ?? SLACK_RETRY_DELAYS_MS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const payloads = new PayloadBuilder(emulator);

  const channel = (idOrName: string): ChannelRecord => {
    if (/^[UW][A-Z0-9]+$/.test(idOrName) && ws.user(idOrName)) return ws.dmWith(idOrName);
    const c = ws.channel(idOrName);
    if (!c) throw new Error(`no channel ${idOrName} in the emulated workspace`);
    return c;
  };

  /** Slack retries an unacknowledged event up to 3 times with the same event_id. */
  const sendEvent = async (
    event: Json,
    o: { signing?: SigningMode } = {},
  ): Promise<EventResult> => {
    const envelope = payloads.eventEnvelope(event);
    const attempts: Delivery[] = [];
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      const prev = attempts[attempts.length - 1];
      if (prev) await sleep(delays[attempt - 1] ?? 0);
      const d = await transport.deliver("events_api", envelope, {
        ...(o.signing ? { signing: o.signing } : {}),
        ...(prev
          ? { retryNum: attempt, retryReason: prev.timedOut ? "http_timeout" : "http_error" }
          : {}),
      });
      attempts.push(d);
      if (d.status >= 200 && d.status < 300) return { ok: true, attempts, envelope };
      if (d.headers["x-slack-no-retry"] === "1") break;
    }
    return { ok: false, attempts, envelope };
  };

  const core: DriverCore = {
    emulator,
    payloads,
    deliver: (kind, payload, o) => transport.deliver(kind, payload, o),
    sendEvent: (event) => sendEvent(event),
    channel,
  };

  const topLevel = (c: string) =>
    ws.history(channel(c).id).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

  return {
    emulator,
    as: (userId) => {
      ws.requireUser(userId);
      return new UserSession(core, userId);
    },
    sendEvent,
    urlVerification: (challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", o = {}) =>
      transport.deliver(
        "events_api",
        { token: VERIFICATION_TOKEN, challenge, type: "url_verification" },
        o.signing ? { signing: o.signing } : {},
      ),
    deliver: core.deliver,
    lastMessage: (c) => topLevel(c).at(-1),
    messages: (c) => ws.history(channel(c).id),
    thread: (c, ts) => ws.history(channel(c).id).filter((m) => m.ts === ts || m.thread_ts === ts),
    ephemeralsFor: (u, c) => ws.ephemeralsFor(u, c === undefined ? undefined : channel(c).id),
    openView: (u) => ws.topView(u),
    homeView: (u) => ws.homeViews.get(u),
  };
}

export type { ElementQuery } from "./find.ts";
export { VERIFICATION_TOKEN } from "./payloads.ts";
export type { ElementTarget, EventResult, InteractionResult, SurfaceTarget } from "./session.ts";
export { UserSession } from "./session.ts";
export type { SigningMode } from "./sign.ts";
export { signature, signingHeaders } from "./sign.ts";
export type { DeliverOptions, Delivery, DeliveryKind } from "./transport.ts";
export type { SubmitOutcome, SubmitResult } from "./view-response.ts";
export { FILE_INPUT_MAX_BYTES, type TypedValue } from "./view-state.ts";
