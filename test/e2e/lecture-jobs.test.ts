/**
 * The `lecture-notice` job as `pbb jobs run lecture-notice --at …` runs it (the registered job,
 * through runJobOccurrence), with the running bot delivering to the local Slack.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot, withoutPacing } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  mentionedUsers,
  orgText,
  posts,
  runJob,
  settled,
  waitCall,
} from "../services/lecture/helpers.ts";

const ROSTER = ["U0A", "U0B", "U0C"];

describe.each(STORES)("lecture-notice job on %s", (store) => {
  let t: TestBot | undefined;
  beforeAll(withoutPacing);
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function noticeAt(bot: TestBot, at: string, count: number) {
    const outcome = await runJob(bot.db, "lecture-notice", at);
    expect(outcome.status, at).toBe("ran");
    return waitCall(bot, "chat.postMessage", "C0LECTURE", { count });
  }

  it("four consecutive weeks with a roster of three post three different speakers, then the first again", async () => {
    const bot = await startTestBot({ store, orgText: orgText() });
    t = bot;
    const weeks = ["2026-12-07T16:00", "2026-12-14T16:00", "2026-12-21T16:00", "2026-12-28T16:00"];
    const speakers: string[] = [];
    for (const [i, at] of weeks.entries()) {
      const post = await noticeAt(bot, at, i + 1);
      const mentioned = mentionedUsers(post.args);
      expect(mentioned).toHaveLength(1);
      speakers.push(mentioned[0]!);
    }
    expect(new Set(speakers.slice(0, 3))).toEqual(new Set(ROSTER));
    expect(speakers[3]).toBe(speakers[0]);
    const texts = posts(bot, "C0LECTURE").map((p) => String(p.args.text));
    expect(texts[0]).toContain("Wednesday 9 December 2026, 16:00");
    expect(texts[3]).toContain("Wednesday 30 December 2026, 16:00");
    await settled(bot);
    const sessions = await bot.db.prisma.lectureSession.findMany({ orderBy: { date: "asc" } });
    expect(sessions.map((s) => [s.seq, s.date, s.noticeTs !== null])).toEqual([
      [1, "2026-12-09", true],
      [2, "2026-12-16", true],
      [3, "2026-12-23", true],
      [4, "2026-12-30", true],
    ]);
  });

  it("repeating the same occurrence, in any spelling, posts once", async () => {
    const bot = await startTestBot({ store, orgText: orgText() });
    t = bot;
    await noticeAt(bot, "2026-12-07T16:00", 1);
    for (const again of ["2026-12-07T16:00", "2026-12-07T08:00:00Z", "2026-12-08T09:30"]) {
      const outcome = await runJob(bot.db, "lecture-notice", again);
      expect(outcome.status, again).toBe("already-ran");
      expect(outcome.occurrence?.key).toBe("lecture:2026-12-09");
    }
    await bot.bot.ctx.deliveries.drainOnce();
    expect(posts(bot, "C0LECTURE")).toHaveLength(1);
    expect(await bot.db.prisma.lectureTurn.count()).toBe(1);
  });

  it("a National Day week posts nothing and nobody loses their turn", async () => {
    const bot = await startTestBot({ store, orgText: orgText() });
    t = bot;
    const first = await noticeAt(bot, "2026-09-28T16:00", 1);
    // Wednesday 2026-10-07 is a public holiday: its notice time has no session to announce.
    const holiday = await runJob(bot.db, "lecture-notice", "2026-10-05T16:00");
    expect(holiday.status).toBe("not-due");
    const second = await noticeAt(bot, "2026-10-12T16:00", 2);
    const third = await noticeAt(bot, "2026-10-19T16:00", 3);
    expect([first, second, third].map((p) => mentionedUsers(p.args)[0])).toEqual(ROSTER);
    expect(String(second.args.text)).toContain("Wednesday 14 October 2026");
    const dates = await bot.db.prisma.lectureSession.findMany({ select: { date: true } });
    expect(dates.map((d) => d.date).sort()).toEqual(["2026-09-30", "2026-10-14", "2026-10-21"]);
  });

  it("an org in Europe/Berlin fires at 16:00 local on both sides of the DST change", async () => {
    const bot = await startTestBot({
      store,
      orgText: orgText({ timezone: "Europe/Berlin" }),
      now: "2026-10-19T13:58:00Z",
    });
    t = bot;
    const noticeRuns = () =>
      bot.db.prisma.jobRun.findMany({ where: { job: "lecture-notice" }, orderBy: { id: "asc" } });
    await bot.tick("2026-10-19T13:59:00Z");
    expect(await noticeRuns()).toHaveLength(0);
    await bot.tick("2026-10-19T14:00:00Z"); // 16:00 CEST
    // After the change (Sunday 25 October), 16:00 CET is 15:00 UTC: 14:00 UTC fires nothing.
    await bot.tick("2026-10-26T14:00:00Z");
    expect((await noticeRuns()).map((r) => r.occurrence)).toEqual(["lecture:2026-10-21"]);
    await bot.tick("2026-10-26T15:00:00Z");
    const runs = await noticeRuns();
    expect(runs.map((r) => [r.occurrence, r.firedAt.toISOString()])).toEqual([
      ["lecture:2026-10-21", "2026-10-19T14:00:00.000Z"],
      ["lecture:2026-10-28", "2026-10-26T15:00:00.000Z"],
    ]);
    const second = await waitCall(bot, "chat.postMessage", "C0LECTURE", { count: 2 });
    expect(String(second.args.text)).toContain("Wednesday 28 October 2026, 16:00");
  });
});
