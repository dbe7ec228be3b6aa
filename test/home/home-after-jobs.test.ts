/**
 * The scheduled jobs change what Homes show, so they re-publish the Homes concerned, as clicks
 * do: the month's list opens with the monthly reminder, the late lists turn overdue at the
 * deadline, and the lecture notice announces the speakers. A person who keeps the Home tab open
 * sees it change without reopening it.
 */
import { describe, expect, it } from "vitest";
import type { RunOutcome } from "../../src/jobs/run.ts";
import { allText, runJob, settle } from "../e2e/round-trip-helpers.ts";
import { useTestBot } from "../helpers/bot.ts";

const SLOW = { timeout: 20_000, interval: 50 };

describe("Homes after the scheduled jobs", () => {
  const bot = useTestBot({
    store: "pglite",
    now: "2026-12-01T00:30:00Z",
    beforeClose: async (t) => {
      await t.bot.ctx.homes.idle();
    },
  });
  const homeText = (user: string) => allText(bot().slack.homeView(user)?.blocks ?? []);
  const publishesFor = (user: string) =>
    bot()
      .emulator.calls.of("views.publish")
      .filter((c) => c.args.user_id === user).length;

  it("the monthly reminder and the deadline re-publish the branches' Homes", async () => {
    const t = bot();
    await t.slack.as("U0SEC1").openAppHome();
    await expect
      .poll(() => homeText("U0SEC1"), SLOW)
      .toContain("本月清单将随支部频道的月度提醒开启");

    expect((await runJob(t, "monthly-reminder", "2026-12-01T09:00")).status).toBe("ran");
    await settle(t);
    await expect.poll(() => homeText("U0SEC1"), SLOW).toContain("*2026年12月：* ⚪ 未报送");

    t.clock.set("2026-12-07T10:30:00Z"); // 18:30 in Beijing, past the deadline
    expect((await runJob(t, "submission-deadline", "2026-12-07T18:00")).status).toBe("ran");
    await expect.poll(() => homeText("U0SEC1"), SLOW).toContain("已逾期");
  });

  it("the lecture notice re-publishes the speakers' Homes", async () => {
    const t = bot();
    const ran = (await runJob(t, "lecture-notice", "2026-12-07T16:00")) as RunOutcome<{
      speakers?: string[];
    }>;
    expect(ran.status).toBe("ran");
    const speakers = ran.status === "ran" ? (ran.summary.speakers ?? []) : [];
    expect(speakers.length).toBeGreaterThan(0);
    for (const speaker of speakers) {
      await expect.poll(() => publishesFor(speaker), SLOW).toBeGreaterThan(0);
    }
  });
});
