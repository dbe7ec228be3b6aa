/**
 * The demo's inspections (issue 21): last month's mutual inspection is in progress with two
 * checklists sent and rectification items in every state (open, reported done, reopened,
 * verified, overdue); the clock panel offers the next round, its close and the reminders, and
 * the reminders' jump reminds the owner of the item due in 3 working days (the overdue item
 * was on this week's list already: the first morning invents no overdue notice).
 */
import { afterEach, describe, expect, it } from "vitest";
import { clockPanel, post, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

describe("the sandbox demo's inspections", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("has a round in progress with items in each state; the reminders' jump reminds the owner, no overdue notice invented", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    const rounds = await db.prisma.inspectionRound.findMany({
      include: { assignments: { include: { rectifications: true } } },
    });
    expect(rounds).toHaveLength(1);
    const round = rounds[0];
    if (!round) throw new Error("no round");
    expect(round.key).toMatch(/^mutual:\d{4}-\d{2}$/);
    expect(round.closedAt).toBeNull();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
      sandbox.clock.now(),
    );
    expect(round.opensOn < today && round.closesOn >= today).toBe(true);
    expect(round.assignments).toHaveLength(4);
    expect(round.assignments.filter((a) => a.state === "SUBMITTED")).toHaveLength(2);
    const items = round.assignments.flatMap((a) => a.rectifications);
    const shape = items
      .map((i) =>
        i.state === "OPEN"
          ? i.reopenCount > 0
            ? "reopened"
            : i.dueOn < today
              ? "overdue"
              : "open"
          : i.state,
      )
      .sort();
    expect(shape).toEqual(["REPORTED", "VERIFIED", "open", "overdue", "reopened"]);
    // nothing posted by the seed: only this week's overdue list counted as sent (demo history)
    const seeded = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "inspections:" } },
    });
    expect(
      seeded.map((d) => [d.dedupeKey.replace(/\d{4}-\d{2}-\d{2}$/, "<week>"), d.status]),
    ).toEqual([["inspections:overdue:<week>", "SENT"]]);

    const panel = await clockPanel(sandbox.url);
    for (const job of ["inspection-round", "inspection-close", "rectification-reminders"])
      expect(panel).toContain(`data-clock="job:${job}"`);
    expect(panel).toContain("整改提醒");
    expect(panel).toContain("检查开始");

    const jumped = await post(sandbox.url, "clock", { command: "job:rectification-reminders" });
    expect(jumped.ok).toBe(true);
    const open = items.find((i) => i.state === "OPEN" && i.reopenCount === 0 && i.dueOn >= today);
    const owner = open?.ownerId as string;
    const dm = sandbox.emulator.workspace.dmWith(owner).id;
    await expect
      .poll(
        () =>
          JSON.stringify(sandbox.emulator.workspace.messages.get(dm) ?? []).includes(
            "还有3个工作日",
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    // the overdue item was on this week's list already: no overdue notice the first morning
    expect(
      JSON.stringify(sandbox.emulator.workspace.messages.get("G0COMMITTEE") ?? []),
    ).not.toContain("逾期整改事项");
  }, 240_000);
});
