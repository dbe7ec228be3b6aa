/**
 * A practical project's lead leaving the organisation, end to end through the local Slack on
 * both stores: the org file applied without them (with the bot's own org-write hook) keeps the
 * project, asks the committee once with a button and shows the lead as to be named; a member who
 * is not on the committee is told why; a committee member's modal refuses someone who left,
 * then names an active member, who gets a DM, and the project's message shows them.
 */
import { describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { slackResolver } from "../../src/services/org/resolver.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { LEAD_GONE, LED_BY_MEMBER } from "../helpers/service-org.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";

const json = (c: RecordedCall) => JSON.stringify(c.args);

describe.each(STORES)("naming a new lead when a project's lead left (%s)", (store) => {
  const bot = useTestBot({ store, orgText: LED_BY_MEMBER, now: "2026-11-10T02:00:00Z" });
  const project = () => bot().db.prisma.practicalProject.findFirstOrThrow();

  it("the committee is asked once, and a committee member names an active member", async () => {
    const t = bot();
    await runJob(t.db, "project-milestones", "2026-11-10T10:00");
    await settled(t);
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("*Lead:* <@U0B>"),
    });
    const ts = String((posted.response as { ts: string }).ts);

    const applied = await applyOrgText(
      t.db,
      slackResolver(t.bot.ctx.client),
      LEAD_GONE,
      "org.yml",
      {
        actor: "test",
        source: "test",
        afterWrite: t.bot.ctx.orgWritten,
      },
    );
    expect(applied.status).toBe("applied");
    await settled(t);
    const ask = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("left the organisation"),
    });
    expect(String(ask.args.text)).toContain("its lead <@U0B> left the organisation");
    const askTs = String((ask.response as { ts: string }).ts);
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === ts && json(c).includes("*Lead:* to be named"),
    });
    expect((await project()).leadUserId).toBeNull();

    await t.slack
      .as("U0A")
      .clickButton({ channel: "C0COMMITTEE", messageTs: askTs, label: "Name a new lead" });
    await t.emulator.calls.waitFor("response_url", {
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).includes("only a committee member names a project's lead"),
    });
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: askTs, label: "Name a new lead" });
    await t.emulator.calls.waitFor("views.open");
    const gone = await t.slack.as("U0CHAIR").submitModal({ svc_p_new_lead: "U0B" });
    expect(gone.outcome).toBe("errors");
    expect(JSON.stringify(gone)).toContain(
      "The lead must be an active member of the organisation.",
    );
    expect((await project()).leadUserId).toBeNull();
    const ok = await t.slack.as("U0CHAIR").submitModal({ svc_p_new_lead: "U0C" });
    expect(ok.outcome).toBe("closed");
    expect((await project()).leadUserId).toBe("U0C");
    await settled(t);
    const dm = await waitCall(t, "chat.postMessage", t.emulator.workspace.dmWith("U0C").id);
    expect(json(dm)).toContain(
      "You now lead the practical project Renovate the Elm Court compound",
    );
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === ts && json(c).includes("*Lead:* <@U0C>"),
    });
    // one question however often the file is applied again
    await applyOrgText(t.db, slackResolver(t.bot.ctx.client), LEAD_GONE, "org.yml", {
      actor: "test",
      source: "test again",
      afterWrite: t.bot.ctx.orgWritten,
    });
    expect(
      await t.db.prisma.delivery.count({ where: { dedupeKey: { contains: ":name-lead:" } } }),
    ).toBe(1);
  });
});
