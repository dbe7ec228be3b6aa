import { readFileSync } from "node:fs";
import { isValidSlackRequest } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver, type SlackDriver, type SlackEmulator } from "../../src/localslack/index.ts";
import { type Captured, startCapture } from "./capture.ts";
import { documentedEventCallback, fixture } from "./documented.ts";
import { SIGNING_SECRET, startEmulator } from "./helpers.ts";
import { shapeDiff } from "./shape.ts";

/** Content chosen by the app (blocks, typed values) is not part of the payload's shape. */
const CONTENT = ["message.blocks", "view.blocks", "view.state.values", "view.title", "view.submit"];

function payloadOf(c: Captured): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(c.body).get("payload") ?? "{}");
}

describe("payloads sent to the app match Slack's documented examples", () => {
  let emulator: SlackEmulator;
  let capture: Awaited<ReturnType<typeof startCapture>>;
  let slack: SlackDriver;
  let client: WebClient;

  beforeAll(async () => {
    emulator = await startEmulator();
    capture = await startCapture((c) =>
      c.body.includes("view_submission") ? { status: 200 } : { status: 200 },
    );
    slack = createDriver({ emulator, appUrl: capture.url, signingSecret: SIGNING_SECRET });
    client = new WebClient(emulator.workspace.bot.token, {
      slackApiUrl: emulator.url,
      retryConfig: { retries: 0 },
    });
  });

  afterAll(async () => {
    await capture.stop();
    await emulator.stop();
  });

  it("block_actions: exact form content type, one payload field, valid v0 signature, documented keys", async () => {
    await client.chat.postMessage({
      channel: "C0RESETTLE",
      text: "Approve?",
      blocks: [
        {
          type: "actions",
          block_id: "actionblock789",
          elements: [
            {
              type: "button",
              action_id: "approve",
              text: { type: "plain_text", text: "Approve" },
              value: "v",
            },
          ],
        },
      ],
    });

    await slack.as("U0SEC1").clickButton({ channel: "C0RESETTLE", label: "Approve" });

    const req = capture.requests.at(-1) as Captured;
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(req.body).keys()]).toEqual(["payload"]);
    expect(
      isValidSlackRequest({
        signingSecret: SIGNING_SECRET,
        body: req.body,
        headers: {
          "x-slack-signature": String(req.headers["x-slack-signature"]),
          "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
        },
      }),
    ).toBe(true);
    const payload = payloadOf(req);
    expect(shapeDiff(fixture("block_actions.json"), payload, CONTENT)).toEqual([]);
    expect(String(payload.response_url)).toMatch(new RegExp(`^${emulator.baseUrl}/response/`));
    expect(String(payload.trigger_id)).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
  });

  it("view_submission: documented keys, state.values from typed values", async () => {
    await client.views.open({
      trigger_id: emulator.mintTriggerId("U0SEC1"),
      view: {
        type: "modal",
        callback_id: "modal-with-inputs",
        title: { type: "plain_text", text: "Modal with inputs" },
        submit: { type: "plain_text", text: "Submit" },
        blocks: [
          {
            type: "input",
            block_id: "multi-line",
            label: { type: "plain_text", text: "Enter your value" },
            element: { type: "plain_text_input", action_id: "ml-value", multiline: true },
          },
          {
            type: "input",
            block_id: "when",
            label: { type: "plain_text", text: "Date" },
            element: { type: "datepicker", action_id: "date" },
          },
          {
            type: "input",
            block_id: "who",
            label: { type: "plain_text", text: "Speakers" },
            element: { type: "multi_users_select", action_id: "users" },
          },
          {
            type: "input",
            block_id: "kind",
            label: { type: "plain_text", text: "Kind" },
            element: {
              type: "checkboxes",
              action_id: "boxes",
              options: [
                { text: { type: "plain_text", text: "Study" }, value: "study" },
                { text: { type: "plain_text", text: "Service" }, value: "service" },
              ],
            },
          },
        ],
      },
    });

    const result = await slack.as("U0SEC1").submitModal({
      "multi-line.ml-value": "This is my example inputted value",
      Date: "2026-12-01",
      who: ["U0SEC1", "U0MEM1"],
      Kind: ["Service"],
    });

    expect(result.outcome).toBe("closed");
    const payload = payloadOf(capture.requests.at(-1) as Captured);
    expect(shapeDiff(fixture("view_submission.json"), payload, CONTENT)).toEqual([]);
    expect((payload.view as { state: unknown }).state).toEqual({
      values: {
        "multi-line": {
          "ml-value": { type: "plain_text_input", value: "This is my example inputted value" },
        },
        when: { date: { type: "datepicker", selected_date: "2026-12-01" } },
        who: { users: { type: "multi_users_select", selected_users: ["U0SEC1", "U0MEM1"] } },
        kind: {
          boxes: {
            type: "checkboxes",
            selected_options: [{ text: { type: "plain_text", text: "Service" }, value: "service" }],
          },
        },
      },
    });
  });

  it("view_closed: documented keys, sent only for a view that asked for notify_on_close", async () => {
    await client.views.open({
      trigger_id: emulator.mintTriggerId("U0SEC1"),
      view: {
        type: "modal",
        callback_id: "modal-with-inputs",
        notify_on_close: true,
        private_metadata: "shhh-its-secret",
        title: { type: "plain_text", text: "Modal with inputs" },
        submit: { type: "plain_text", text: "Submit" },
        close: { type: "plain_text", text: "Cancel" },
        blocks: [
          {
            type: "input",
            block_id: "multi-line",
            label: { type: "plain_text", text: "Enter your value" },
            element: { type: "plain_text_input", action_id: "ml-value", multiline: true },
          },
        ],
      },
    });
    const before = capture.requests.length;

    await slack.as("U0SEC1").closeModal();

    expect(capture.requests.length).toBe(before + 1);
    const payload = payloadOf(capture.requests.at(-1) as Captured);
    expect(shapeDiff(fixture("view_closed.json"), payload, CONTENT)).toEqual([]);
    expect(payload).toMatchObject({
      type: "view_closed",
      is_cleared: false,
      user: { id: "U0SEC1" },
      view: { callback_id: "modal-with-inputs", private_metadata: "shhh-its-secret" },
    });
  });

  it("slash command: form fields as documented (enterprise fields only on Grid)", async () => {
    await slack.as("U0SEC1").slashCommand("/pbb", "status", { channel: "C0RESETTLE" });

    const req = capture.requests.at(-1) as Captured;
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const sent = [...new URLSearchParams(req.body).keys()];
    const documented = [
      ...new URLSearchParams(
        readFileSync(
          new URL("../fixtures/slack/slash_command.txt", import.meta.url),
          "utf8",
        ).trim(),
      ).keys(),
    ];
    expect(sent).toEqual(
      expect.arrayContaining(documented.filter((k) => !k.startsWith("enterprise_"))),
    );
    expect(Object.fromEntries(new URLSearchParams(req.body))).toMatchObject({
      command: "/pbb",
      text: "status",
      channel_id: "C0RESETTLE",
      channel_name: "branch-resettle",
      user_id: "U0SEC1",
      user_name: "sec1",
    });
  });

  it("event_callback: JSON envelope with authorizations", async () => {
    await slack.as("U0SEC1").openAppHome();

    const req = capture.requests.at(-1) as Captured;
    expect(req.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(req.body);
    expect(shapeDiff(documentedEventCallback(), body)).toEqual([]);
    expect(body.authorizations[0]).toMatchObject({
      user_id: "U0BOT",
      is_bot: true,
      team_id: "T0LOCAL",
    });
  });

  it("chat.postMessage response has the documented keys (legacy attachments/username aside)", async () => {
    const res = await client.chat.postMessage({
      channel: "C0RESETTLE",
      text: "Here's a message for you",
    });
    const documented = fixture("chat_postMessage_response.json") as {
      message: Record<string, unknown>;
    };
    for (const legacy of ["username", "attachments", "subtype"]) delete documented.message[legacy];
    expect(shapeDiff(documented, res)).toEqual([]);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
  });
});
