/**
 * Who may not do what: each refused action is answered privately, in the org's language,
 * saying why, and changes nothing in the store (no list state, revision, decision, audit entry
 * or message).
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { applyOrgText } from "../../src/services/org/apply-org.ts";
import { slackResolver } from "../../src/services/org/resolver.ts";
import { listModalMetadata } from "../../src/slack/views/tasklist/index.ts";
import { EXAMPLE_ORG, useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import {
  field,
  listOf,
  runJob,
  settle,
  storedState,
  waitAny,
  waitCall,
} from "./round-trip-helpers.ts";

const NOT_ALLOWED = "无法执行此操作：";

describe.each(STORES)("refused task-list actions (%s)", (store) => {
  const bot = useTestBot({
    store,
    now: "2026-12-02T02:00:00Z",
    setUp: async (t) => {
      await runJob(t, "monthly-reminder", "2026-12-01T09:00");
      await settle(t);
    },
  });

  /** Runs `act`, waits for the private answer to `user`, checks it and that nothing changed. */
  async function expectRefused(
    user: string,
    reason: string,
    act: () => Promise<unknown>,
    via: "response_url" | "chat.postEphemeral" = "response_url",
  ) {
    await settle(bot());
    const before = await storedState(bot().db);
    const seen = bot().emulator.calls.of(via).length;
    await act();
    const answer = await waitAny(bot(), via, () => true, seen + 1);
    expect(answer.args.text).toBe(`${NOT_ALLOWED}${reason}`);
    if (via === "response_url") {
      expect(answer.args).toMatchObject({ response_type: "ephemeral", replace_original: false });
    } else {
      expect(answer.args.user).toBe(user);
    }
    expect(bot().slack.ephemeralsFor(user).at(-1)?.text).toBe(`${NOT_ALLOWED}${reason}`);
    await settle(bot());
    expect(await storedState(bot().db)).toEqual(before);
  }

  /** Opens the modal as the secretary and fills one valid item. */
  async function openFilledModal(user: string, channel: string) {
    const opened = bot().emulator.calls.of("views.open").length;
    await bot().slack.as(user).clickButton({ channel, label: "填报任务清单" });
    await bot().emulator.calls.waitFor("views.open", { count: opened + 1 });
    return bot()
      .slack.as(user)
      .fill({
        [field(0, "title")]: "学习党章",
        [field(0, "category")]: "THEORY_STUDY",
      });
  }

  it("a branch member may not open or submit the list", async () => {
    const t = bot();
    await expectRefused("U0A", "只有本支部书记可以报送或修改本支部清单。", () =>
      t.slack.as("U0A").clickButton({ channel: "C0RESETTLE", label: "填报任务清单" }),
    );
    expect(t.slack.openView("U0A")).toBeUndefined();
    // Even holding the secretary's modal, the member's submission is refused.
    const view = await openFilledModal("U0SEC1", "C0RESETTLE");
    t.emulator.workspace.modalStacks.set("U0A", [{ ...view }]);
    await expectRefused(
      "U0A",
      "只有本支部书记可以报送或修改本支部清单。",
      () => t.slack.as("U0A").submitModal(),
      "chat.postEphemeral",
    );
    // Closing it keeps what the secretary typed as a draft (written after the close).
    await t.slack.as("U0SEC1").closeModal();
    await expect.poll(() => t.db.prisma.listDraft.count()).toBe(1);
  });

  it("a secretary of another branch may not open its list", async () => {
    const t = bot();
    await expectRefused("U0SEC2", "只有本支部书记可以报送或修改本支部清单。", () =>
      t.slack.as("U0SEC2").clickButton({ channel: "C0RESETTLE", label: "填报任务清单" }),
    );
    expect(t.slack.openView("U0SEC2")).toBeUndefined();
  });

  it("a forged private_metadata naming another branch's list is refused", async () => {
    const t = bot();
    const services = await listOf(t.db, "services", "2026-12");
    const view = await openFilledModal("U0SEC1", "C0RESETTLE");
    const forge = (branchKey: string) =>
      listModalMetadata({
        listId: services.id,
        branchKey,
        period: "2026-12",
        revision: 0,
        rows: [0],
        nextRow: 1,
      });
    view.private_metadata = forge("services");
    await expectRefused(
      "U0SEC1",
      "只有本支部书记可以报送或修改本支部清单。",
      () => t.slack.as("U0SEC1").submitModal(),
      "chat.postEphemeral",
    );
    const again = await openFilledModal("U0SEC1", "C0RESETTLE");
    again.private_metadata = forge("resettlement");
    await expectRefused(
      "U0SEC1",
      "该消息或表单已过期，请从最新消息重新打开清单。",
      () => t.slack.as("U0SEC1").submitModal(),
      "chat.postEphemeral",
    );
    expect((await listOf(t.db, "services", "2026-12")).state).toBe("DRAFT");
  });

  it("someone not on the committee may not approve or return", async () => {
    const t = bot();
    await openFilledModal("U0SEC1", "C0RESETTLE");
    expect((await t.slack.as("U0SEC1").submitModal()).outcome).toBe("closed");
    await waitCall(t, "chat.postMessage", "C0COMMITTEE");
    for (const user of ["U0A", "U0SEC1"]) {
      for (const label of ["通过", "退回"]) {
        await expectRefused(user, "只有机关党委委员可以审核或退回清单。", () =>
          t.slack.as(user).clickButton({ channel: "C0COMMITTEE", label }),
        );
      }
    }
    expect(t.slack.openView("U0A")).toBeUndefined();
  });

  it("a committee member may not decide on the list of a branch they are secretary of", async () => {
    const t = bot();
    await openFilledModal("U0DEPUTY", "C0OFFICE");
    expect((await t.slack.as("U0DEPUTY").submitModal()).outcome).toBe("closed");
    const office = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => String(c.args.text).includes("机关综合党支部"),
    });
    const messageTs = String(office.response?.ts);
    for (const label of ["通过", "退回"]) {
      await expectRefused("U0DEPUTY", "您是该支部书记，须由其他机关党委委员审核。", () =>
        t.slack.as("U0DEPUTY").clickButton({ channel: "C0COMMITTEE", messageTs, label }),
      );
    }
    expect(t.slack.openView("U0DEPUTY")).toBeUndefined();
  });

  it("four eyes by person: whoever submitted the revision may not decide it, even after losing the role", async () => {
    const t = bot();
    // U0DEPUTY submitted the office branch's list above, then stops being its secretary.
    const orgText = (await readFile(EXAMPLE_ORG, "utf8")).replace(
      "secretaries: [U0DEPUTY]",
      "secretaries: [U0F]",
    );
    expect(orgText).toContain("secretaries: [U0F]");
    const applied = await applyOrgText(t.db, slackResolver(t.bot.ctx.client), orgText, "org.yml", {
      actor: "test",
      source: "test",
    });
    expect(applied.status).not.toBe("invalid");
    const office = t.emulator.calls
      .of("chat.postMessage")
      .find(
        (c) => c.args.channel === "C0COMMITTEE" && String(c.args.text).includes("机关综合党支部"),
      );
    const messageTs = String(office?.response?.ts);
    for (const label of ["通过", "退回"]) {
      await expectRefused("U0DEPUTY", "该版本由您报送，须由其他机关党委委员审核。", () =>
        t.slack.as("U0DEPUTY").clickButton({ channel: "C0COMMITTEE", messageTs, label }),
      );
    }
    expect(t.slack.openView("U0DEPUTY")).toBeUndefined();
    expect((await listOf(t.db, "office", "2026-12")).state).toBe("SUBMITTED");
  });

  it("approving a list already approved is refused (a stale message)", async () => {
    const t = bot();
    const resettle = t.emulator.calls
      .of("chat.postMessage")
      .find((c) => c.args.channel === "C0COMMITTEE" && String(c.args.text).includes("移交安置处"));
    const ts = String(resettle?.response?.ts);
    const stale = structuredClone(t.emulator.workspace.message("C0COMMITTEE", ts)?.blocks);
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "通过" });
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => c.args.ts === ts && String(c.args.text).includes("已审核通过"),
    });
    // Someone whose Slack still shows the old buttons clicks Approve.
    const message = t.emulator.workspace.message("C0COMMITTEE", ts);
    if (message && stale) message.blocks = stale;
    await expectRefused("U0COMM3", "该版本已审核。", () =>
      t.slack.as("U0COMM3").clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "通过" }),
    );
    const list = await listOf(t.db, "resettlement", "2026-12");
    expect(list.revisions[0]?.decisions).toEqual([
      expect.objectContaining({ kind: "APPROVED", decidedBy: "U0CHAIR" }),
    ]);
  });
});
