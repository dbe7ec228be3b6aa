import { describe, expect, it } from "vitest";
import { responsibilityCheck } from "../../../src/services/responsibilities/check.ts";
import { dutyCheckPresenter } from "../../../src/slack/views/responsibilities/check.ts";
import { STORES, useTestDatabase } from "../../helpers/database.ts";

const ORG = `organization: { name: T, timezone: Asia/Shanghai, locale: zh-CN }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY, U0COMM3], admins: [U0CHAIR] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
responsibilities:
  year: 2027
  committee:
    - { duty: 研究部署全面从严治党工作, target: q1 }
    - { duty: 开展全覆盖监督检查, target: q4 }
  members:
    U0DEPUTY:
      - { duty: 督促分管处室落实党风廉政建设责任, target: m2 }
      - { duty: 参加所在党支部组织生活会, target: m12 }
`;

describe.each(STORES)("the responsibility lists' quarter check (%s)", (kind) => {
  const testDb = useTestDatabase(kind, { orgText: ORG });
  it("DMs each committee member their items of the quarter once, overdue ones asked for a reason", async () => {
    const db = testDb();
    const done = await db.prisma.responsibilityItem.findFirstOrThrow({
      where: { duty: "研究部署全面从严治党工作" },
    });
    await db.prisma.responsibilityItem.update({
      where: { id: done.id },
      data: { status: "DONE", doneAt: new Date("2027-02-01T02:00:00Z"), doneBy: "U0CHAIR" },
    });
    const at = new Date("2027-04-01T01:00:00Z");
    const deps = { db, now: () => at, presenter: dutyCheckPresenter };
    const first = await responsibilityCheck(deps, { year: 2027, quarter: 1, at });
    expect(first.sent).toEqual(["U0CHAIR", "U0DEPUTY", "U0COMM3"]);
    const dms = await db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(dms.map((d) => [d.method, d.dedupeKey])).toEqual([
      ["dm", "duty-check:2027-Q1:U0CHAIR"],
      ["dm", "duty-check:2027-Q1:U0DEPUTY"],
      ["dm", "duty-check:2027-Q1:U0COMM3"],
    ]);
    const deputy = dms[1]?.payload as { user: string; text: string; blocks: unknown[] };
    expect(deputy.user).toBe("U0DEPUTY");
    expect(deputy.text).toBe(
      "您2027年第1季度到期的事项：已完成1项，进行中0项，已逾期1项。逾期事项请说明原因并确定新的完成时间。",
    );
    const shown = JSON.stringify(deputy.blocks);
    expect(shown).toContain("🔴 督促分管处室落实党风廉政建设责任 · ");
    expect(shown).toContain("✅ 机关党委 · 研究部署全面从严治党工作");
    expect(shown).toContain('"action_id":"duty_open"');
    expect(shown).not.toContain("参加所在党支部组织生活会");
    const chair = dms[0]?.payload as { text: string };
    expect(chair.text).toContain("已完成1项，进行中0项，已逾期0项");

    // the same occurrence again (catch-up, a manual run) sends nothing more
    expect((await responsibilityCheck(deps, { year: 2027, quarter: 1, at })).sent).toEqual([]);
    expect(await db.prisma.delivery.count()).toBe(3);
    // a quarter without items sends nothing
    expect(
      (
        await responsibilityCheck(deps, {
          year: 2027,
          quarter: 2,
          at: new Date("2027-07-01T01:00:00Z"),
        })
      ).sent,
    ).toEqual([]);
  });
});
