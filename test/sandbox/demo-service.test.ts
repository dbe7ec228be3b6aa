/**
 * The sandbox demo's service list (issue 20): the demo org names each branch's community, its
 * services and three practical projects; members are registered and have reports (one queried
 * and answered); two projects are in progress and one confirmed done. "Next milestone reminder"
 * on the clock panel runs the project-milestones job: the projects' committee messages, the
 * lead's reminder (a milestone due in two days) and the overdue milestone's escalation; the
 * committee's Home shows the service list.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseOrgFile } from "../../src/config/org-file.ts";
import { demoOrgYaml } from "../../src/sandbox/demo-org.ts";
import { renderHome } from "../../src/slack/publish-home.ts";
import { allText } from "../e2e/round-trip-helpers.ts";
import { clockPanel, post, startTestSandbox, type TestSandbox } from "./sandbox-helpers.ts";

describe("the sandbox demo's service list", () => {
  let t: TestSandbox | undefined;
  afterEach(async () => {
    await t?.sandbox.stop();
    t = undefined;
  });

  it("the demo org file has communities, services and practical projects in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const org = parseOrgFile(demoOrgYaml(locale, new Date("2027-01-01T00:30:00Z")), "demo.yml");
      if (!org.ok) throw new Error(JSON.stringify(org));
      expect(org.org.branches.every((b) => typeof b.community === "string")).toBe(true);
      expect(org.org.services).toHaveLength(4);
      expect(org.org.practicalProjects?.map((p) => p.key)).toEqual([
        "jinfeng-compound",
        "special-care",
        "dependants-transfer",
      ]);
      expect(org.org.practicalProjects?.[0]?.milestones[1]?.due).toBe("2027-01-03");
    }
  });

  it("has registrations, reports and projects; the milestone jump reminds the lead and escalates the overdue one", async () => {
    t = await startTestSandbox();
    const { sandbox } = t;
    const db = sandbox.bot.ctx.db;
    expect(await db.prisma.serviceRegistration.count()).toBe(7);
    const reports = await db.prisma.serviceReport.findMany({ include: { replies: true } });
    expect(reports).toHaveLength(8);
    expect(reports.filter((r) => r.queriedBy !== null && r.replies.length === 1)).toHaveLength(1);
    const projects = await db.prisma.practicalProject.findMany({ orderBy: { id: "asc" } });
    expect(projects.map((p) => [p.key, p.status])).toEqual([
      ["jinfeng-compound", "ACTIVE"],
      ["special-care", "ACTIVE"],
      ["dependants-transfer", "DONE"],
    ]);
    expect(projects[2]?.confirmedBy).toBe("U0DEPUTY");

    const panel = await clockPanel(sandbox.url);
    expect(panel).toContain("下一次项目节点提醒");
    const jumped = await post(sandbox.url, "clock", { command: "job:project-milestones" });
    expect(jumped.ok).toBe(true);
    const committee = sandbox.emulator.workspace.messages.get("G0COMMITTEE") ?? [];
    const texts = committee.map((m) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`);
    expect(texts.some((x) => x.includes("金丰路退役军人小区改造"))).toBe(true);
    expect(texts.some((x) => x.includes("已逾期") && x.includes("梳理积压申请"))).toBe(true);
    const deliveries = await db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "service-project:" } },
    });
    const keys = deliveries.map((d) => d.dedupeKey);
    expect(keys.filter((k) => k.endsWith(":post"))).toHaveLength(3);
    expect(keys.filter((k) => k.endsWith(":remind"))).toHaveLength(1);
    expect(keys.filter((k) => k.includes(":escalate:"))).toHaveLength(1);

    const home = await renderHome({ db, now: () => sandbox.clock.now() }, { userId: "U0CHAIR" });
    const text = allText(home.blocks);
    expect(text).toContain("*需优先关注的支部*");
    expect(text).toContain("共3个");
  }, 240_000);
});
