/**
 * Tells open pages when something changed (Server-Sent Events): the app called the Web API, a
 * person did something, or the clock moved. The page then fetches its screen again.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

export interface ChangeFeed {
  /** Changes on each server start: a page that sees another one reloads (npm run dev). */
  readonly bootId: string;
  bump(): void;
  subscribe(res: ServerResponse): void;
  close(): void;
}

/** `fingerprint` is polled; a different value means a change. */
export function createChangeFeed(fingerprint: () => string, pollMs = 150): ChangeFeed {
  const bootId = randomUUID();
  const clients = new Set<ServerResponse>();
  let bumps = 0;
  let last = "";
  let revision = 0;
  const send = (res: ServerResponse, event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const check = () => {
    const now = `${bumps}|${fingerprint()}`;
    if (now === last) return;
    last = now;
    revision += 1;
    for (const res of clients) send(res, "change", { revision });
  };
  const poll = setInterval(check, pollMs);
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(": keep-alive\n\n");
  }, 15_000);
  poll.unref();
  keepAlive.unref();
  return {
    bootId,
    bump() {
      bumps += 1;
      check();
    },
    subscribe(res) {
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write("retry: 1000\n\n");
      send(res, "hello", { bootId, revision });
      clients.add(res);
      res.on("close", () => clients.delete(res));
    },
    close() {
      clearInterval(poll);
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
