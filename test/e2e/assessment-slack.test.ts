/**
 * The annual assessment in Slack on each store (issue 22): the real bot, the local Slack, the
 * example org with the assessment section over a seeded year. The draft's summary offers the
 * committee the scoring modal (own branch refused and an out-of-range score refused inline,
 * nothing stored), a secretary contests a point from their DM card, the committee answers from
 * its channel's message with a correction (the card changes, the reason shown to the
 * secretary), the deputy may not finalize, the chair finalizes through the confirmation modal,
 * and a later change to the records (or a late score) does not move the frozen cards.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { loadYearView } from "../../src/services/assessment/cards.ts";
import { ASSESSMENT_ACTION } from "../../src/slack/ids/assessment.ts";
import { seedAssessmentYear, withAssessment } from "../helpers/assessment-year.ts";
import { EXAMPLE_ORG, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";
import { allText } from "./round-trip-helpers.ts";

const ORG = withAssessment(readFileSync(EXAMPLE_ORG, "utf8"));
const json = (c: RecordedCall) => JSON.stringify(c.args);
const SCORE = "assessment_score_block.assessment_score_value";
const BRANCH = "assessment_branch_block.assessment_branch";
const INDICATOR = "assessment_indicator_block.assessment_indicator";
const SLOW = { timeout: 20_000, interval: 50 };

describe.each(STORES)("the annual assessment in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    orgText: ORG,
    now: "2026-12-20T02:00:00Z",
    setUp: async (t) => {
      await t.db.prisma.branch.updateMany({
        data: { createdAt: new Date("2025-01-01T00:00:00Z") },
      });
      const branches = await t.db.prisma.branch.findMany({ orderBy: { id: "asc" } });
      await seedAssessmentYear(t.db, {
        year: 2026,
        branchIds: branches.map((b) => b.id),
        speakers: ["U0SEC1", "U0SEC2", "U0SEC3", "U0DEPUTY"],
      });
    },
    setUpTimeout: 60_000,
  });
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const refusal = (count: number) =>
    bot().emulator.calls.waitFor("response_url", {
      count,
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).startsWith("无法执行此操作"),
    });
  const year = async () => (await loadYearView(bot().db, 2026))!;
  const card = async (key: string) => (await year()).cards.find((c) => c.branchKey === key)!;
  const views = () => bot().emulator.calls.of("views.open").length;
  const homeText = (user: string) => allText(bot().slack.homeView(user)?.blocks ?? []);

  it("the draft posts the ranking with Score and Finalize, each card with Remark and Contest", async () => {
    const t = bot();
    expect((await runJob(t.db, "assessment-draft", "2026-12-20T10:00")).status).toBe("ran");
    const summary = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    expect(json(summary)).toContain(ASSESSMENT_ACTION.openScore);
    expect(json(summary)).toContain(ASSESSMENT_ACTION.openFinalize);
    const mine = await waitCall(t, "chat.postMessage", dm("U0SEC2"));
    expect(json(mine)).toContain("2026:services");
    expect(json(mine)).toContain(ASSESSMENT_ACTION.openContest);
    // The card's hint names the command that now exists.
    expect(json(mine)).toContain("/pbb assessment remark");
  });

  it("a committee member scores in the modal: own branch and out of range refused inline", async () => {
    const t = bot();
    await t.slack.as("U0A").slashCommand("/pbb", "assessment score", { channel: "C0COMMITTEE" });
    expect(String((await refusal(1)).args.text)).toContain("仅机关党委委员可以操作");
    expect(views()).toBe(0);

    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", label: "为人工评分指标评分" });
    await t.emulator.calls.waitFor("views.open");
    const own = await t.slack
      .as("U0DEPUTY")
      .submitModal({ [BRANCH]: "office", [INDICATOR]: "review-meeting", [SCORE]: "20" });
    expect(own.outcome).toBe("errors");
    expect(JSON.stringify(own)).toContain("不得为本支部评分或答复");
    const tooMuch = await t.slack
      .as("U0DEPUTY")
      .submitModal({ [BRANCH]: "services", [SCORE]: "26" });
    expect(tooMuch.outcome).toBe("errors");
    expect(Object.keys((tooMuch as { errors: object }).errors)).toEqual(["assessment_score_block"]);
    const word = await t.slack.as("U0DEPUTY").submitModal({ [SCORE]: "abc" });
    expect(word.outcome).toBe("errors");
    expect(await t.db.prisma.assessmentScore.count()).toBe(0);
    const ok = await t.slack.as("U0DEPUTY").submitModal({ [SCORE]: "22.5" });
    expect(ok.outcome).toBe("closed");
    const scores = await t.db.prisma.assessmentScore.findMany();
    expect(scores.map((s) => [s.indicator, s.score, s.scoredBy])).toEqual([
      ["review-meeting", 22.5, "U0DEPUTY"],
    ]);
    const services = await card("services");
    expect(services.indicators.find((i) => i.key === "review-meeting")?.points).toBe(22.5);
  });

  it("a secretary contests a point from their card; the Homes show it; the committee corrects it from the Home", async () => {
    const t = bot();
    const before = (await card("services")).indicators.find(
      (i) => i.key === "lists-approved-first-time",
    )!;
    // Another branch's secretary may not open services' card.
    await t.slack.as("U0SEC3").clickButton({ channel: dm("U0SEC2"), label: "对得分提出异议" });
    expect(String((await refusal(2)).args.text)).toContain("仅本支部书记可以");

    const opened = views();
    await t.slack.as("U0SEC2").clickButton({ channel: dm("U0SEC2"), label: "对得分提出异议" });
    await t.emulator.calls.waitFor("views.open", { count: opened + 1 });
    const noIndicator = await t.slack
      .as("U0SEC2")
      .submitModal({ "assessment_text_block.assessment_text": "三月被退回是因为错别字" });
    expect(noIndicator.outcome).toBe("errors");
    const sent = await t.slack
      .as("U0SEC2")
      .submitModal({ [INDICATOR]: "lists-approved-first-time" });
    expect(sent.outcome).toBe("closed");
    const notice = await waitCall(t, "chat.postMessage", "C0COMMITTEE", { count: 2 });
    expect(json(notice)).toContain("三月被退回是因为错别字");
    expect(json(notice)).toContain(ASSESSMENT_ACTION.openAnswer);

    // The Homes: the committee sees the contest awaiting its answer, the secretary their card.
    const remarkId = (await t.db.prisma.assessmentRemark.findFirstOrThrow()).id;
    await t.slack.as("U0CHAIR").openAppHome();
    await expect.poll(() => homeText("U0CHAIR"), SLOW).toContain("待机关党委答复的说明和异议：1条");
    expect(homeText("U0CHAIR")).toContain(`#${remarkId} 异议，`);
    expect(homeText("U0CHAIR")).toContain("2026年（初稿）：4个支部已排名");
    await t.slack.as("U0SEC2").openAppHome();
    await expect.poll(() => homeText("U0SEC2"), SLOW).toContain("1条待答复，0条已答复");

    // The chair answers from the Home with a correction.
    const next = views();
    await t.slack.as("U0CHAIR").clickButton({ view: "home", label: `答复#${remarkId}` });
    await t.emulator.calls.waitFor("views.open", { count: next + 1 });
    const tooHigh = await t.slack.as("U0CHAIR").submitModal({
      "assessment_answer_block.assessment_answer_text": "同意更正",
      "assessment_corrected_block.assessment_corrected": String((before.expected ?? 0) + 1),
    });
    expect(tooHigh.outcome).toBe("errors");
    const corrected = (before.achieved ?? 0) + 1;
    const answered = await t.slack.as("U0CHAIR").submitModal({
      "assessment_corrected_block.assessment_corrected": String(corrected),
    });
    expect(answered.outcome).toBe("closed");
    const after = (await card("services")).indicators.find(
      (i) => i.key === "lists-approved-first-time",
    )!;
    expect([after.achieved, after.correction]).toEqual([corrected, "同意更正"]);
    expect(after.points).toBeGreaterThan(before.points);
    // The secretary gets the card as it is now, with the reason.
    const updated = await waitCall(t, "chat.postMessage", dm("U0SEC2"), {
      where: (c) => json(c).includes("同意更正"),
    });
    expect(json(updated)).toContain(String(after.points));
    // The secretary's Home follows; answered once: the committee message's button says so.
    await t.slack.as("U0SEC2").openAppHome();
    await expect.poll(() => homeText("U0SEC2"), SLOW).toContain("0条待答复，1条已答复");
    await t.slack.as("U0COMM3").clickButton({ channel: "C0COMMITTEE", label: "答复" });
    expect(String((await refusal(3)).args.text)).toContain("该条已答复");
  });

  it("only the chair finalizes, through the confirmation; the frozen cards do not move", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").clickButton({ channel: "C0COMMITTEE", label: "年度考核定稿" });
    expect(String((await refusal(4)).args.text)).toContain("仅系统管理员（书记）可以定稿");
    const opened = views();
    t.clock.set("2026-12-30T02:00:00Z");
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "assessment finalize", {
      channel: "C0COMMITTEE",
    });
    await t.emulator.calls.waitFor("views.open", { count: opened + 1 });
    const done = await t.slack.as("U0CHAIR").submitModal();
    expect(done.outcome).toBe("closed");
    // The modal closes at once; the chair hears in a DM when the cards are frozen.
    const told = await waitCall(t, "chat.postEphemeral", dm("U0CHAIR"), {
      where: (c) => json(c).includes("张考核卡已冻结并发布"),
    });
    expect(json(told)).toContain("2026年度考核已定稿：4张考核卡");
    const final = await year();
    expect(final.state).toBe("final");
    const audit = await t.db.prisma.auditLog.findFirst({
      where: { action: "assessment.finalize" },
    });
    expect(audit).toMatchObject({ actor: "U0CHAIR", entityId: "2026" });
    await settled(t);
    // Published: the final summary to the committee, each branch's final card to its secretary.
    const finalPosts = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => json(c).includes("定稿") && !json(c).includes(ASSESSMENT_ACTION.openFinalize));
    expect(finalPosts.some((c) => c.args.channel === "C0COMMITTEE")).toBe(true);
    for (const user of ["U0SEC1", "U0SEC2", "U0SEC3", "U0DEPUTY"]) {
      expect(finalPosts.some((c) => c.args.channel === dm(user))).toBe(true);
    }

    // A later change to the records and a late score do not move the frozen cards.
    await t.db.prisma.taskItem.updateMany({ data: { status: "OPEN" } });
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", label: "为人工评分指标评分" });
    expect(String((await refusal(5)).args.text)).toContain("本年度考核已定稿");
    const again = await year();
    expect(again.cards.map((c) => [c.branchKey, c.card])).toEqual(
      final.cards.map((c) => [c.branchKey, c.card]),
    );
  });
});
