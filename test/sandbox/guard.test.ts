/**
 * The sandbox page refuses what another web site could make the person's browser send: a
 * `text/plain` POST (no CORS preflight) or one from another Origin does not move the clock, a
 * request naming another Host (DNS rebinding) is not answered, and the bot behind the page
 * listens on loopback only.
 */
import { request } from "node:http";
import { connect } from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostAllowed } from "../../src/sandbox/server/guard.ts";
import { startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

interface Answer {
  status: number;
  body: string;
}

function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: opts.method ?? "GET",
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

describe("the sandbox's guard", () => {
  let t: TestSandbox;
  let port: number;
  beforeAll(async () => {
    t = await startTestSandbox();
    port = t.sandbox.port;
  });
  afterAll(async () => {
    await t?.sandbox.stop();
  });

  const advance = (headers: Record<string, string>) =>
    send(port, {
      method: "POST",
      path: "/sandbox/api/clock",
      headers,
      body: JSON.stringify({ command: "advance:3600000" }),
    });

  it("when another site posts text/plain or JSON from its Origin, then the clock does not move", async () => {
    const before = t.sandbox.clock.now().getTime();
    const plain = await advance({ "content-type": "text/plain", origin: "http://evil.example" });
    expect(plain.status).toBe(403);
    const noOrigin = await advance({ "content-type": "text/plain" });
    expect(noOrigin.status).toBe(415);
    expect(JSON.parse(noOrigin.body)).toMatchObject({
      ok: false,
      error: expect.stringContaining("JSON"),
    });
    const json = await advance({
      "content-type": "application/json",
      origin: "http://evil.example",
    });
    expect(json.status).toBe(403);
    const sameHostOtherPort = await advance({
      "content-type": "application/json",
      origin: "http://127.0.0.1:1",
    });
    expect(sameHostOtherPort.status).toBe(403);
    const crossSite = await advance({
      "content-type": "application/json",
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    // Less than an hour passed: none of them jumped the clock.
    expect(t.sandbox.clock.now().getTime() - before).toBeLessThan(3_600_000);
  });

  it("when the page itself posts JSON, then the clock moves an hour", async () => {
    const before = t.sandbox.clock.now().getTime();
    const own = await advance({
      "content-type": "application/json",
      origin: `http://127.0.0.1:${port}`,
    });
    expect(own.status).toBe(200);
    expect(t.sandbox.clock.now().getTime() - before).toBeGreaterThanOrEqual(3_600_000);
  });

  it("when the Host is another name (DNS rebinding), then nothing is answered, proxied paths included", async () => {
    for (const path of ["/", "/sandbox/api/screen", "/healthz"]) {
      const rebound = await send(port, { path, headers: { host: `evil.example:${port}` } });
      expect(rebound.status).toBe(421);
      expect(rebound.body).not.toContain("<html");
    }
    const page = await send(port, { path: "/", headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    const health = await send(port, { path: "/healthz" });
    expect(health.status).toBe(200);
  });

  it("the Host check takes loopback names on the server's port only", () => {
    expect(hostAllowed("127.0.0.1:4000", 4000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("localhost:4000", 4000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("[::1]:4000", 4000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("localhost:4001", 4000, "127.0.0.1")).toBe(false);
    expect(hostAllowed("127.0.0.1.evil.example:4000", 4000, "127.0.0.1")).toBe(false);
    expect(hostAllowed(undefined, 4000, "127.0.0.1")).toBe(false);
  });

  it("the bot behind the page listens on 127.0.0.1 only", async () => {
    const botPort = t.sandbox.bot.port;
    const loopback = await send(botPort, { path: "/healthz" });
    expect(loopback.status).toBe(200);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    // A machine with no other interface cannot be reached from the network anyway.
    const target = external ?? "127.0.0.2";
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: target, port: botPort });
      socket.once("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });
});
