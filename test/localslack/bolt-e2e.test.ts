import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver, type SlackDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { createBoltApp, listen, SIGNING_SECRET, startEmulator } from "./helpers.ts";

const listModal = {
  type: "modal" as const,
  callback_id: "list_modal",
  title: { type: "plain_text" as const, text: "Monthly task list" },
  submit: { type: "plain_text" as const, text: "Submit" },
  private_metadata: "C0RESETTLE",
  blocks: [
    {
      type: "input" as const,
      block_id: "title_block",
      label: { type: "plain_text" as const, text: "Title" },
      element: { type: "plain_text_input" as const, action_id: "title_input" },
    },
    {
      type: "input" as const,
      block_id: "month_block",
      label: { type: "plain_text" as const, text: "Month" },
      element: {
        type: "static_select" as const,
        action_id: "month_select",
        options: [
          { text: { type: "plain_text" as const, text: "November" }, value: "2026-11" },
          { text: { type: "plain_text" as const, text: "December" }, value: "2026-12" },
        ],
      },
    },
  ],
};

describe("a real Bolt app driven through the local Slack (HTTP)", () => {
  let emulator: SlackEmulator;
  let app: App;
  let slack: SlackDriver;
  let appBase = "";
  const submitted: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    app = createBoltApp(emulator, {
      customRoutes: [
        {
          path: "/healthz",
          method: ["GET"],
          handler: (_req, res) => {
            res.writeHead(200);
            res.end("ok");
          },
        },
      ],
    });
    app.action<BlockAction<ButtonAction>>("submit_list", async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: listModal });
      await client.chat.postMessage({
        channel: body.channel?.id ?? "",
        thread_ts: body.message?.ts,
        text: `<@${body.user.id}> is filling in the list`,
      });
    });
    app.view("list_modal", async ({ ack, view }) => {
      const title = view.state.values.title_block?.title_input?.value ?? "";
      if (title.length < 5) {
        await ack({ response_action: "errors", errors: { title_block: "Title is too short" } });
        return;
      }
      submitted.push({
        title,
        month: view.state.values.month_block?.month_select?.selected_option?.value,
        channel: view.private_metadata,
      });
      await ack();
    });
    app.command("/pbb", async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `status for ${command.channel_name}: ${command.text}` });
    });
    const base = await listen(app);
    appBase = base;
    slack = createDriver({
      emulator,
      appUrl: `${base}/slack/events`,
      signingSecret: SIGNING_SECRET,
    });
  });

  afterAll(async () => {
    await app.stop();
    await emulator.stop();
  });

  it("when a secretary clicks a button, then Bolt opens the modal and posts in the thread", async () => {
    const posted = await app.client.chat.postMessage({
      channel: "C0RESETTLE",
      text: "Please submit the monthly task list",
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "Please submit the *monthly* task list" },
        },
        {
          type: "actions",
          block_id: "list_actions",
          elements: [
            {
              type: "button",
              action_id: "submit_list",
              text: { type: "plain_text", text: "Submit list" },
              style: "primary",
              value: "2026-11",
            },
          ],
        },
      ],
    });
    expect(posted.ok).toBe(true);

    const click = await slack
      .as("U0SEC1")
      .clickButton({ channel: "C0RESETTLE", label: "Submit list" });

    expect(click.status).toBe(200);
    // Bolt acks first and calls the Web API afterwards.
    await emulator.calls.waitFor("chat.postMessage", { count: 2 });
    expect(click.payload).toMatchObject({
      type: "block_actions",
      actions: [{ action_id: "submit_list", block_id: "list_actions", value: "2026-11" }],
    });
    expect(slack.openView("U0SEC1")?.callback_id).toBe("list_modal");
    const reply = slack.thread("C0RESETTLE", String(posted.ts)).at(-1);
    expect(reply?.text).toBe("<@U0SEC1> is filling in the list");
    expect(emulator.calls.last("views.open")?.response).toMatchObject({ ok: true });
  });

  it("when the modal is submitted with a short title, then the field error comes back and the view stays", async () => {
    const result = await slack.as("U0SEC1").submitModal({
      "title_block.title_input": "abc",
      Month: "November",
    });

    expect(result.outcome).toBe("errors");
    expect(result.errors).toEqual({ title_block: "Title is too short" });
    expect(slack.openView("U0SEC1")?.callback_id).toBe("list_modal");
  });

  it("when the modal is submitted with valid values, then the view closes and the app saw state.values", async () => {
    const result = await slack
      .as("U0SEC1")
      .submitModal({ Title: "Study session plan", Month: "2026-12" });

    expect(result.outcome).toBe("closed");
    expect(slack.openView("U0SEC1")).toBeUndefined();
    expect(submitted).toEqual([
      { title: "Study session plan", month: "2026-12", channel: "C0RESETTLE" },
    ]);
  });

  it("when a slash command responds through response_url, then the user sees an ephemeral", async () => {
    const res = await slack.as("U0SEC1").slashCommand("/pbb", "status", { channel: "C0RESETTLE" });

    expect(res.status).toBe(200);
    await emulator.calls.waitFor("response_url");
    const eph = slack.ephemeralsFor("U0SEC1", "C0RESETTLE").at(-1);
    expect(eph?.text).toBe("status for branch-resettle: status");
    expect(eph?.source).toBe("response_url");
  });

  it("when requests are unsigned, wrongly signed or 6 minutes old, then Bolt answers 401", async () => {
    const payload = { type: "shortcut", callback_id: "x" };
    for (const signing of ["none", "wrong", "stale"] as const) {
      const d = await slack.deliver("interactive", payload, { signing });
      expect(d.status, signing).toBe(401);
    }
  });

  it("answers url_verification with the challenge", async () => {
    const d = await slack.urlVerification("challenge-123");
    expect(d.status).toBe(200);
    expect(d.body).toEqual({ challenge: "challenge-123" });
  });

  it("uploads a file with filesUploadV2 through the three-step flow", async () => {
    await app.client.filesUploadV2({
      channel_id: "C0RESETTLE",
      filename: "report.csv",
      content: "branch,done\nresettle,3\n",
      initial_comment: "Monthly report",
    });

    expect(emulator.calls.of("files.getUploadURLExternal")).toHaveLength(1);
    expect(emulator.calls.last("upload")?.args).toMatchObject({ bytes: 23 });
    expect(emulator.calls.last("files.completeUploadExternal")?.response).toMatchObject({
      ok: true,
    });
    const msg = slack.lastMessage("C0RESETTLE");
    expect(msg?.text).toBe("Monthly report");
    expect(msg?.files).toHaveLength(1);
  });

  it("serves the app's custom routes next to the Slack endpoint", async () => {
    const res = await fetch(`${appBase}/healthz`);
    expect(await res.text()).toBe("ok");
  });
});
