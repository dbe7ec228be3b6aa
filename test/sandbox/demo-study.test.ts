/**
 * The demo's study (issue 23): last month's centre-group session held with its draws and a
 * make-up, a youth project's result waiting for review; "Next study notice" on the clock panel
 * posts this month's centre-group notice in the committee channel (and the invitations), after
 * which the chair draws a speaker in its thread.
 */
import { afterEach, describe, expect, it } from "vitest";
import { drawNextSpeaker } from "../../src/services/study/draw.ts";
import { studyPresenter } from "../../src/slack/views/study/index.ts";
import { clockPanel, post, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

describe("the sandbox demo's study", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("has last month's centre group and a project to review; the study-notice jump posts the notice; the chair draws", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    const held = await db.prisma.studySession.findMany({
      include: { draws: true, attendees: true },
    });
    expect(held).toHaveLength(1);
    expect(held[0]?.draws.map((d) => d.outcome)).toEqual(["spoke", "spoke"]);
    expect(held[0]?.attendees.filter((a) => a.madeUpAt !== null)).toHaveLength(1);
    const project = await db.prisma.studyProject.findFirstOrThrow();
    expect(project.state).toBe("submitted");

    const panel = await clockPanel(sandbox.url);
    expect(panel).toContain("下一次学习通知");
    // full-width punctuation beside Chinese: 业务时间：…（Asia/Shanghai）
    expect(panel).toContain("业务时间：<time");
    expect(panel).toContain("</time>（Asia/Shanghai）");
    const jumped = await post(sandbox.url, "clock", { command: "job:study-notice" });
    expect(jumped.lines?.join("\n")).toContain("1条学习通知");
    const committee = sandbox.emulator.workspace.messages.get("G0COMMITTEE") ?? [];
    const notice = committee.find((m) => JSON.stringify(m.blocks ?? []).includes("随机抽取发言人"));
    expect(notice).toBeDefined();
    const month = await db.prisma.studySession.findFirstOrThrow({
      where: { id: { not: held[0]?.id } },
    });
    expect(month.kind).toBe("centre-group");

    // the 3rd, a quarter of an hour before the session: the chair draws in the notice's thread
    sandbox.clock.advanceTo(new Date(month.startsAt.getTime() - 15 * 60_000));
    await db.prisma.studyAttendee.updateMany({
      where: { sessionId: month.id },
      data: { response: "confirmed" },
    });
    const drawn = await drawNextSpeaker(sandbox.bot.ctx, studyPresenter, {
      sessionId: month.id,
      userId: "U0CHAIR",
      source: "test",
    });
    expect(drawn).toMatchObject({ ok: true, seq: 1, outOfTurn: false });
    // within a year, last month's speakers (王志强, 李红梅) have spoken: the draw is among the
    // others; in January everyone starts the year at zero
    const sameYear = month.date.slice(0, 4) === held[0]?.date.slice(0, 4);
    if (drawn.ok && sameYear) expect(["U0SEC1", "U0DEPUTY"]).not.toContain(drawn.drawn);
  }, 240_000);
});
