/**
 * A clock jump runs every fire on the way in order and delivers what each one sent before the
 * clock moves on, so every message is stamped with the time of the fire that sent it and a
 * lecture's notice comes before the lecture. It ends with a summary in the org's language.
 */
import { afterEach, describe, expect, it } from "vitest";
import { features, jobsOf } from "../../src/app/features.ts";
import { translator } from "../../src/i18n/index.ts";
import { loadJobOrg } from "../../src/jobs/org.ts";
import { createBusinessClock } from "../../src/sandbox/clock.ts";
import { firesBetween, JumpSummary } from "../../src/sandbox/time-control.ts";
import { startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

const DAY = 86_400_000;

describe("the business clock", () => {
  it("when held, stands still, and runs on from there once released", () => {
    let wall = 1_000;
    const clock = createBusinessClock(0, () => wall);
    clock.hold(new Date(50_000));
    wall += 5_000;
    expect(clock.nowMs()).toBe(50_000);
    clock.hold(new Date(10)); // never backwards
    expect(clock.nowMs()).toBe(50_000);
    clock.release();
    expect(clock.nowMs()).toBe(50_000);
    wall += 1_000;
    expect(clock.nowMs()).toBe(51_000);
  });
});

describe("a jump's summary", () => {
  it("counts what the fires posted by kind, in words of both languages", () => {
    const s = new JumpSummary();
    s.add("monthly-reminder", { channel: 0, dm: 0 }, { channel: 3, dm: 0 });
    s.add("lecture-notice", { channel: 3, dm: 0 }, { channel: 4, dm: 1 });
    s.add("submission-followup", { channel: 4, dm: 1 }, { channel: 6, dm: 2 });
    expect(s.words(translator("en"))).toBe(
      "3 reminders posted, 1 lecture notice, 2 follow-ups, 2 direct messages",
    );
    expect(s.words(translator("zh-CN"))).toBe("发出3条月度提醒，1条大讲堂通知，2条催报，2条私信");
    expect(new JumpSummary().words(translator("en"))).toBe("nothing was due");
  });
});

describe("a two-week jump in the sandbox (real bot, demo org)", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("stamps every message with its fire's time and posts each notice before its lecture", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    const from = sandbox.clock.now();
    const answer = await fetch(`${sandbox.url}sandbox/api/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ command: `advance:${14 * DAY}` }),
    });
    const { lines } = (await answer.json()) as { lines: string[] };
    const to = sandbox.clock.now();
    expect(to.getTime() - from.getTime()).toBeGreaterThanOrEqual(14 * DAY);
    expect(lines.join("\n")).toMatch(/讲堂通知/);
    expect(lines.join("\n")).not.toMatch(/lecture-|monthly-|×/);

    const org = await loadJobOrg(db);
    if (!org) throw new Error("the demo org is not applied");
    const fireSeconds = new Set(
      firesBetween(org, jobsOf(features), from, to, []).map((f) =>
        Math.floor(f.occurrence.fireAt.getTime() / 1000),
      ),
    );
    const ws = sandbox.emulator.workspace;
    const botMessages = [...ws.messages.values()]
      .flat()
      .filter((m) => m.user === ws.bot.userId && !m.deleted);
    expect(botMessages.length).toBeGreaterThan(2);
    for (const m of botMessages) {
      expect(fireSeconds, `${m.channel} ${m.text.slice(0, 60)}`).toContain(
        Math.floor(Number(m.ts)),
      );
    }

    const sessions = await db.prisma.lectureSession.findMany({
      where: { series: "lecture", noticeTs: { not: null } },
    });
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    for (const s of sessions) {
      expect(Number(s.noticeTs) * 1000, s.date).toBeLessThan(s.startsAt.getTime());
    }
    // A speaker's DMs of a lecture that has started say it is over and offer no buttons.
    const started = sessions.filter((s) => s.startsAt <= to);
    expect(started.length).toBeGreaterThanOrEqual(1);
    const dms = botMessages.filter((m) => ws.channels.get(m.channel)?.kind === "im");
    const over = dms.filter((m) => m.text.includes("讲堂已经结束"));
    expect(over.length).toBeGreaterThanOrEqual(started.length);
    for (const m of over) expect(JSON.stringify(m.blocks ?? [])).not.toContain('"button"');
  }, 120_000);
});
