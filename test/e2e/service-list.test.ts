/**
 * The service list end to end on both stores: the real bot, the local Slack, an English org
 * whose branches name their joint-construction communities. A member registers their residential
 * community and reports service (bad input refused on its field, nothing stored); the report is
 * acknowledged in a DM; the secretary sees the branch's reports and queries one; the member's
 * answer in the thread is recorded; another member cannot query.
 */
import { describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { SERVICE_ORG } from "../helpers/service-org.ts";
import { settled, waitCall } from "../services/lecture/helpers.ts";

const json = (c: RecordedCall) => JSON.stringify(c.args);

describe.each(STORES)("the service list in Slack (%s)", (store) => {
  const bot = useTestBot({ store, orgText: SERVICE_ORG, now: "2026-11-10T02:00:00Z" });
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;

  it("a member registers their residential community, then changes it", async () => {
    const t = bot();
    await t.slack.as("U0A").slashCommand("/pbb", "service register", { channel: "C0VETS" });
    await t.emulator.calls.waitFor("views.open");
    const empty = await t.slack.as("U0A").submitModal({ svc_community: "   " });
    expect(empty.outcome).toBe("errors");
    expect(JSON.stringify(empty)).toContain("Name your residential community");
    expect(await t.db.prisma.serviceRegistration.count()).toBe(0);
    expect((await t.slack.as("U0A").submitModal({ svc_community: "Pine Yard" })).outcome).toBe(
      "closed",
    );
    await t.slack.as("U0A").slashCommand("/pbb", "service register", { channel: "C0VETS" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const modal = t.emulator.workspace.topView("U0A");
    expect(JSON.stringify(modal?.blocks)).toContain("Pine Yard");
    await t.slack.as("U0A").submitModal({ svc_community: "Birch Yard" });
    expect(
      (await t.db.prisma.serviceRegistration.findMany()).map((r) => [r.userId, r.community]),
    ).toEqual([["U0A", "Birch Yard"]]);
    // someone in no branch is refused, nothing opens
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "service report", { channel: "C0COMMITTEE" });
    const refusal = await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("Only members of a branch"),
    });
    expect(String(refusal.args.text)).toContain("You can't do that");
  });

  it("a report with bad fields is refused on each field and stores nothing; a good one is acknowledged", async () => {
    const t = bot();
    await t.slack
      .as("U0A")
      .clickButton({ channel: dm("U0A"), label: "Report service" })
      .catch(async () =>
        t.slack.as("U0A").slashCommand("/pbb", "service report", { channel: "C0VETS" }),
      );
    await t.emulator.calls.waitFor("views.open", { count: 3 });
    const modal = t.emulator.workspace.topView("U0A");
    const shown = JSON.stringify(modal?.blocks);
    // the member's own community first, then their branch's, then the others
    expect(shown.indexOf("Birch Yard")).toBeLessThan(shown.indexOf("Elm Court"));
    expect(shown).toContain("Oak Lane");
    const bad = await t.slack.as("U0A").submitModal({
      svc_date: "2026-11-12",
      svc_report_community: "Elm Court",
      svc_category: "policy-consultation",
      svc_hours: "25",
      svc_what: "Answered <b>pension</b> questions",
      svc_link: "ftp://x",
    });
    expect(bad.outcome).toBe("errors");
    const errors = JSON.stringify(bad);
    expect(errors).toContain("The date is in the future");
    expect(errors).toContain("Hours must be more than 0 and at most 24");
    expect(errors).toContain("A link starts with http");
    expect(await t.db.prisma.serviceReport.count()).toBe(0);
    const ok = await t.slack.as("U0A").submitModal({
      svc_date: "2026-11-08",
      svc_hours: "2.5",
      svc_link: "https://example.org/photo",
    });
    expect(ok.outcome).toBe("closed");
    const ack = await waitCall(t, "chat.postMessage", dm("U0A"), {
      where: (c) => json(c).includes("Thank you"),
    });
    expect(json(ack)).toContain("2026-11-08 in Elm Court (Policy consultation, 2.5 h)");
    expect(json(ack)).toContain("Answered &lt;b&gt;pension&lt;/b&gt; questions");
    const row = await t.db.prisma.serviceReport.findFirstOrThrow();
    expect([row.userId, row.branchKey, row.quarter, row.centiHours, row.link]).toEqual([
      "U0A",
      "vets",
      "2026-Q4",
      250,
      "https://example.org/photo",
    ]);
  });

  it("the secretary sees the branch's reports and queries one; the member answers in the thread", async () => {
    const t = bot();
    // another member may not see the branch's reports
    await t.slack.as("U0B").slashCommand("/pbb", "service reports", { channel: "C0VETS" });
    await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("only the branch's secretaries"),
    });
    await t.slack.as("U0SEC1").slashCommand("/pbb", "service reports", { channel: "C0VETS" });
    const list = await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("Service reports, 2026-Q4: 1"),
    });
    expect(json(list)).toContain("<@U0A>");
    await t.slack.as("U0SEC1").clickButton({ channel: "C0VETS", ephemeral: true, label: "Query" });
    await t.emulator.calls.waitFor("views.open", { count: 4 });
    const empty = await t.slack.as("U0SEC1").submitModal({ svc_question: " " });
    expect(empty.outcome).toBe("errors");
    await t.slack.as("U0SEC1").submitModal({ svc_question: "Who came with you?" });
    const query = await waitCall(t, "chat.postMessage", dm("U0A"), {
      where: (c) => json(c).includes("Who came with you?"),
    });
    await settled(t);
    const report = await t.db.prisma.serviceReport.findFirstOrThrow();
    expect([report.queriedBy, report.query, report.queryChannel]).toEqual([
      "U0SEC1",
      "Who came with you?",
      dm("U0A"),
    ]);
    const ts = String((query.response as { ts?: string } | undefined)?.ts ?? report.queryTs);
    await t.slack.as("U0A").replyInThread(dm("U0A"), ts, "My neighbour Li");
    await t.slack.as("U0A").replyInThread(dm("U0A"), ts, "and her son");
    for (let i = 0; i < 50; i++) {
      if ((await t.db.prisma.serviceQueryReply.count()) === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(
      (await t.db.prisma.serviceQueryReply.findMany({ orderBy: { slackTs: "asc" } })).map((r) => [
        r.authorId,
        r.text,
      ]),
    ).toEqual([
      ["U0A", "My neighbour Li"],
      ["U0A", "and her son"],
    ]);
  });
});
