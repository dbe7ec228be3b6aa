/**
 * Twenty committee clicks on one waiting list at the same moment (Approve buttons and Return
 * modals, by different members): exactly one transition happens, everyone else is told the
 * list was already decided, and everyone sees the same final state.
 */
import { describe, expect, it } from "vitest";
import { createDriver } from "../../src/localslack/index.ts";
import { TASKLIST_ACTION, TASKLIST_BLOCK } from "../../src/slack/ids/tasklist.ts";
import { SIGNING_SECRET, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  allText,
  buttonsOf,
  field,
  listOf,
  runJob,
  settle,
  waitCall,
} from "./round-trip-helpers.ts";

const COMMENT_FIELD = `${TASKLIST_BLOCK.returnComment}.${TASKLIST_ACTION.returnComment}`;
const APPROVERS = ["U0CHAIR", "U0DEPUTY", "U0COMM3"];

describe.each(STORES)("simultaneous decisions (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2026-12-02T02:00:00Z",
    setUp: async (t) => {
      await runJob(t, "monthly-reminder", "2026-12-01T09:00");
      await settle(t);
    },
  });

  it("20 Approve/Return clicks at once: one decision, one audit entry, one branch post", async () => {
    const t = bot();
    const sec = t.slack.as("U0SEC3");
    await sec.clickButton({ channel: "C0RIGHTS", label: "填报任务清单" });
    await t.emulator.calls.waitFor("views.open");
    const submitted = await sec.submitModal({
      [field(0, "title")]: "维护退役军人合法权益专题学习",
      [field(0, "category")]: "THEORY_STUDY",
    });
    expect(submitted.outcome).toBe("closed");
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    const committeeTs = String(posted.response?.ts);
    await settle(t);
    const branchPostsBefore = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C0RIGHTS").length;

    // Two members open the return modal first; then everyone clicks at once.
    for (const user of ["U0CHAIR", "U0COMM3"]) {
      const opened = t.emulator.calls.of("views.open").length;
      await t.slack
        .as(user)
        .clickButton({ channel: "C0COMMITTEE", messageTs: committeeTs, label: "退回" });
      await t.emulator.calls.waitFor("views.open", { count: opened + 1 });
      t.slack.as(user).fill({ [COMMENT_FIELD]: `请${user}补充` });
    }
    const answered = () =>
      t.emulator.calls.of("response_url").length + t.emulator.calls.of("chat.postEphemeral").length;
    const answeredBefore = answered();
    // Slack's 3 s ack is Bolt's to keep (it answers 404 itself past 3 s from receipt); the test
    // process also plays Slack and the emulator, so its own clock gets more room on a busy CI.
    const slack = createDriver({
      emulator: t.emulator,
      appUrl: `http://127.0.0.1:${t.bot.port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      ackTimeoutMs: 10_000,
    });
    const clicks = Array.from({ length: 18 }, (_, i) =>
      slack.as(APPROVERS[i % APPROVERS.length] ?? "U0CHAIR").clickButton({
        channel: "C0COMMITTEE",
        messageTs: committeeTs,
        label: "通过",
      }),
    );
    const returns = ["U0CHAIR", "U0COMM3"].map((user) => slack.as(user).submitModal());
    const results = await Promise.all([...clicks, ...returns]);
    // Every click was acknowledged by its listener (not Bolt's 404), every return modal closed.
    expect(results.map((r) => ("outcome" in r ? r.outcome : r.status))).toEqual([
      ...Array.from({ length: 18 }, () => 200),
      "closed",
      "closed",
    ]);

    // Nineteen people are told it was already decided; the winner hears nothing.
    for (let i = 0; i < 500 && answered() < answeredBefore + 19; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const refusals = [
      ...t.emulator.calls.of("response_url"),
      ...t.emulator.calls.of("chat.postEphemeral"),
    ].map((c) => c.args.text);
    expect(refusals).toHaveLength(19);
    expect(new Set(refusals)).toEqual(new Set(["无法执行此操作：该版本已审核。"]));
    await settle(t);

    const list = await listOf(t.db, "rights", "2026-12");
    const decisions = list.revisions.flatMap((r) => r.decisions);
    expect(decisions).toHaveLength(1);
    const decision = decisions[0];
    const audit = await t.db.prisma.auditLog.findMany({
      where: {
        entityId: String(list.id),
        action: { in: ["tasklist.approve", "tasklist.return"] },
      },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(decision?.decidedBy);
    expect(list.state).toBe(decision?.kind === "APPROVED" ? "APPROVED" : "RETURNED");

    // One post in the branch channel (the plan, or the returned notice), one DM to the secretary.
    const branchPosts = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => c.args.channel === "C0RIGHTS");
    expect(branchPosts).toHaveLength(branchPostsBefore + 1);
    const dms = t.emulator.calls
      .of("chat.postMessage")
      .filter((c) => String(c.args.channel).startsWith("D"));
    expect(dms).toHaveLength(1);

    // The committee message shows that one decision, without buttons, for everyone.
    const final = t.emulator.workspace.message("C0COMMITTEE", committeeTs);
    const said =
      decision?.kind === "APPROVED"
        ? `✅ <@${decision.decidedBy}>于`
        : `↩️ <@${decision?.decidedBy}>于`;
    expect(allText(final?.blocks)).toContain(said);
    expect(buttonsOf(final?.blocks).map((b) => b.text)).toEqual(["查看完整清单"]);
  });
});
