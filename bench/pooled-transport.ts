/**
 * The load generator's transport when it runs in its own process: signed posts over a fixed pool
 * of keep-alive connections, one per client, opened before the load (`bench/ack-client.ts`).
 * Slack keeps its connections to an app alive; a pool that grows during the load instead (as
 * fetch's does) opens connections while the server is saturated, and a saturated Node server
 * leaves them in its accept queue for seconds, which would count as late acks.
 */
import http from "node:http";
import { slackRequest, type Transport } from "../src/localslack/driver/transport.ts";

export function pooledTransport(o: {
  url: string;
  signingSecret: string;
  ackTimeoutMs: number;
  connections: number;
}): Transport & { close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  return {
    deliver(kind, payload, opts = {}) {
      const request = slackRequest(kind, payload, o.signingSecret, opts, Date.now());
      const { body } = request;
      const headers = { ...request.headers, "Content-Length": String(Buffer.byteLength(body)) };
      return new Promise((resolve) => {
        const req = http.request(o.url, { method: "POST", headers, agent }, (res) => {
          res.resume();
          res.on("end", () => {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, body: undefined, timedOut: false, headers: {} });
          });
        });
        // Slack gives up after 3 s; so does this client, dropping the connection as Slack would.
        const timer = setTimeout(() => {
          req.destroy();
          resolve({ status: 0, body: undefined, timedOut: true, headers: {} });
        }, o.ackTimeoutMs);
        req.on("error", () => {
          clearTimeout(timer);
          resolve({ status: 599, body: undefined, timedOut: false, headers: {} });
        });
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
