/**
 * OPS_PORT: /metrics and the health routes on a loopback port of their own; PORT keeps
 * /healthz and /readyz (the product's interface) but no longer serves /metrics.
 */
import { connect } from "node:net";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../../src/config/env.ts";
import { useTestBot } from "../helpers/bot.ts";

describe("OPS_PORT", () => {
  const bot = useTestBot({ opsPort: 0 });

  it("serves /metrics, /healthz and /readyz on 127.0.0.1, and /metrics no longer on PORT", async () => {
    const t = bot();
    const ops = `http://127.0.0.1:${t.bot.opsPort}`;
    const metrics = await fetch(`${ops}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("pbb_");
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${ops}/readyz`)).json()).toMatchObject({ ok: true });
    expect((await fetch(`${ops}/slack/events`)).status).toBe(404);
    const pub = `http://127.0.0.1:${t.bot.port}`;
    expect((await fetch(`${pub}/metrics`)).status).toBe(404);
    expect((await fetch(`${pub}/healthz`)).status).toBe(200);
    expect((await fetch(`${pub}/readyz`)).status).toBe(200);
  });

  it("is not reachable from another address than loopback", async () => {
    const t = bot();
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external ?? "127.0.0.2", port: t.bot.opsPort ?? 0 });
      socket.once("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    });
    expect(outcome).toBe("ECONNREFUSED");
  });

  it("is optional, and a bad value is a clear problem at start", () => {
    const base = { DATABASE_URL: "pglite:memory" };
    const unset = loadEnv(base);
    expect(unset.ok && unset.config.opsPort).toBe(undefined);
    const set = loadEnv({ ...base, OPS_PORT: "9100" });
    expect(set.ok && set.config.opsPort).toBe(9100);
    const bad = loadEnv({ ...base, OPS_PORT: "metrics" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems).toEqual([
        { variable: "OPS_PORT", message: expect.stringContaining("whole number") },
      ]);
  });
});
