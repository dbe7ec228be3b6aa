import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackEmulator, validateBlocks, validateView } from "../../src/localslack/index.ts";
import { api, startEmulator } from "./helpers.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const x = (n: number) => "x".repeat(n);
const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "section",
  text: { type: "mrkdwn", text },
  ...extra,
});
const button = (extra: Record<string, unknown> = {}) => ({
  type: "button",
  action_id: "b",
  text: plain("OK"),
  ...extra,
});
const actions = (elements: unknown[]) => ({ type: "actions", elements });
const option = (text: string, value = "v") => ({ text: plain(text), value });
const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "input",
  block_id: "in",
  label: plain("Label"),
  element: { action_id: "a", ...element },
  ...extra,
});
const modal = (extra: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("Task list"),
  submit: plain("Submit"),
  blocks: [section("hi")],
  ...extra,
});

/** [case, blocks, pointer fragment expected in the message] */
const messageCases: Array<[string, unknown[], string]> = [
  ["51 blocks", Array.from({ length: 51 }, () => ({ type: "divider" })), "/blocks"],
  ["section text of 3001", [section(x(3001))], "/blocks/0/text/text"],
  [
    "11 fields",
    [{ type: "section", fields: Array.from({ length: 11 }, () => plain("f")) }],
    "/blocks/0/fields",
  ],
  ["field of 2001", [{ type: "section", fields: [plain(x(2001))] }], "/blocks/0/fields/0/text"],
  ["header of 151", [{ type: "header", text: plain(x(151)) }], "/blocks/0/text/text"],
  [
    "mrkdwn header",
    [{ type: "header", text: { type: "mrkdwn", text: "*h*" } }],
    "/blocks/0/text/type",
  ],
  ["block_id of 256", [{ type: "divider", block_id: x(256) }], "/blocks/0/block_id"],
  [
    "duplicate block_id",
    [
      { type: "divider", block_id: "d" },
      { type: "divider", block_id: "d" },
    ],
    "/blocks/1/block_id",
  ],
  [
    "26 actions elements",
    [actions(Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })))],
    "/blocks/0/elements",
  ],
  ["duplicate action_id", [actions([button(), button()])], "/blocks/0/elements/1/action_id"],
  [
    "button text of 76",
    [actions([button({ text: plain(x(76)) })])],
    "/blocks/0/elements/0/text/text",
  ],
  ["button value of 2001", [actions([button({ value: x(2001) })])], "/blocks/0/elements/0/value"],
  ["button url of 3001", [actions([button({ url: x(3001) })])], "/blocks/0/elements/0/url"],
  [
    "action_id of 256",
    [actions([button({ action_id: x(256) })])],
    "/blocks/0/elements/0/action_id",
  ],
  [
    "input in actions",
    [actions([{ type: "plain_text_input", action_id: "t" }])],
    "/blocks/0/elements/0/type",
  ],
  ["unknown block type", [{ type: "carousel" }], "/blocks/0/type"],
  [
    "101 select options",
    [
      actions([
        {
          type: "static_select",
          action_id: "s",
          options: Array.from({ length: 101 }, (_, i) => option(`o${i}`, `v${i}`)),
        },
      ]),
    ],
    "/blocks/0/elements/0/options",
  ],
  [
    "option text of 76",
    [actions([{ type: "static_select", action_id: "s", options: [option(x(76))] }])],
    "/blocks/0/elements/0/options/0/text/text",
  ],
  [
    "option value of 151",
    [actions([{ type: "static_select", action_id: "s", options: [option("o", x(151))] }])],
    "/blocks/0/elements/0/options/0/value",
  ],
  [
    "11 checkboxes",
    [
      actions([
        {
          type: "checkboxes",
          action_id: "c",
          options: Array.from({ length: 11 }, (_, i) => option(`o${i}`, `v${i}`)),
        },
      ]),
    ],
    "/blocks/0/elements/0/options",
  ],
  [
    "confirm title of 101",
    [
      actions([
        button({
          confirm: {
            title: plain(x(101)),
            text: plain("t"),
            confirm: plain("y"),
            deny: plain("n"),
          },
        }),
      ]),
    ],
    "/blocks/0/elements/0/confirm/title/text",
  ],
  [
    "confirm deny of 31",
    [
      actions([
        button({
          confirm: { title: plain("t"), text: plain("t"), confirm: plain("y"), deny: plain(x(31)) },
        }),
      ]),
    ],
    "/blocks/0/elements/0/confirm/deny/text",
  ],
  [
    "placeholder of 151",
    [actions([{ type: "users_select", action_id: "u", placeholder: plain(x(151)) }])],
    "/blocks/0/elements/0/placeholder/text",
  ],
];

const viewCases: Array<[string, Record<string, unknown>, string]> = [
  ["title of 25", modal({ title: plain(x(25)) }), "/view/title/text"],
  ["submit of 25", modal({ submit: plain(x(25)) }), "/view/submit/text"],
  ["close of 25", modal({ close: plain(x(25)) }), "/view/close/text"],
  [
    "input without submit",
    modal({ submit: undefined, blocks: [input({ type: "plain_text_input" })] }),
    "/view/submit",
  ],
  ["private_metadata of 3001", modal({ private_metadata: x(3001) }), "/view/private_metadata"],
  ["callback_id of 256", modal({ callback_id: x(256) }), "/view/callback_id"],
  [
    "101 blocks",
    modal({ blocks: Array.from({ length: 101 }, () => ({ type: "divider" })) }),
    "/view/blocks",
  ],
  [
    "label of 2001",
    modal({ blocks: [input({ type: "plain_text_input" }, { label: plain(x(2001)) })] }),
    "/view/blocks/0/label/text",
  ],
  [
    "hint of 2001",
    modal({ blocks: [input({ type: "plain_text_input" }, { hint: plain(x(2001)) })] }),
    "/view/blocks/0/hint/text",
  ],
  [
    "max_length 3001",
    modal({ blocks: [input({ type: "plain_text_input", max_length: 3001 })] }),
    "/view/blocks/0/element/max_length",
  ],
  [
    "min_length > max_length",
    modal({ blocks: [input({ type: "plain_text_input", min_length: 10, max_length: 5 })] }),
    "/view/blocks/0/element/min_length",
  ],
  [
    "button as input element",
    modal({ blocks: [input({ type: "button", text: plain("b") })] }),
    "/view/blocks/0/element/type",
  ],
  [
    "file block in a modal",
    modal({ blocks: [{ type: "file", external_id: "f", source: "remote" }] }),
    "/view/blocks/0/type",
  ],
];

describe("Block Kit and surface limits", () => {
  let emulator: SlackEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it.each(messageCases)(
    "chat.postMessage refuses %s with invalid_blocks",
    async (_name, blocks, pointer) => {
      const { body } = await api(emulator, "chat.postMessage", {
        channel: "C0RESETTLE",
        text: "t",
        blocks,
      });
      expect(body.error).toBe("invalid_blocks");
      const messages = (body.response_metadata as { messages: string[] }).messages;
      expect(
        messages.some((m) => m.startsWith("[ERROR]") && m.includes(`[json-pointer:${pointer}]`)),
      ).toBe(true);
    },
  );

  it.each(viewCases)(
    "views.open refuses a modal with %s (invalid_arguments)",
    async (_name, view, pointer) => {
      const { body } = await api(emulator, "views.open", {
        trigger_id: emulator.mintTriggerId("U0SEC1"),
        view,
      });
      expect(body.error).toBe("invalid_arguments");
      const messages = (body.response_metadata as { messages: string[] }).messages;
      expect(messages.join("\n")).toContain(`[json-pointer:${pointer}]`);
    },
  );

  it("refuses a view over 250 kB with view_too_large", async () => {
    const blocks = Array.from({ length: 100 }, () => section(x(2900)));
    const { body } = await api(emulator, "views.publish", {
      user_id: "U0SEC1",
      view: { type: "home", blocks },
    });
    expect(body.error).toBe("view_too_large");
  });

  it("refuses blocks without a text fallback (project policy), and accepts them when strictText is off", async () => {
    const blocks = [section("hello")];
    const strict = await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", blocks });
    expect(strict.body.error).toBe("invalid_arguments");
    expect(JSON.stringify(strict.body.response_metadata)).toContain("text");

    emulator.setStrictText(false);
    const lax = await api(emulator, "chat.postMessage", { channel: "C0RESETTLE", blocks });
    emulator.setStrictText(true);
    expect(lax.body.ok).toBe(true);
  });

  it("answers msg_too_long above 40,000 characters on post and 4,000 on update", async () => {
    const long = await api(emulator, "chat.postMessage", {
      channel: "C0RESETTLE",
      text: x(40_001),
    });
    expect(long.body.error).toBe("msg_too_long");
    const posted = await api(emulator, "chat.postMessage", {
      channel: "C0RESETTLE",
      text: x(4001),
    });
    expect(posted.body.ok).toBe(true);
    const updated = await api(emulator, "chat.update", {
      channel: "C0RESETTLE",
      ts: posted.body.ts,
      text: x(4001),
    });
    expect(updated.body.error).toBe("msg_too_long");
  });

  it("exports the validators for reuse", () => {
    expect(validateBlocks([section("ok"), { type: "divider" }], "message")).toEqual([]);
    expect(validateView(modal())).toBeUndefined();
    expect(validateBlocks([{ type: "header", text: plain(x(151)) }], "message")).toEqual([
      { pointer: "/blocks/0/text/text", message: "must be less than 151 characters" },
    ]);
  });
});
