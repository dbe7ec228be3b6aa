/**
 * Socket Mode side of the emulator: apps.connections.open mints a ws:// URL on this server;
 * each connection gets `hello`, then envelopes; the app acks with { envelope_id, payload? }.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { Json } from "./types.ts";

export type EnvelopeType = "events_api" | "interactive" | "slash_commands";

export interface SendOptions {
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack; Slack's budget is 3 s. */
  ackTimeoutMs?: number;
}

export type SocketAck = { acked: true; payload: Json | undefined } | { acked: false };

interface Pending {
  resolve(ack: SocketAck): void;
  timer: NodeJS.Timeout;
}

export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections: WebSocket[] = [];
  private readonly tickets = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private readonly waiters: Array<() => void> = [];
  private readonly pinger: NodeJS.Timeout;
  private nextConnection = 0;

  constructor(
    private readonly wsBase: () => string,
    private readonly appId: string,
  ) {
    // The client disconnects when the server has not pinged for 30 s.
    this.pinger = setInterval(() => {
      for (const c of this.connections) c.ping();
    }, 10_000);
    this.pinger.unref();
  }

  mintUrl(): string {
    const ticket = randomBytes(16).toString("hex");
    this.tickets.add(ticket);
    return `${this.wsBase()}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  get connectionCount(): number {
    return this.connections.length;
  }

  /** Handles an HTTP upgrade on /link/; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/link/") return false;
    const ticket = url.searchParams.get("ticket") ?? "";
    if (!this.tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    return true;
  }

  private onConnection(ws: WebSocket): void {
    this.connections.push(ws);
    ws.on("message", (data) => this.onMessage(String(data)));
    ws.on("close", () => {
      const i = this.connections.indexOf(ws);
      if (i >= 0) this.connections.splice(i, 1);
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.connections.length,
        debug_info: {
          host: "localslack",
          started: new Date().toISOString().replace("T", " ").replace("Z", ""),
          build_number: 1,
          approximate_connection_time: 18060,
        },
        connection_info: { app_id: this.appId },
      }),
    );
    for (const w of this.waiters.splice(0)) w();
  }

  private onMessage(text: string): void {
    let msg: { envelope_id?: string; payload?: Json };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    const p = msg.envelope_id ? this.pending.get(msg.envelope_id) : undefined;
    if (!p || !msg.envelope_id) return;
    clearTimeout(p.timer);
    this.pending.delete(msg.envelope_id);
    const payload = msg.payload && Object.keys(msg.payload).length > 0 ? msg.payload : undefined;
    p.resolve({ acked: true, payload });
  }

  /** Resolves once at least `n` connections are open. */
  async waitForConnections(n = 1, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections.length < n) {
      if (Date.now() > deadline) throw new Error(`no ${n} Socket Mode connection(s) opened`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50).unref();
      });
    }
  }

  /** Resolves once every connection has closed (after the apps stopped), so stop() is clean. */
  async waitUntilClosed(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sends an envelope to one connection (round robin) and waits for its ack. */
  send(type: EnvelopeType, payload: Json, opts: SendOptions = {}): Promise<SocketAck> {
    const open = this.connections.filter((c) => c.readyState === c.OPEN);
    if (open.length === 0) return Promise.reject(new Error("no open Socket Mode connection"));
    const conn = open[this.nextConnection++ % open.length];
    const envelopeId = randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== "events_api",
      ...(type === "events_api"
        ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? "" }
        : {}),
    };
    return new Promise<SocketAck>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        resolve({ acked: false });
      }, opts.ackTimeoutMs ?? 3000);
      this.pending.set(envelopeId, { resolve, timer });
      conn?.send(JSON.stringify(envelope));
    });
  }

  /** Sends Slack's `disconnect` message (the client reconnects) to every connection. */
  disconnectAll(reason = "refresh_requested"): void {
    const message = JSON.stringify({
      type: "disconnect",
      reason,
      debug_info: { host: "localslack" },
    });
    for (const c of this.connections) c.send(message);
  }

  /**
   * Drops every connection without a word (a network failure, a Slack host going away): the
   * sockets are destroyed, no `disconnect` message is sent, pending acks never arrive.
   */
  dropAll(): void {
    for (const c of this.connections.splice(0)) c.terminate();
  }

  close(): void {
    clearInterval(this.pinger);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ acked: false });
    }
    this.pending.clear();
    for (const c of this.connections) c.terminate();
    this.connections.length = 0;
    this.wss.close();
  }
}
