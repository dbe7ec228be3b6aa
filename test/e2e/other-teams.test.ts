/**
 * Other workspaces (issue 26): a correctly signed request naming another team than the one the
 * bot is installed in is acknowledged and does nothing; the installation's own team is served.
 */
import { describe, expect, it } from "vitest";
import { useTestBot } from "../helpers/bot.ts";
import { untilIdle } from "../helpers/idle.ts";

describe("requests from another workspace", () => {
  const bot = useTestBot();

  it("answers the installation's team and ignores the same command from another team", async () => {
    const t = bot();
    const ours = await t.slack.as("U0SEC1").slashCommand("/pbb", "help", { channel: "C0RESETTLE" });
    expect(ours.status).toBe(200);
    const answer = await t.emulator.calls.waitFor("response_url", { timeoutMs: 20_000 });
    expect(String(answer.args.text)).toContain("可用命令");
    await untilIdle(t.bot);
    const before = t.emulator.calls.all().length;

    const own = t.emulator.calls.of("auth.test").at(-1);
    const team = String((own?.response as { team_id?: unknown } | undefined)?.team_id ?? "");
    expect(team).toMatch(/^T/);
    expect(team).not.toBe("T0OTHERTEAM");
    const foreign = await t.slack.deliver("slash_commands", {
      token: "localslack-verification-token",
      command: "/pbb",
      text: "help",
      team_id: "T0OTHERTEAM",
      team_domain: "elsewhere",
      channel_id: "C0RESETTLE",
      channel_name: "resettlement",
      user_id: "U0SEC1",
      user_name: "sec1",
      api_app_id: "A0OTHERAPP",
      // A live response_url on the local Slack: an answer sent there would be recorded.
      response_url: t.emulator.mintResponseUrl({ channel: "C0RESETTLE", user: "U0SEC1" }),
      trigger_id: t.emulator.mintTriggerId("U0SEC1"),
    });
    expect(foreign.status).toBe(200);
    expect(foreign.body ?? "").toBe("");
    await untilIdle(t.bot);
    const after = t.emulator.calls.all().slice(before);
    expect(after.map((c) => c.method)).toEqual([]);
  });
});
