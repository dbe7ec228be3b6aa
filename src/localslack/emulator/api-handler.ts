/** Answers POST /api/<method>: faults, auth, scopes, rate limits, then the method itself. */
import type { IncomingMessage } from "node:http";
import { optString } from "./args.ts";
import { type CallLog, readableArgs } from "./calls.ts";
import { SlackApiError } from "./errors.ts";
import type { FaultInjector } from "./faults.ts";
import { parseArgs } from "./http-body.ts";
import { METHODS, type MethodContext, type TokenKind } from "./methods/index.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { missingScope } from "./scopes.ts";
import type { ChannelKind, Clock, Json } from "./types.ts";
import type { Workspace } from "./workspace.ts";

export interface ApiAnswer {
  status: number;
  body: Json | undefined;
  headers?: Record<string, string>;
  /** Hold the request without answering (fault injection). */
  hold?: boolean;
}

export interface ApiDeps {
  ws: Workspace;
  clock: Clock;
  calls: CallLog;
  faults: FaultInjector;
  limiter: RateLimiter;
  context: Omit<MethodContext, "ws" | "args" | "token">;
  sleep(ms: number): Promise<void>;
}

function tokenKind(ws: Workspace, token: string): TokenKind | undefined {
  if (token === ws.bot.token) return "bot";
  if (token === ws.bot.appToken) return "app";
  return undefined;
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(.+)$/i.exec(h) : null;
  return m?.[1];
}

const fail = (error: string, extra: Json = {}): ApiAnswer => ({
  status: 200,
  body: { ok: false, error, ...extra },
});

export async function handleApi(
  deps: ApiDeps,
  method: string,
  req: IncomingMessage,
  raw: Buffer,
): Promise<ApiAnswer> {
  const time = deps.clock.now();
  let args: Record<string, unknown> = {};
  let answer: ApiAnswer;
  let token: string | undefined;
  try {
    args = await parseArgs(raw, req.headers["content-type"]);
    token = bearer(req) ?? optString(args, "token");
    answer = await answer_(deps, method, args, token);
  } catch (e) {
    answer =
      e instanceof SyntaxError
        ? fail("invalid_form_data")
        : { status: 500, body: { ok: false, error: "internal_error", detail: String(e) } };
  }
  deps.calls.record({
    method,
    args: readableArgs(args),
    status: answer.hold ? 0 : answer.status,
    response: answer.body,
    time,
    ...(token ? { token } : {}),
  });
  return answer;
}

async function answer_(
  deps: ApiDeps,
  method: string,
  args: Record<string, unknown>,
  token: string | undefined,
): Promise<ApiAnswer> {
  const { ws } = deps;
  const channel = optString(args, "channel") ?? optString(args, "channel_id");
  const fault = deps.faults.decide(method, channel);
  if (fault.latencyMs > 0) await deps.sleep(fault.latencyMs);
  if (fault.action?.kind === "timeout") return { status: 0, body: undefined, hold: true };
  if (fault.action?.kind === "status") {
    const { status, retryAfter } = fault.action;
    return {
      status,
      body: { ok: false, error: status === 429 ? "ratelimited" : "internal_error" },
      ...(status === 429 ? { headers: { "Retry-After": String(retryAfter ?? 1) } } : {}),
    };
  }
  if (fault.action?.kind === "error") return fail(fault.action.error);

  if (!token) return fail("not_authed");
  const kind = tokenKind(ws, token);
  if (!kind) return fail("invalid_auth");
  const spec = METHODS[method];
  if (!spec) return fail("unknown_method", { req_method: method });
  if ((spec.token ?? "bot") !== kind) return fail("not_allowed_token_type");
  if (kind === "bot" && ws.scopes) {
    const needed = missingScope(ws.scopes, method, conversationKinds(ws, method, args, channel));
    if (needed) return fail("missing_scope", { needed, provided: [...ws.scopes].join(",") });
  }
  const limited = deps.limiter.take(method, spec.tier, channel);
  if (limited) {
    return {
      status: 429,
      body: { ok: false, error: "ratelimited" },
      headers: { "Retry-After": String(limited.retryAfter) },
    };
  }
  try {
    const body = spec.handler({ ...deps.context, ws, args, token: { value: token, kind } });
    return { status: 200, body };
  } catch (e) {
    if (e instanceof SlackApiError) return { status: 200, body: e.toBody() };
    throw e;
  }
}

const LIST_TYPES: Record<string, ChannelKind> = {
  public_channel: "public",
  private_channel: "private",
  im: "im",
  mpim: "mpim",
};

/** The kinds of conversation a call touches, for its scopes (SLACK scopes follow the kind). */
function conversationKinds(
  ws: Workspace,
  method: string,
  args: Record<string, unknown>,
  channel: string | undefined,
): ChannelKind[] {
  if (method === "conversations.list") {
    const types = (optString(args, "types") ?? "public_channel").split(",");
    return types.map((t) => LIST_TYPES[t.trim()]).filter((k): k is ChannelKind => k !== undefined);
  }
  if (method === "conversations.open") {
    const users = (optString(args, "users") ?? "").split(",").filter(Boolean);
    return [users.length > 1 ? "mpim" : "im"];
  }
  if (channel === undefined) return ["public"];
  if (/^[UW][A-Z0-9]+$/.test(channel)) return ["im"];
  return [ws.channel(channel)?.kind ?? "public"];
}
