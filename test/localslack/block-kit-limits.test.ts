/**
 * The local Slack's Block Kit checks against Slack's documented numbers
 * (test/fixtures/slack/block-kit-limits.json, each with its page), not against its own
 * constants: for each limit, an example exactly at it is accepted and one past it refused.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateBlocks, validateView } from "../../src/localslack/index.ts";

const documented = JSON.parse(
  readFileSync(new URL("../fixtures/slack/block-kit-limits.json", import.meta.url), "utf8"),
) as { _source: string; limits: Record<string, { max: number; source: string }> };

const plain = (text: string) => ({ type: "plain_text", text });
const x = (n: number) => "x".repeat(n);
const section = (text = "s") => ({ type: "section", text: { type: "mrkdwn", text } });
const button = (text = "OK", value = "v") => ({
  type: "button",
  action_id: "b",
  text: plain(text),
  value,
});
const options = (n: number, text = "o", value?: string) =>
  Array.from({ length: n }, (_, i) => ({ text: plain(`${text}`), value: value ?? `v${i}` }));
const select = (opts: unknown[]) => ({
  type: "actions",
  elements: [{ type: "static_select", action_id: "s", options: opts }],
});
const modal = (extra: Record<string, unknown>) => ({
  type: "modal",
  title: plain("Title"),
  submit: plain("Submit"),
  blocks: [section()],
  ...extra,
});

/** For each documented limit: the message blocks / view built at a size. */
const EXAMPLES: Record<string, (n: number) => { blocks?: unknown[]; view?: unknown }> = {
  messageBlocks: (n) => ({ blocks: Array.from({ length: n }, () => section()) }),
  viewBlocks: (n) => ({ view: modal({ blocks: Array.from({ length: n }, () => section()) }) }),
  sectionText: (n) => ({ blocks: [section(x(n))] }),
  sectionFields: (n) => ({
    blocks: [{ type: "section", fields: Array.from({ length: n }, () => plain("f")) }],
  }),
  headerText: (n) => ({ blocks: [{ type: "header", text: plain(x(n)) }] }),
  actionsElements: (n) => ({
    blocks: [
      {
        type: "actions",
        elements: Array.from({ length: n }, (_, i) => ({ ...button(), action_id: `b${i}` })),
      },
    ],
  }),
  buttonText: (n) => ({ blocks: [{ type: "actions", elements: [button(x(n))] }] }),
  buttonValue: (n) => ({ blocks: [{ type: "actions", elements: [button("OK", x(n))] }] }),
  staticSelectOptions: (n) => ({ blocks: [select(options(n))] }),
  optionText: (n) => ({ blocks: [select(options(1, x(n)))] }),
  optionValue: (n) => ({ blocks: [select(options(1, "o", x(n)))] }),
  plainTextInputMaxLength: (n) => ({
    view: modal({
      blocks: [
        {
          type: "input",
          block_id: "in",
          label: plain("Label"),
          element: { type: "plain_text_input", action_id: "a", max_length: n },
        },
      ],
    }),
  }),
  modalTitle: (n) => ({ view: modal({ title: plain(x(n)) }) }),
  modalSubmit: (n) => ({ view: modal({ submit: plain(x(n)) }) }),
  privateMetadata: (n) => ({ view: modal({ private_metadata: x(n) }) }),
};

function refused(example: { blocks?: unknown[]; view?: unknown }): boolean {
  if (example.view !== undefined) return validateView(example.view) !== undefined;
  return validateBlocks(example.blocks, "message").length > 0;
}

describe("Block Kit limits as Slack documents them", () => {
  it("every documented limit names its page and has an example here", () => {
    expect(documented._source).toMatch(/SLACK-PLATFORM\.md/);
    for (const [name, limit] of Object.entries(documented.limits)) {
      expect(limit.source, name).toMatch(/^https:\/\/docs\.slack\.dev\//);
      expect(EXAMPLES[name], name).toBeDefined();
    }
  });

  it.each(Object.entries(documented.limits))(
    "%s: accepted at the limit, refused past it",
    (name, { max }) => {
      const build = EXAMPLES[name]!;
      expect(refused(build(max)), `${name} at ${max}`).toBe(false);
      expect(refused(build(max + 1)), `${name} at ${max + 1}`).toBe(true);
    },
  );

  it("Slack's own documented example blocks pass (section with a button accessory, header, actions)", () => {
    // The examples of https://docs.slack.dev/reference/block-kit/blocks/section-block and
    // .../header-block and .../actions-block (copied in SLACK-PLATFORM.md's sources).
    const blocks = [
      { type: "header", text: { type: "plain_text", text: "Budget Performance" } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "This is a section block with a button." },
        accessory: {
          type: "button",
          text: { type: "plain_text", text: "Click Me", emoji: true },
          value: "click_me_123",
          action_id: "button-action",
        },
      },
      {
        type: "actions",
        block_id: "actionblock789",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Primary Button" },
            style: "primary",
            value: "click_me_456",
            action_id: "primary",
          },
          {
            type: "button",
            text: { type: "plain_text", text: "Link Button" },
            url: "https://api.slack.com/block-kit/building",
            action_id: "link",
          },
        ],
      },
    ];
    expect(validateBlocks(blocks, "message")).toEqual([]);
  });
});
