/**
 * The demo's four plans (issue 19): each branch's plans of the demo's year in different states
 * (approved with its items, waiting, returned with a comment, not submitted), the annual
 * reminder on the clock panel (its jump asks each branch for what is missing), and the Homes:
 * a secretary's plans and the committee's year grid. The org configures the quarter tracking's
 * time too, so that job has its fires in the demo.
 */
import { afterEach, describe, expect, it } from "vitest";
import { planSettingsOf } from "../../src/services/annual-plans/org.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { allText } from "../e2e/round-trip-helpers.ts";
import { clockPanel, post, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

describe("the sandbox demo's four plans", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("seeds the plans in four states; the annual reminder jump asks the branches; the Homes show them", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    const org = await db.prisma.organization.findFirstOrThrow();
    expect(planSettingsOf(org.settings, org.timezone)?.schedule).toMatchObject({
      month: 1,
      day: 5,
      trackingTime: "09:30",
    });
    const plans = await db.prisma.annualPlan.findMany({
      include: { branch: true, revisions: { include: { items: { include: { events: true } } } } },
      orderBy: [{ branchId: "asc" }, { kind: "asc" }],
    });
    const branches = new Set(plans.map((p) => p.branchId)).size;
    expect(branches).toBeGreaterThanOrEqual(4);
    expect(plans).toHaveLength(branches * 4);
    const first = plans.filter((p) => p.branchId === plans[0]?.branchId);
    expect(first.map((p) => [p.kind, p.state])).toEqual([
      ["ARRANGEMENT", "APPROVED"],
      ["CONDUCT", "SUBMITTED"],
      ["THEORY", "RETURNED"],
      ["THEME_DAY", "DRAFT"],
    ]);
    const approved = first[0]?.revisions[0];
    expect(approved?.items).toHaveLength(6);
    const done = approved?.items.filter((i) => i.status === "DONE") ?? [];
    expect(done).toHaveLength(1);
    expect(done[0]?.events.map((e) => e.kind)).toEqual(["done"]);
    expect(first[2]?.revisions[0]?.comment).toBe("请把每项的责任人和完成时间写具体。");
    expect(first[3]?.revisions).toHaveLength(0);

    const panel = await clockPanel(sandbox.url);
    expect(panel).toContain("下一次：年度计划报送提醒");
    expect(panel).toContain('data-clock="job:annual-plan-reminder"');
    // The quarter tracking has its fires in the demo (the org file sets its time).
    expect(panel).toContain('data-clock="job:quarter-tracking"');
    expect(panel).toContain("下一次：计划季度跟踪");
    const jumped = await post(sandbox.url, "clock", { command: "job:annual-plan-reminder" });
    expect(jumped.lines?.join("\n")).toContain(`${branches}条年度计划报送提醒`);
    const channels = [...sandbox.emulator.workspace.messages.values()].flat();
    const requests = channels.filter((m) => JSON.stringify(m.blocks ?? []).includes("“四个计划”"));
    expect(requests.length).toBeGreaterThanOrEqual(branches);
    // Asked once: the reminder's plans are the seeded ones, none added.
    expect(await db.prisma.annualPlan.count()).toBe(branches * 4);

    const now = () => sandbox.clock.now();
    const secretary = allText((await renderHome({ db, now }, { userId: "U0SEC1" })).blocks);
    expect(secretary).toContain("“四个计划”");
    expect(secretary).toMatch(/🟢 党建工作安排：已通过 · 已完成1\/6项/);
    expect(secretary).toContain("🟡 党风廉政建设：待机关党委审核");
    expect(secretary).toContain("🟠 政治理论学习：已退回，请修改后重新报送");
    expect(secretary).toContain("⚪ 主题党日活动：未报送");
    const committee = allText((await renderHome({ db, now }, { userId: "U0CHAIR" })).blocks);
    expect(committee).toContain("*各支部：*");
    expect(committee).toContain(`${branches}/${branches * 4}个计划`);
  }, 240_000);
});
