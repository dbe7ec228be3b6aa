/**
 * Admin in Slack end to end: `/pbb admin` → the menu → an edit modal → saved, audited and in
 * `pbb org export`; inline errors on the field at fault; refusals that change nothing.
 */
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command-context.ts";
import { runProgram } from "../../src/cli/program.ts";
import { parseOrgFile } from "../../src/config/org-file.ts";
import type { Org } from "../../src/config/org-schema.ts";
import { loadOrg, writeOrg } from "../../src/db/repositories/org.ts";
import { offlineResolver } from "../../src/services/org/resolver.ts";
import {
  ADMIN_ACTION,
  branchBlockId,
  fieldId,
  type ServicePart,
  serviceField,
} from "../../src/slack/ids/admin.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";

const f = (name: string) => `${fieldId(name)}.${fieldId(name)}`;

describe.each(STORES)("admin in Slack (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2026-12-10T02:00:00Z",
    extraUsers: ["U0NEWSEC", "U0GUEST"],
    setUp: async (t) => {
      t.emulator.workspace.addChannel({
        id: "C0VETERAN",
        name: "branch-veterans",
        botMember: true,
      });
      t.emulator.workspace.addChannel({ id: "G0NOBOT", name: "no-bot", private: true });
    },
  });

  /** `pbb org export` run in-process, parsed back. */
  async function exported(): Promise<Org> {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const ctx: CommandContext = {
      db: bot().db,
      io,
      cwd: process.cwd(),
      resolver: offlineResolver,
      insideBot: false,
      now: () => bot().clock.now(),
      client: null,
    };
    const code = await runProgram(["org", "export"], io, async () => ({
      ctx,
      release: async () => {},
    }));
    expect(code).toBe(0);
    const parsed = parseOrgFile(out.join("\n"), "export.yml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.org;
  }

  async function openMenu(user: string) {
    const opened = bot().emulator.calls.of("views.open").length;
    await bot().slack.as(user).slashCommand("/pbb", "admin", { channel: "C0COMMITTEE" });
    await bot().emulator.calls.waitFor("views.open", { count: opened + 1 });
    expect(bot().slack.openView(user)?.title).toMatchObject({ text: "组织管理" });
  }

  async function push(
    user: string,
    query: { label?: string; actionId?: string; blockId?: string },
  ) {
    const pushed = bot().emulator.calls.of("views.push").length;
    await bot()
      .slack.as(user)
      .clickButton({ view: "modal", ...query });
    await bot().emulator.calls.waitFor("views.push", { count: pushed + 1 });
  }

  const branchRows = () => bot().db.prisma.branch.findMany({ orderBy: { id: "asc" } });

  it("when an admin adds a branch, then it is saved, audited and in `pbb org export`", async () => {
    const t = bot();
    await openMenu("U0CHAIR");
    await push("U0CHAIR", { label: "新增支部" });
    expect(t.slack.openView("U0CHAIR")?.title).toMatchObject({ text: "新增支部" });
    const updates = t.emulator.calls.of("views.update").length;
    const r = await t.slack.as("U0CHAIR").submitModal({
      [f("key")]: "veterans",
      [f("name")]: "退役军人服务中心党支部",
      [f("channel")]: "C0VETERAN",
      [f("secretaries")]: ["U0NEWSEC"],
      [f("members")]: ["U0G"],
    });
    expect(r.outcome).toBe("closed");
    await t.emulator.calls.waitFor("views.update", { count: updates + 1 });
    const menu = JSON.stringify(t.slack.openView("U0CHAIR")?.blocks);
    expect(menu).toContain("已保存");
    expect(menu).toContain("退役军人服务中心党支部");

    const org = await exported();
    expect(org.branches.find((b) => b.key === "veterans")).toEqual({
      key: "veterans",
      name: "退役军人服务中心党支部",
      channel: "C0VETERAN",
      secretaries: ["U0NEWSEC"],
      members: ["U0G"],
    });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actor: "U0CHAIR", source: "slack:admin_branch" });
    expect(JSON.stringify(audit.data)).toContain("branch veterans: added");
    const person = await t.db.prisma.person.findUniqueOrThrow({
      where: { slackUserId: "U0NEWSEC" },
    });
    expect(person.email).toBe("u0newsec@example.org");
    await t.slack.as("U0CHAIR").closeModal();
  });

  it("when an admin changes a secretary, then the export shows the new one", async () => {
    const t = bot();
    await openMenu("U0CHAIR");
    await push("U0CHAIR", {
      blockId: branchBlockId("resettlement"),
      actionId: ADMIN_ACTION.editBranch,
    });
    expect(t.slack.openView("U0CHAIR")?.title).toMatchObject({ text: "编辑支部" });
    const updates = t.emulator.calls.of("views.update").length;
    const r = await t.slack
      .as("U0CHAIR")
      .submitModal({ [f("secretaries")]: ["U0A"], [f("members")]: ["U0B"] });
    expect(r.outcome).toBe("closed");
    await t.emulator.calls.waitFor("views.update", { count: updates + 1 });
    const branch = (await exported()).branches.find((b) => b.key === "resettlement");
    expect(branch).toMatchObject({
      name: "移交安置处党支部",
      secretaries: ["U0A"],
      members: ["U0B"],
    });
    await t.slack.as("U0CHAIR").closeModal();
  });

  it("when an admin picks a branch's services, then a missing frequency or a lead outside the organisation is refused on its field, and the picked ones are saved and shown again", async () => {
    const t = bot();
    const edit = async () => {
      await openMenu("U0CHAIR");
      await push("U0CHAIR", {
        blockId: branchBlockId("resettlement"),
        actionId: ADMIN_ACTION.editBranch,
      });
    };
    const s = (row: number, part: ServicePart) => f(serviceField(row, part));
    const audits = await t.db.prisma.auditLog.count();
    await edit();
    const picked = {
      [f("community")]: "金丰路社区",
      [s(0, "what")]: "退役安置政策咨询",
      [s(0, "category")]: "政策咨询", // picked by its label, as a person does
      [s(0, "frequency")]: "monthly",
      [s(1, "what")]: "国防教育进校园",
      [s(1, "category")]: "defence-education",
      [s(1, "frequency")]: null,
      [s(1, "lead")]: "U0GUEST",
    };
    const missing = await t.slack.as("U0CHAIR").submitModal(picked);
    expect(missing.outcome).toBe("errors");
    expect(missing.errors).toEqual({ [fieldId(serviceField(1, "frequency"))]: "请选择服务频次。" });
    const stranger = await t.slack.as("U0CHAIR").submitModal({ [s(1, "frequency")]: "每季度" });
    expect(stranger.outcome).toBe("errors");
    expect(stranger.errors).toEqual({
      [fieldId(serviceField(1, "lead"))]:
        "请选择本组织的人员：机关党委委员，或在用支部的书记、党员。",
    });
    expect((await exported()).services).toBeUndefined();
    expect(await t.db.prisma.auditLog.count()).toBe(audits);

    const updates = t.emulator.calls.of("views.update").length;
    const ok = await t.slack.as("U0CHAIR").submitModal({ [s(1, "lead")]: "U0B" });
    expect(ok.outcome).toBe("closed");
    await t.emulator.calls.waitFor("views.update", { count: updates + 1 });
    const org = await exported();
    expect(org.branches.find((b) => b.key === "resettlement")?.community).toBe("金丰路社区");
    const secretary = org.branches.find((b) => b.key === "resettlement")?.secretaries[0];
    expect(org.services).toEqual([
      {
        branch: "resettlement",
        category: "policy-consultation",
        frequency: "monthly",
        what: "退役安置政策咨询",
        lead: secretary,
      },
      {
        branch: "resettlement",
        category: "defence-education",
        frequency: "quarterly",
        what: "国防教育进校园",
        lead: "U0B",
      },
    ]);
    await t.slack.as("U0CHAIR").closeModal();

    // reopened: the services are picked again, in the org's language
    await edit();
    const shown = JSON.stringify(t.slack.openView("U0CHAIR")?.blocks);
    expect(shown).toContain('"initial_value":"国防教育进校园"');
    expect(shown).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"每季度","emoji":true},"value":"quarterly"}',
    );
    expect(shown).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"政策咨询","emoji":true},"value":"policy-consultation"}',
    );
    expect(shown).toContain('"initial_user":"U0B"');
    // clearing a description removes its service
    const removed = await t.slack.as("U0CHAIR").submitModal({ [s(0, "what")]: "" });
    expect(removed.outcome).toBe("closed");
    await t.emulator.calls.waitFor("views.update", { count: updates + 2 });
    expect((await exported()).services?.map((x) => x.what)).toEqual(["国防教育进校园"]);
    await t.slack.as("U0CHAIR").closeModal();
  });

  it("when a value is invalid, then the error is on the field at fault and nothing changes", async () => {
    const t = bot();
    const before = { branches: await branchRows(), audit: await t.db.prisma.auditLog.count() };
    await openMenu("U0CHAIR");
    await push("U0CHAIR", { label: "新增支部" });
    const chair = t.slack.as("U0CHAIR");
    const values = {
      [f("key")]: "Bad Key",
      [f("name")]: "新支部",
      [f("channel")]: "C0VETERAN",
      [f("secretaries")]: ["U0E"],
    };
    const badKey = await chair.submitModal(values);
    expect(badKey.outcome).toBe("errors");
    expect(badKey.errors?.[fieldId("key")]).toContain("小写字母");
    const taken = await chair.submitModal({ ...values, [f("key")]: "resettlement" });
    expect(taken.errors?.[fieldId("key")]).toContain("resettlement");
    const sameChannel = await chair.submitModal({ ...values, [f("key")]: "newone" });
    expect(sameChannel.errors).toEqual({ [fieldId("channel")]: "该频道已被其他支部使用。" });
    const noBot = await chair.submitModal({
      ...values,
      [f("key")]: "newone",
      [f("channel")]: "G0NOBOT",
    });
    expect(noBot.errors?.[fieldId("channel")]).toContain("机器人无法在此频道发消息");
    expect({ branches: await branchRows(), audit: await t.db.prisma.auditLog.count() }).toEqual(
      before,
    );
    await chair.closeModal();

    await push("U0CHAIR", { blockId: undefined, actionId: ADMIN_ACTION.editSchedules });
    const late = await chair.submitModal({ [f("deadlineDay")]: "1", [f("deadlineTime")]: "08:00" });
    expect(late.outcome).toBe("errors");
    expect(late.errors?.[fieldId("deadlineDay")]).toContain("must come after the monthly reminder");
    (await import("node:fs")).writeFileSync(
      "/tmp/fail.json",
      JSON.stringify(t.emulator.calls.failures(), null, 1),
    );
    const followUps = await chair.submitModal({ [f("followUps")]: "on the third" });
    expect(followUps.errors?.[fieldId("followUps")]).toContain("3 09:00");
    await chair.closeModal();

    await push("U0CHAIR", { actionId: ADMIN_ACTION.editCommittee });
    const noAdmin = await chair.submitModal({ [f("admins")]: [] });
    expect(noAdmin.outcome).toBe("client_errors"); // Slack's own check: the field is required
    expect({ branches: await branchRows(), audit: await t.db.prisma.auditLog.count() }).toEqual(
      before,
    );
    await chair.closeModal();
  });

  it("when someone who is not an admin tries, then they are refused and nothing changes", async () => {
    const t = bot();
    const opened = t.emulator.calls.of("views.open").length;
    await t.slack.as("U0DEPUTY").slashCommand("/pbb", "admin", { channel: "C0COMMITTEE" });
    await expect
      .poll(() => t.slack.ephemeralsFor("U0DEPUTY").at(-1)?.text)
      .toContain("只有系统管理员");
    expect(t.emulator.calls.of("views.open")).toHaveLength(opened);

    // An admin opens a modal, loses the role, then submits: the server checks again.
    await openMenu("U0CHAIR");
    await push("U0CHAIR", { label: "新增支部" });
    const org = (await loadOrg(t.db))!;
    await writeOrg(
      t.db,
      { ...org, committee: { ...org.committee, admins: ["U0DEPUTY"] } },
      {
        actor: "test",
        source: "test",
      },
    );
    const before = { branches: await branchRows(), org: await exported() };
    const r = await t.slack.as("U0CHAIR").submitModal({
      [f("key")]: "sneaky",
      [f("name")]: "Sneaky",
      [f("channel")]: "C0VETERAN",
      [f("secretaries")]: ["U0E"],
    });
    expect(r.outcome).toBe("updated");
    expect(JSON.stringify(r.view?.blocks)).toContain("只有系统管理员");
    expect({ branches: await branchRows(), org: await exported() }).toEqual(before);
    // Back on the menu, a button is refused the same way: the menu turns into the refusal.
    await t.slack.as("U0CHAIR").closeModal();
    const updates = t.emulator.calls.of("views.update").length;
    await t.slack
      .as("U0CHAIR")
      .clickButton({ view: "modal", actionId: ADMIN_ACTION.editCommittee });
    await t.emulator.calls.waitFor("views.update", { count: updates + 1 });
    expect(JSON.stringify(t.slack.openView("U0CHAIR")?.blocks)).toContain("只有系统管理员");
    expect(t.emulator.calls.failures().map((c) => c.method)).toEqual(["conversations.info"]);
  });
});
