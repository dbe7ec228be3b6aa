/** Small HTTP helpers for the sandbox server: JSON in and out, static files, a reverse proxy. */
import { readFile } from "node:fs/promises";
import { type IncomingMessage, request, type ServerResponse } from "node:http";
import path from "node:path";

/** The body of any request but a modal's submission with files (see `submitBodyLimit`). */
export const MAX_BODY = 1_000_000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body of at most `limit` bytes. A larger one is refused (413, `tooLarge`) as soon
 * as its Content-Length says so, or once that many bytes arrived, and the rest is discarded.
 */
export async function readJson(
  req: IncomingMessage,
  limit = MAX_BODY,
  tooLarge = "request body too large",
): Promise<unknown> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    // Read on and drop the rest (rather than reset the connection), so the refusal is answered.
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return reject(new HttpError(413, tooLarge));
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      reject(new HttpError(413, tooLarge));
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
  const text = body.toString("utf8");
  try {
    return text === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "the body is not JSON");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves a file of `dir` by name (no sub-paths), read on each request so edits show at once. */
export async function sendStatic(res: ServerResponse, dir: string, name: string): Promise<boolean> {
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(name)) return false;
  const type = TYPES[path.extname(name)];
  if (!type) return false;
  try {
    const body = await readFile(path.join(dir, name));
    res.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}

/** Forwards the request to the app (health, metrics and the features' own endpoints). */
export function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent)
      sendJson(res, 502, { ok: false, error: `the app does not answer: ${error.message}` });
    else res.destroy();
  });
  req.pipe(upstream);
}
