/**
 * `/readyz`'s Slack probe: one auth.test per 30 s whatever the request rate (concurrent
 * requests share one call), a failed answer kept as long as a good one, and a 429 answered as
 * a problem at once instead of waiting out Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackProbe, PROBE_TTL_MS, probeClient } from "../../src/app/slack-probe.ts";
import { createSlackEmulator, type SlackEmulator } from "../../src/localslack/index.ts";

describe("the Slack probe of /readyz", () => {
  let emulator: SlackEmulator;
  beforeAll(async () => {
    emulator = createSlackEmulator();
    await emulator.start();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const fresh = () => {
    let clock = 1_000_000;
    const client = probeClient(emulator.workspace.bot.token, emulator.url);
    const probe = createSlackProbe(client, { now: () => clock });
    return { probe, advance: (ms: number) => (clock += ms) };
  };

  it("asks Slack once for many concurrent and repeated requests within 30 s", async () => {
    const { probe, advance } = fresh();
    const before = emulator.calls.of("auth.test").length;
    const answers = await Promise.all(Array.from({ length: 50 }, () => probe.problem()));
    expect(answers).toEqual(Array(50).fill(undefined));
    advance(PROBE_TTL_MS - 1);
    expect(await probe.problem()).toBeUndefined();
    expect(probe.calls).toBe(1);
    expect(emulator.calls.of("auth.test").length).toBe(before + 1);
    advance(1);
    expect(await probe.problem()).toBeUndefined();
    expect(probe.calls).toBe(2);
  });

  it("when Slack rate-limits, the problem is answered at once and kept for 30 s", async () => {
    const { probe, advance } = fresh();
    emulator.setFaults({ rules: [{ method: "auth.test", status: 429, retryAfter: 60 }] });
    try {
      const problem = await probe.problem();
      expect(problem).toMatch(/did not answer auth\.test/);
      for (let i = 0; i < 10; i += 1) expect(await probe.problem()).toBe(problem);
      expect(probe.calls).toBe(1);
    } finally {
      emulator.clearFaults();
    }
    advance(PROBE_TTL_MS);
    expect(await probe.problem()).toBeUndefined();
    expect(probe.calls).toBe(2);
  });
});
