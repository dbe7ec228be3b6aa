/**
 * The sandbox page's only gate, checked once at the server's entry before anything runs. The
 * sandbox listens on loopback and has no accounts, so what it must refuse is the browser of
 * the person running it being used by some other site:
 * - DNS rebinding: a page of evil.example whose name later resolves to 127.0.0.1 reaches this
 *   server with `Host: evil.example`. Only loopback names (and the host it was started on) are
 *   answered.
 * - Cross-site requests: a form or `fetch` with `text/plain` needs no CORS preflight, so any
 *   page could advance the clock or click buttons. A request that changes something must be
 *   JSON (which a cross-site page can only send after a preflight this server never grants),
 *   and a browser's `Origin`, when sent, must be this server's own.
 */
import type { IncomingMessage } from "node:http";

export interface GuardRefusal {
  status: number;
  error: string;
}

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host name of a `Host` header or an origin's authority, and its port ("" if none). */
function splitHost(authority: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(authority.trim());
  return m?.[1] ? { name: m[1].toLowerCase(), port: m[2] ?? "" } : null;
}

/** `listenHost`: where the server listens (127.0.0.1 unless told otherwise), also accepted. */
export function hostAllowed(hostHeader: string | undefined, port: number, listenHost: string) {
  if (!hostHeader) return false;
  const host = splitHost(hostHeader);
  if (!host || (host.port !== "" && host.port !== String(port))) return false;
  return LOOPBACK_NAMES.has(host.name) || host.name === listenHost.toLowerCase();
}

function originAllowed(origin: string, port: number, listenHost: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" || url.pathname !== "/" || url.search || url.username) return false;
  return hostAllowed(url.host, port, listenHost);
}

const isJson = (contentType: string | undefined) =>
  /^application\/json\s*(;|$)/i.test((contentType ?? "").trim());

/** Null when the request may go on; otherwise the status and why. */
export function guardRequest(
  req: IncomingMessage,
  server: { port: number; host: string },
): GuardRefusal | null {
  if (!hostAllowed(req.headers.host, server.port, server.host))
    return { status: 421, error: "this sandbox answers only to 127.0.0.1 or localhost" };
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, server.port, server.host))
    return { status: 403, error: "cross-origin requests are refused" };
  if (req.headers["sec-fetch-site"] === "cross-site")
    return { status: 403, error: "cross-site requests are refused" };
  const method = (req.method ?? "GET").toUpperCase();
  if (SAFE_METHODS.has(method)) return null;
  // Bodies of the app's own endpoints (/slack/events through the proxy) are signed; the
  // sandbox's own API takes JSON only.
  const url = req.url ?? "/";
  if (url.startsWith("/sandbox/") && !isJson(req.headers["content-type"]))
    return { status: 415, error: "send JSON (content-type: application/json)" };
  return null;
}
