/**
 * The responsibility lists in Slack on both stores: the real bot, the local Slack, an English
 * org with the committee's list and a member's. A committee member marks their items from
 * `/pbb duties` (an overdue item moved without a reason is refused on its field, nothing
 * stored); a member who is not a system admin may not open the editor; the system admin edits a
 * member's list (bad rows on their fields) and sees everyone's progress on the Home.
 */
import { describe, expect, it } from "vitest";
import { allText } from "../e2e/round-trip-helpers.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";

const ORG = `organization: { name: T, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY, U0COMM3], admins: [U0CHAIR] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC1], members: [U0A] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
calendar: { useStatutoryHolidays: false }
responsibilities:
  year: 2027
  committee:
    - { duty: Plan the year's work on governing the party strictly, target: q1, result: One meeting }
    - { duty: Warning education on clean government, target: m3 }
  members:
    U0DEPUTY:
      - { duty: Check the offices in charge, target: m2, result: Two checks }
      - { duty: Attend the branch's organisational life meeting, target: m12 }
`;

const SLOW = { timeout: 20_000, interval: 50 };

describe.each(STORES)("the responsibility lists in Slack (%s)", (store) => {
  const bot = useTestBot({ store, orgText: ORG, now: "2027-04-02T02:00:00Z" });
  const idOf = async (duty: string) =>
    (await bot().db.prisma.responsibilityItem.findFirstOrThrow({ where: { duty } })).id;

  it("a committee member marks their items; an overdue one moved without a reason is refused on its field", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").slashCommand("/pbb", "duties", { channel: "C0COMMITTEE" });
    await t.emulator.calls.waitFor("views.open");
    const shown = JSON.stringify(t.emulator.workspace.topView("U0DEPUTY")?.blocks);
    expect(shown).toContain("[the committee] Plan the year's work");
    expect(shown).toContain("overdue · Q1 · expected: One meeting");
    expect(shown).toContain("Why it is late");
    const plan = await idOf("Plan the year's work on governing the party strictly");
    const check = await idOf("Check the offices in charge");
    const bad = await t.slack.as("U0DEPUTY").submitModal({
      [`duty_${plan}_status`]: "done",
      [`duty_${check}_move`]: "m6",
    });
    expect(bad.outcome).toBe("errors");
    expect(JSON.stringify(bad)).toContain("Say why it is late before moving it.");
    expect(await t.db.prisma.responsibilityItem.count({ where: { status: "DONE" } })).toBe(0);
    const ok = await t.slack.as("U0DEPUTY").submitModal({
      [`duty_${plan}_status`]: "done",
      [`duty_${check}_note`]: "The office moved in March",
      [`duty_${check}_move`]: "m6",
    });
    expect(ok.outcome).toBe("closed");
    const rows = await t.db.prisma.responsibilityItem.findMany({
      where: { id: { in: [plan, check] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.status, r.doneBy, r.target, r.movedFrom, r.progress])).toEqual([
      ["DONE", "U0DEPUTY", "q1", null, null],
      ["OPEN", null, "m6", "m2", "The office moved in March"],
    ]);
  });

  it("only a system admin edits a list; bad rows are refused on their field; the chair sees everyone's on the Home", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").slashCommand("/pbb", "duties edit <@U0COMM3>", {
      channel: "C0COMMITTEE",
    });
    const refusal = await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("only a system admin"),
    });
    expect(String(refusal.args.text)).toContain("You can't do that");
    const before = t.emulator.calls.of("views.open").length;
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "duties edit <@U0COMM3|comm3>", {
      channel: "C0COMMITTEE",
    });
    await t.emulator.calls.waitFor("views.open", { count: before + 1 });
    const bad = await t.slack.as("U0CHAIR").submitModal({
      duty_row_0_duty: "Talk with every office head",
      duty_row_1_target: "q3",
    });
    expect(bad.outcome).toBe("errors");
    const errors = JSON.stringify(bad);
    expect(errors).toContain("duty_row_0_target");
    expect(errors).toContain("duty_row_1_duty");
    expect(await t.db.prisma.responsibilityList.count({ where: { owner: "U0COMM3" } })).toBe(0);
    const ok = await t.slack.as("U0CHAIR").submitModal({
      duty_row_0_target: "q3",
      duty_row_1_duty: "Give a party lecture",
      duty_row_1_result: "One lecture",
    });
    expect(ok.outcome).toBe("closed");
    const list = await t.db.prisma.responsibilityList.findFirstOrThrow({
      where: { owner: "U0COMM3" },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(list.items.map((i) => [i.duty, i.target, i.result])).toEqual([
      ["Talk with every office head", "q3", null],
      ["Give a party lecture", "q3", "One lecture"],
    ]);

    await t.slack.as("U0CHAIR").openAppHome();
    const home = () => allText(t.slack.homeView("U0CHAIR")?.blocks ?? []);
    await expect.poll(home, SLOW).toContain("<@U0COMM3>: 0 done · 2 in progress · 0 overdue");
    expect(home()).toContain("Responsibility lists 2027");
    expect(home()).toContain("the committee: 1 done · 0 in progress · 1 overdue");
    expect(home()).toContain("<@U0DEPUTY>: 0 done · 2 in progress · 0 overdue");
    expect(home()).toContain("⚠️ the committee: Warning education on clean government (month 3)");
    // U0DEPUTY's Home: their counts and the button, nobody else's rows
    await t.slack.as("U0DEPUTY").openAppHome();
    const deputy = () => allText(t.slack.homeView("U0DEPUTY")?.blocks ?? []);
    await expect
      .poll(deputy, SLOW)
      .toContain("Your items and the committee's: 1 done, 2 in progress, 1 overdue.");
    expect(deputy()).not.toContain("<@U0COMM3>");
  });
});
