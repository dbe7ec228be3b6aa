/**
 * The local Slack Web API emulator: `createSlackEmulator(options)` starts an HTTP server that
 * answers POST /api/<method> the way Slack does, over an in-memory workspace.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CallLog } from "./calls.ts";
import { type FaultConfig, FaultInjector } from "./faults.ts";
import { RateLimiter, type RateLimitOptions, resolveRateLimits } from "./rate-limit.ts";
import { type ResponseTarget, ResponseUrlStore } from "./response-urls.ts";
import { route, type ServerDeps } from "./server.ts";
import { SocketModeServer } from "./socket-mode.ts";
import { TriggerStore } from "./triggers.ts";
import type { Clock } from "./types.ts";
import { Workspace, type WorkspaceOptions } from "./workspace.ts";

export interface SlackEmulatorOptions extends Omit<WorkspaceOptions, "clock"> {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  host?: string;
  /** Injectable clock (ms since epoch) for ts, trigger expiry, response_url expiry and rate limits. */
  now?: () => number;
  /** Injectable randomness for fault error rates. */
  random?: () => number;
  /** Off by default; `true` for Slack-like defaults or an object to tune them. */
  rateLimits?: boolean | RateLimitOptions;
  faults?: FaultConfig;
  /** Refuse blocks without a text fallback (invalid_arguments). Default true. */
  strictText?: boolean;
  /** Keep only the latest this many recorded calls (benchmarks); all by default. */
  keepCalls?: number;
}

export interface SlackEmulator {
  /** Web API base URL for `slackApiUrl`, e.g. http://127.0.0.1:PORT/api/ (after start). */
  readonly url: string;
  /** http://127.0.0.1:PORT (after start). */
  readonly baseUrl: string;
  readonly workspace: Workspace;
  readonly calls: CallLog;
  readonly socket: SocketModeServer;
  readonly triggers: TriggerStore;
  readonly clock: Clock;
  start(): Promise<void>;
  stop(): Promise<void>;
  setFaults(faults: FaultConfig): void;
  clearFaults(): void;
  setRateLimits(limits: boolean | RateLimitOptions): void;
  setStrictText(on: boolean): void;
  /** A trigger_id valid for 3 s, single use, bound to `user`. */
  mintTriggerId(user: string): string;
  /** An absolute response_url on the emulator (5 uses in 30 minutes). */
  mintResponseUrl(target: ResponseTarget): string;
}

export function createSlackEmulator(options: SlackEmulatorOptions = {}): SlackEmulator {
  const clock: Clock = { now: options.now ?? (() => Date.now()) };
  const workspace = new Workspace({ ...options, clock });
  const calls = new CallLog(options.keepCalls);
  const faults = new FaultInjector(options.random);
  if (options.faults) faults.set(options.faults);
  const limiter = new RateLimiter(clock);
  const configureLimits = (l: boolean | RateLimitOptions | undefined) =>
    limiter.configure(l ? resolveRateLimits(l === true ? {} : l) : undefined);
  configureLimits(options.rateLimits);
  let strictText = options.strictText ?? true;
  let server: Server | undefined;
  let port = 0;
  const host = options.host ?? "127.0.0.1";
  const baseUrl = () => {
    if (!server) throw new Error("the Slack emulator is not started");
    return `http://${host}:${port}`;
  };
  const triggers = new TriggerStore(clock);
  const responseUrls = new ResponseUrlStore(clock, baseUrl);
  const socket = new SocketModeServer(() => baseUrl().replace(/^http/, "ws"), workspace.bot.appId);
  const held = new Set<ServerResponse>();

  const deps: ServerDeps = {
    ws: workspace,
    clock,
    calls,
    faults,
    limiter,
    responseUrls,
    held,
    strictText: () => strictText,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    context: {
      get strictText() {
        return strictText;
      },
      get baseUrl() {
        return baseUrl();
      },
      triggers,
      responseUrls,
      socketUrl: () => socket.mintUrl(),
    },
  };

  return {
    get url() {
      return `${baseUrl()}/api/`;
    },
    get baseUrl() {
      return baseUrl();
    },
    workspace,
    calls,
    socket,
    triggers,
    clock,
    async start() {
      const s = createServer((req, res) => {
        route(deps, req, res).catch((e: unknown) => {
          if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ ok: false, error: "internal_error", detail: String(e) }));
        });
      });
      // Clients (undici) keep idle connections ~4 s; a server closing them at Node's default 5 s
      // races a request sent on a dying socket (ECONNRESET). Outlive the clients instead.
      s.keepAliveTimeout = 65_000;
      s.headersTimeout = 66_000;
      s.on("upgrade", (req, sock, head) => {
        if (!socket.handleUpgrade(req, sock, head)) sock.destroy();
      });
      await new Promise<void>((resolve) => s.listen(options.port ?? 0, host, resolve));
      port = (s.address() as AddressInfo).port;
      server = s;
    },
    async stop() {
      const s = server;
      if (!s) return;
      socket.close();
      for (const res of held) res.destroy();
      held.clear();
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      server = undefined;
    },
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    setRateLimits: configureLimits,
    setStrictText: (on) => {
      strictText = on;
    },
    mintTriggerId: (user) => triggers.mint(user),
    mintResponseUrl: (target) => responseUrls.mint(target),
  };
}

export type { RecordedCall } from "./calls.ts";
export { CallLog } from "./calls.ts";
export { SlackApiError } from "./errors.ts";
export type { FaultConfig, FaultRule } from "./faults.ts";
export type { BucketLimit, RateLimitConfig, RateLimitOptions } from "./rate-limit.ts";
export { DEFAULT_RATE_LIMITS } from "./rate-limit.ts";
export type { ResponseTarget } from "./response-urls.ts";
export { fileJson } from "./serialize.ts";
export type { EnvelopeType, SocketAck } from "./socket-mode.ts";
export type * from "./types.ts";
export * from "./validate.ts";
export type { ChannelInit, UserInit, WorkspaceOptions } from "./workspace.ts";
export { Workspace } from "./workspace.ts";
