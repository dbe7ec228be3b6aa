/**
 * The load generator's transport when it runs in its own process: signed posts over a fixed pool
 * of keep-alive connections, one per client, opened before the load (`bench/ack-client.ts`).
 * Slack keeps its connections to an app alive; a pool that grows during the load instead (as
 * fetch's does) opens connections while the server is saturated, and a saturated Node server
 * leaves them in its accept queue for seconds, which would count as late acks.
 */
import http from "node:http";
import { signingHeaders } from "../src/localslack/driver/sign.ts";
import { encodeBody, type Transport } from "../src/localslack/driver/transport.ts";

export function pooledTransport(o: {
  url: string;
  signingSecret: string;
  ackTimeoutMs: number;
  connections: number;
}): Transport & { close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  return {
    deliver(kind, payload) {
      const { body, contentType } = encodeBody(kind, payload);
      const headers = {
        "Content-Type": contentType,
        "Content-Length": String(Buffer.byteLength(body)),
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        ...signingHeaders(o.signingSecret, body, "valid", Date.now()),
      };
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
