import { describe, expect, it } from "vitest";
import { useTestBot } from "../helpers/bot.ts";

describe("the running bot (HTTP mode, local Slack)", () => {
  const bot = useTestBot();

  it("answers /healthz and /readyz with 200 once started", async () => {
    const t = bot();
    const base = `http://127.0.0.1:${t.bot.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { startup: true, database: true } });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      checks: { startup: true, database: true, slack: true },
    });
  });

  it("when /readyz is asked many times, Slack is asked at most once per 30 s, and not on the shared client", async () => {
    const t = bot();
    const base = `http://127.0.0.1:${t.bot.port}`;
    const before = t.emulator.calls.of("auth.test").length;
    // Slack now rate-limits auth.test: a shared client would pause its whole queue for 30 s.
    t.emulator.setFaults({ rules: [{ method: "auth.test", status: 429, retryAfter: 30 }] });
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${base}/readyz`).then((r) => r.status)),
      );
      // The answer of the first test is still fresh: no request reached Slack.
      expect(answers).toEqual(Array(20).fill(200));
      expect(t.emulator.calls.of("auth.test").length).toBe(before);
      // The shared client's queue is not paused: a Web API call through it goes straight on.
      const shared = await t.bot.ctx.client.conversations.info({ channel: "C0RESETTLE" });
      expect(shared.ok).toBe(true);
    } finally {
      t.emulator.clearFaults();
    }
  });

  it("rejects unsigned, wrongly signed and stale requests with 401", async () => {
    const t = bot();
    const payload = { type: "event_callback", event: { type: "app_home_opened", user: "U0SEC1" } };
    for (const signing of ["none", "wrong", "stale"] as const) {
      const result = await t.slack.deliver("events_api", payload, { signing });
      expect(result.status, signing).toBe(401);
    }
  });

  it("when Slack re-sends an event with the same event_id, it is acknowledged and processed once", async () => {
    const t = bot();
    const envelope = {
      type: "event_callback",
      team_id: "T0LOCAL",
      api_app_id: "A0LOCAL",
      event_id: "Ev0DEDUPE1",
      event_time: 1_764_547_200,
      event: {
        type: "app_home_opened",
        user: "U0SEC1",
        channel: "D0SEC1",
        tab: "home",
        event_ts: "1.0",
      },
    };
    const first = await t.slack.deliver("events_api", envelope);
    const retry = await t.slack.deliver("events_api", envelope);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const rows = await t.db.prisma.processedEvent.findMany({ where: { eventId: "Ev0DEDUPE1" } });
    expect(rows).toHaveLength(1);
  });

  it("answers /pbb help ephemerally in the org's language", async () => {
    const t = bot();
    await t.slack.as("U0SEC1").slashCommand("/pbb", "help", { channel: "C0RESETTLE" });
    const posted = await t.emulator.calls.waitFor("response_url");
    const text = String(posted.args.text);
    expect(text).toContain("/pbb");
    expect(text).toContain("可用命令");
    expect(posted.args.response_type).toBe("ephemeral");
  });

  it("answers /pbb status with this month's states per branch", async () => {
    const t = bot();
    t.emulator.calls.clear();
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "status", { channel: "C0COMMITTEE" });
    const posted = await t.emulator.calls.waitFor("response_url");
    const text = String(posted.args.text);
    expect(text).toContain("2026年12月");
    expect(text).toContain(`共${t.org.branches.length}个支部`);
    expect(text).toContain(`未报送：${t.org.branches.length}`);
    expect(text).toContain(t.org.branches[0]!.name);
  });

  it("answers an unknown /pbb subcommand with help instead of silence", async () => {
    const t = bot();
    t.emulator.calls.clear();
    await t.slack.as("U0SEC1").slashCommand("/pbb", "frobnicate", { channel: "C0RESETTLE" });
    const posted = await t.emulator.calls.waitFor("response_url");
    expect(String(posted.args.text)).toContain("没有 `/pbb frobnicate` 这个命令");
  });
});
