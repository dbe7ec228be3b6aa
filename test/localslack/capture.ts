import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in app that records what the driver sends and answers with `reply()`. */
export async function startCapture(
  reply: (c: Captured) => {
    status: number;
    body?: string;
    headers?: Record<string, string>;
  } = () => ({
    status: 200,
  }),
): Promise<{ url: string; requests: Captured[]; stop(): Promise<void> }> {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const c = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(c);
      const r = reply(c);
      res.writeHead(r.status, r.headers ?? {});
      res.end(r.body ?? "");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
