/**
 * The demo starts on the morning of the 1st of a month with the months before already done, so
 * nothing overdue is invented; "reset demo" starts it again, in the language asked for.
 */
import { afterEach, describe, expect, it } from "vitest";
import { localDateOf, localTimeOf } from "../../src/domain/lecture-time.ts";
import { addMonths, periodOf } from "../../src/domain/period.ts";
import { post, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

const TZ = "Asia/Shanghai";

const screen = async (base: string, query: string) =>
  (await (await fetch(`${base}sandbox/api/screen?${query}`)).json()) as {
    lang: string;
    clock: string;
    tour: string;
    regions: Record<string, string>;
  };

describe("the sandbox demo", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("starts on the 1st at 08:30 with last month's lists approved and two lectures held; the first reminder invents nothing overdue; reset starts it again in English", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    const start = sandbox.clock.now();
    expect(localDateOf(start, TZ).slice(8)).toBe("01");
    expect(localTimeOf(start, TZ)).toMatch(/^08:3\d$/);
    const last = addMonths(periodOf(start, TZ), -1);
    const lists = await db.prisma.taskList.findMany({ where: { period: last } });
    expect(lists.map((l) => l.state)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    const held = await db.prisma.lectureSession.findMany({
      where: { series: "lecture", startsAt: { lt: start } },
      include: { turns: true },
    });
    expect(held).toHaveLength(2);
    for (const s of held) expect(s.turns.length).toBeGreaterThan(0);
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { id: 1 } });
    expect(localDateOf(org.firstAppliedAt, TZ)).toBe(localDateOf(start, TZ));
    expect(localTimeOf(org.firstAppliedAt, TZ)).toBe("08:30");

    const first = await screen(sandbox.url, "as=U0SEC1&c=C0RESETTLE");
    expect(first.lang).toBe("zh-CN");
    expect(first.regions.switcher).toContain('<optgroup label="机关党委">');
    expect(first.clock).toContain("下一次月度提醒");
    expect(first.regions.messages).not.toContain("逾期");
    expect(first.tour).toContain('data-tour-step="reminder"');
    expect(first.tour).toContain("下一次月度提醒");

    const fired = await post(sandbox.url, "clock", { command: "job:monthly-reminder" });
    expect(fired.lines?.join("\n")).toMatch(/发出4条月度提醒/);
    const next = await screen(sandbox.url, "as=U0CHAIR");
    expect(next.tour).toContain('data-tour-step="list"');
    expect(next.tour).toContain('data-tour-as="U0SEC1"');
    expect(next.tour).toContain("王志强");
    const ws = sandbox.emulator.workspace;
    const texts = [...ws.messages.values()]
      .flat()
      .map((m) => `${m.text} ${JSON.stringify(m.blocks ?? [])}`);
    expect(texts.join("\n")).not.toMatch(/逾期|overdue/);

    expect((await post(sandbox.url, "reset", { locale: "en" })).ok).toBe(true);
    const again = await screen(sandbox.url, "as=U0CHAIR");
    expect(again.lang).toBe("en");
    expect(again.clock).toContain("Next monthly reminder");
    expect(again.regions.switcher).toContain("Zhang Jianguo");
    expect(again.regions.switcher).toContain('<optgroup label="Committee">');
    expect(again.tour).toContain("Next monthly reminder");
    expect([...ws.messages.values()].flat()).toHaveLength(0);
    const restart = sandbox.clock.now();
    expect(localDateOf(restart, TZ).slice(8)).toBe("01");
    expect(restart.getTime()).toBeGreaterThan(start.getTime());
    const before = addMonths(periodOf(restart, TZ), -1);
    const relisted = await db.prisma.taskList.findMany({ where: { period: before } });
    expect(relisted.map((l) => l.state)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    expect(await db.prisma.taskList.count({ where: { reminderTs: { not: null } } })).toBe(0);
  }, 180_000);
});
