/** HTTP routing of the emulator: /api/<method>, upload URLs, response URLs, /_admin/*. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiDeps, handleApi } from "./api-handler.ts";
import { readableArgs } from "./calls.ts";
import type { FaultConfig } from "./faults.ts";
import { parseArgs, readRaw } from "./http-body.ts";
import { type RateLimitOptions, resolveRateLimits } from "./rate-limit.ts";
import { answerResponseUrl } from "./response-handler.ts";
import type { ResponseUrlStore } from "./response-urls.ts";
import type { Json } from "./types.ts";

export interface ServerDeps extends ApiDeps {
  responseUrls: ResponseUrlStore;
  strictText: () => boolean;
  /** Requests held by a timeout fault; answered (destroyed) on stop. */
  held: Set<ServerResponse>;
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function parseJson(raw: Buffer): Json {
  if (raw.length === 0) return {};
  const text = raw.toString("utf8");
  // Slack also accepts response_url bodies as form posts with a `payload` field.
  if (text.startsWith("payload=")) {
    return JSON.parse(new URLSearchParams(text).get("payload") ?? "{}") as Json;
  }
  return JSON.parse(text) as Json;
}

export async function route(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const raw = await readRaw(req);
  const path = url.pathname;

  if (path.startsWith("/api/") && req.method === "POST") {
    const answer = await handleApi(deps, path.slice("/api/".length), req, raw);
    if (answer.hold) {
      deps.held.add(res);
      res.on("close", () => deps.held.delete(res));
      return;
    }
    send(res, answer.status, answer.body, answer.headers);
    return;
  }
  if (path.startsWith("/upload/") && req.method === "POST") {
    return upload(deps, path.slice("/upload/".length), await fileBytes(raw, req), res);
  }
  if (path.startsWith("/response/") && req.method === "POST") {
    return respond(deps, path.slice("/response/".length), raw, res);
  }
  if (path.startsWith("/_admin/")) return admin(deps, path, req.method ?? "GET", raw, res);
  send(res, 404, { ok: false, error: "not_found" });
}

/** The WebClient posts file bytes as multipart (a `body` part); curl-style uploads are raw. */
async function fileBytes(raw: Buffer, req: IncomingMessage): Promise<Buffer> {
  const type = req.headers["content-type"] ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) return raw;
  const args = await parseArgs(raw, type);
  const file = Object.values(args).find((v) => Buffer.isBuffer(v));
  return Buffer.isBuffer(file) ? file : raw;
}

function upload(deps: ServerDeps, fileId: string, raw: Buffer, res: ServerResponse): void {
  const f = deps.ws.files.get(fileId);
  const status = f ? 200 : 404;
  if (f) f.bytes = raw;
  deps.calls.record({
    method: "upload",
    args: { file_id: fileId, bytes: raw.length },
    status,
    response: undefined,
    time: deps.clock.now(),
  });
  res.writeHead(status, { "Content-Type": "text/plain" });
  res.end(f ? `OK - ${raw.length}` : "file not found");
}

async function respond(
  deps: ServerDeps,
  id: string,
  raw: Buffer,
  res: ServerResponse,
): Promise<void> {
  const time = deps.clock.now();
  let body: Json = {};
  let status: number;
  let answer: Json;
  const fault = deps.faults.decide("response_url", undefined);
  if (fault.latencyMs > 0) await deps.sleep(fault.latencyMs);
  try {
    body = parseJson(raw);
    const target = deps.responseUrls.use(id);
    if ("error" in target) {
      status = 404;
      answer = { ok: false, error: target.error };
    } else if (fault.action?.kind === "status") {
      status = fault.action.status;
      answer = { ok: false, error: "internal_error" };
    } else {
      const r = answerResponseUrl(deps.ws, target, body, deps.strictText());
      status = r.status;
      answer = r.body;
    }
  } catch {
    status = 400;
    answer = { ok: false, error: "invalid_payload" };
  }
  deps.calls.record({
    method: "response_url",
    args: readableArgs(body),
    status,
    response: answer,
    time,
  });
  send(res, status, answer);
}

/** Lets another process (a replica test) drive faults and rate limits and read the call log. */
function admin(
  deps: ServerDeps,
  path: string,
  method: string,
  raw: Buffer,
  res: ServerResponse,
): void {
  let answer: [number, Json];
  try {
    answer = adminAnswer(deps, path, method, raw);
  } catch {
    answer = [400, { ok: false, error: "invalid_json" }];
  }
  send(res, answer[0], answer[1]);
}

function adminAnswer(deps: ServerDeps, path: string, method: string, raw: Buffer): [number, Json] {
  const body = raw.toString("utf8");
  if (path === "/_admin/faults") {
    if (method === "POST") deps.faults.set(JSON.parse(body || "{}") as FaultConfig);
    return [200, { ok: true, faults: deps.faults.current() }];
  }
  if (path === "/_admin/rate-limits" && method === "POST") {
    const limits = JSON.parse(body || "false") as boolean | RateLimitOptions;
    deps.limiter.configure(
      limits === false ? undefined : resolveRateLimits(limits === true ? {} : limits),
    );
    return [200, { ok: true, enabled: deps.limiter.config !== undefined }];
  }
  if (path === "/_admin/calls") {
    if (method === "DELETE") deps.calls.clear();
    return [200, { ok: true, calls: deps.calls.all() }];
  }
  return [404, { ok: false, error: "not_found" }];
}
