/**
 * OPS_PORT: `/metrics`, `/healthz` and `/readyz` on a port of their own, listening on
 * 127.0.0.1 only, for deployments that expose PORT to the Internet (Slack's HTTP requests,
 * calendar feeds) and scrape metrics or probe health from the same machine or pod. With
 * OPS_PORT set, `/metrics` is served there only; the health routes stay on PORT as well.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CustomRoute } from "@slack/bolt";

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(
  port: number,
  routes: readonly CustomRoute[],
  host = "127.0.0.1",
): Promise<OpsServer> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://ops.local").pathname;
    const route = routes.find((r) => r.path === path);
    const methods = route ? [route.method].flat().map((m) => m.toUpperCase()) : [];
    if (!route || !methods.includes(req.method ?? "GET")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found\n");
      return;
    }
    Promise.resolve(route.handler(Object.assign(req, { params: {} }), res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
