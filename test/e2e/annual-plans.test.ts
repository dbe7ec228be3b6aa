/**
 * The year's four plans end to end, as people do it in Slack (driver + emulator + the real bot):
 * annual reminder (once, however often run) → the secretary fills a plan over two pages (inline
 * errors, nothing stored) → the committee returns it with a comment (required) → revised from
 * the returned notice (the committee sees the changes) → approved by a member who is not the
 * submitter; four eyes refused on the server.
 */
import { describe, expect, it } from "vitest";
import { PLAN_ACTION, PLAN_BLOCK, planRowBlock } from "../../src/slack/ids/annual-plans.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { allText, buttonsOf, runJob, settle, waitAny, waitCall } from "./round-trip-helpers.ts";

const ORG = `organization: { name: Test Committee, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY, U0SEC1], admins: [U0CHAIR] }
branches:
  - { key: resettlement, name: Resettlement Branch, channel: C0RESETTLE, secretaries: [U0SEC1], members: [U0MEM1] }
  - { key: finance, name: Finance Branch, channel: C0FINANCE, secretaries: [U0SEC2], members: [U0MEM2] }
schedules:
  monthlyReminder: { day: 1, time: "09:00" }
  deadline: { day: 5, time: "18:00" }
  annualPlan: { month: 1, day: 5, time: "09:00", deadline: { month: 1, day: 31, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
`;

const f = (row: number, input: "title" | "target" | "owner" | "expected") => {
  const action = {
    title: PLAN_ACTION.title,
    target: PLAN_ACTION.target,
    owner: PLAN_ACTION.owner,
    expected: PLAN_ACTION.expected,
  }[input];
  return `${planRowBlock(row, input)}.${action}`;
};

describe.each(STORES)("the annual plans in Slack (%s)", (store) => {
  const bot = useTestBot({ store, orgText: ORG, now: "2027-01-04T01:00:00Z" });

  it("goes from the annual reminder to an approved plan", async () => {
    const t = bot();
    // ---- the annual reminder: once, however often it is run (keyed by the year)
    expect((await runJob(t, "annual-plan-reminder", "2027-01-05T09:00")).status).toBe("ran");
    expect((await runJob(t, "annual-plan-reminder", "2027-01-05T10:00")).status).not.toBe("ran");
    await settle(t);
    await waitCall(t, "chat.postMessage", "C0RESETTLE");
    const requests = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C0RESETTLE");
    expect(requests).toHaveLength(1);
    const request = t.slack.lastMessage("C0RESETTLE");
    expect(request?.text).toContain("Resettlement Branch: please submit the four plans for 2027");
    expect(allText(request?.blocks)).toContain("*Party building work arrangement*: not submitted");
    expect(buttonsOf(request?.blocks).map((b) => b.text)).toEqual([
      "Fill in",
      "Fill in",
      "Fill in",
      "Fill in",
    ]);
    const plan = await t.db.prisma.annualPlan.findFirstOrThrow({
      where: { branch: { key: "resettlement" }, kind: "ARRANGEMENT", year: 2027 },
    });
    const requestBlock = `${PLAN_BLOCK.requestActions}${plan.id}`;

    // ---- a member may not open it; the secretary fills two pages
    t.clock.set("2027-01-06T02:00:00Z");
    await t.slack.as("U0MEM1").clickButton({ channel: "C0RESETTLE", blockId: requestBlock });
    const refused = await waitAny(t, "response_url", (c) =>
      String(c.args.text).includes("secretaries"),
    );
    expect(String(refused.args.text)).toContain(
      "only the branch's secretaries can submit or change its plans",
    );
    const sec = t.slack.as("U0SEC1");
    await sec.clickButton({ channel: "C0RESETTLE", blockId: requestBlock });
    await t.emulator.calls.waitFor("views.open");
    expect(t.slack.openView("U0SEC1")?.title).toMatchObject({ text: "Annual plan" });
    sec.fill({
      [f(0, "title")]: "Annual branch meeting",
      [f(0, "target")]: "m3",
      [f(0, "owner")]: "U0MEM1",
    });
    await sec.clickButton({ view: "modal", label: "Items 11–20" });
    await t.emulator.calls.waitFor("views.update");
    expect(allText(t.slack.openView("U0SEC1")?.blocks)).toContain("Item 11");

    // ---- an invalid submission: errors on the fields at fault, nothing stored
    const invalid = await sec.submitModal({
      [f(10, "title")]: "Theme day at the memorial",
      [f(11, "title")]: "Lecture",
      [f(11, "target")]: "q2",
      [f(11, "owner")]: "U0MEM2",
    });
    expect(invalid.outcome).toBe("errors");
    expect(invalid.errors).toEqual({
      [planRowBlock(10, "target")]: "Choose a target month or quarter.",
      [planRowBlock(11, "owner")]: "The responsible person is not in the branch.",
    });
    expect(await t.db.prisma.annualPlanRevision.count()).toBe(0);
    const valid = await sec.submitModal({ [f(10, "target")]: "m7", [f(11, "owner")]: "U0MEM1" });
    expect(valid.outcome).toBe("closed");

    // ---- the committee sees the three items; the submitter (a member too) may not decide
    await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    const committee = t.slack.lastMessage("C0COMMITTEE");
    expect(committee?.text).toBe(
      "Resettlement Branch submitted its 2027 plan: Party building work arrangement (revision 1, 3 items).",
    );
    expect(allText(committee?.blocks)).toContain(
      "1. Annual branch meeting · month 3 · responsible <@U0MEM1>",
    );
    expect(allText(committee?.blocks)).toContain("3. Lecture · Q2");
    await sec.clickButton({ channel: "C0COMMITTEE", label: "Approve" });
    const own = await waitAny(t, "response_url", (c) =>
      String(c.args.text).includes("another committee member"),
    );
    expect(String(own.args.text)).toContain("you are a secretary of this branch");

    // ---- returned with a comment (required)
    const chair = t.slack.as("U0CHAIR");
    await chair.clickButton({ channel: "C0COMMITTEE", label: "Return" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const empty = await chair.submitModal({ [PLAN_BLOCK.returnComment]: "  " });
    expect(empty.outcome).toBe("errors");
    expect(
      await chair.submitModal({ [PLAN_BLOCK.returnComment]: "Add a date for the lecture" }),
    ).toMatchObject({
      outcome: "closed",
    });
    await waitCall(t, "chat.postMessage", "C0RESETTLE", { count: 2 });
    const returned = t.slack.lastMessage("C0RESETTLE");
    expect(returned?.text).toBe(
      "The committee returned the 2027 plan Party building work arrangement: Add a date for the lecture",
    );

    // ---- revised from the returned notice: the modal has the returned rows
    await sec.clickButton({ channel: "C0RESETTLE", label: "Revise" });
    await t.emulator.calls.waitFor("views.open", { count: 3 });
    expect(allText(t.slack.openView("U0SEC1")?.blocks)).toContain(
      "The returned revision, to revise.",
    );
    // The returned items fill the first page in their order.
    expect(JSON.stringify(t.slack.openView("U0SEC1")?.blocks)).toContain(
      '"initial_value":"Lecture"',
    );
    expect(await sec.submitModal({ [f(2, "target")]: "m5" })).toMatchObject({ outcome: "closed" });
    await waitCall(t, "chat.postMessage", "C0COMMITTEE", { count: 2 });
    const r2 = t.slack.lastMessage("C0COMMITTEE");
    expect(allText(r2?.blocks)).toContain("Changes since revision 1");
    expect(allText(r2?.blocks)).toContain("changed: Lecture (target)");

    // ---- approved by another member: the branch sees the plan in force
    await t.slack.as("U0DEPUTY").clickButton({ channel: "C0COMMITTEE", label: "Approve" });
    await waitCall(t, "chat.postMessage", "C0RESETTLE", { count: 3 });
    expect(t.slack.lastMessage("C0RESETTLE")?.text).toBe(
      "The 2027 plan Party building work arrangement is approved (3 items).",
    );
    await settle(t);
    const stored = await t.db.prisma.annualPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({ state: "APPROVED", approvedRevision: 2 });
    const updated = t.slack.messages("C0RESETTLE").find((m) => m.ts === request?.ts);
    expect(allText(updated?.blocks)).toContain("*Party building work arrangement*: approved");
    expect(allText(t.slack.messages("C0COMMITTEE").find((m) => m.ts === r2?.ts)?.blocks)).toContain(
      "Approved by <@U0DEPUTY>",
    );
  });
});
