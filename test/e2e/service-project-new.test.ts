/**
 * `/pbb project new` and `/pbb project board` end to end on both stores: a committee admin's
 * modal refuses each bad field inline and stores nothing; a good one creates the project with
 * its milestones and posts its committee message; a committee member who is not an admin is
 * told why; the board lists every project of the year with its status and beneficiaries.
 */
import { describe, expect, it } from "vitest";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { SERVICE_ORG_WITH_PROJECT } from "../helpers/service-org.ts";
import { settled } from "../services/lecture/helpers.ts";

describe.each(STORES)("adding a practical project in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    orgText: SERVICE_ORG_WITH_PROJECT,
    now: "2026-11-10T02:00:00Z",
  });

  it("an admin's bad fields come back on each field, nothing stored; a good project is created and posted", async () => {
    const t = bot();
    await t.slack.as("U0CHAIR").slashCommand("/pbb", "project new", { channel: "C0COMMITTEE" });
    await t.emulator.calls.waitFor("views.open");
    const bad = await t.slack.as("U0CHAIR").submitModal({
      svc_p_title: "  ",
      svc_p_serves: "Veterans of Oak Lane",
      svc_p_branch: "office",
      svc_p_lead: "U0C",
      svc_p_goal: "Warm homes",
      svc_p_beneficiaries: "many",
      svc_p_milestones: "2026-12-01 Survey\nsoon Repair",
    });
    expect(bad.outcome).toBe("errors");
    const errors = JSON.stringify(bad);
    expect(errors).toContain("Give the project a title.");
    expect(errors).toContain("A whole number of people, from 0.");
    expect(errors).toContain("Line 2: a due date YYYY-MM-DD, then the milestone.");
    expect(await t.db.prisma.practicalProject.count()).toBe(1); // the org file's only

    const good = await t.slack.as("U0CHAIR").submitModal({
      svc_p_title: "Heating for Oak Lane",
      svc_p_serves: "Veterans of Oak Lane",
      svc_p_branch: "office",
      svc_p_lead: "U0C",
      svc_p_goal: "Warm homes <this winter>",
      svc_p_beneficiaries: "40",
      svc_p_milestones: "2027-01-15 Install\n2026-12-01 Survey",
    });
    expect(good.outcome).toBe("closed");
    const created = await t.db.prisma.practicalProject.findFirstOrThrow({
      where: { title: "Heating for Oak Lane" },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    expect(created).toMatchObject({
      branchKey: "office",
      leadUserId: "U0C",
      beneficiaries: 40,
      year: 2027,
      createdBy: "U0CHAIR",
    });
    expect(created.milestones.map((m) => [m.due, m.title])).toEqual([
      ["2026-12-01", "Survey"],
      ["2027-01-15", "Install"],
    ]);
    await settled(t);
    const posted = await t.emulator.calls.waitFor("chat.postMessage", {
      where: (c) =>
        c.args.channel === "C0COMMITTEE" && JSON.stringify(c.args).includes("Heating for Oak Lane"),
    });
    expect(JSON.stringify(posted.args)).toContain("Warm homes &lt;this winter&gt;");
  });

  it("a committee member who is not an admin is refused", async () => {
    const t = bot();
    await t.slack.as("U0DEPUTY").slashCommand("/pbb", "project new", { channel: "C0COMMITTEE" });
    const refusal = await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("only system admins can add practical projects"),
    });
    expect(String(refusal.args.text)).toContain("You can't do that");
  });

  it("the board lists every project of the year with its status and beneficiaries", async () => {
    const t = bot();
    await t.slack.as("U0A").slashCommand("/pbb", "project board 2026", { channel: "C0VETS" });
    const board = await t.emulator.calls.waitFor("response_url", {
      where: (c) => JSON.stringify(c.args).includes("Practical projects 2026"),
    });
    const text = JSON.stringify(board.args);
    expect(text).toContain("2026: 1 practical projects, 0 confirmed done");
    expect(text).toContain(
      "*Renovate the Elm Court compound* · In progress · 0% · Veterans Branch",
    );
    expect(text).toContain("120 beneficiaries");
    await t.slack.as("U0A").slashCommand("/pbb", "project board soon", { channel: "C0VETS" });
    await t.emulator.calls.waitFor("response_url", {
      where: (c) => String(c.args.text).includes("/pbb project board [year]"),
    });
  });
});
