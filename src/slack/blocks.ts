/**
 * Small typed constructors for Block Kit. Builders compose these into whole surfaces; each
 * returns the `@slack/types` type Slack validates against, so a mistake is a type error.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from "@slack/types";
import type { MessageKey, Translator } from "../i18n/index.ts";

export type { KnownBlock };

export const plain = (text: string, emoji = true): PlainTextElement => ({
  type: "plain_text",
  text,
  emoji,
});
export const mrkdwn = (text: string): MrkdwnElement => ({ type: "mrkdwn", text });

export const header = (text: string): HeaderBlock => ({
  type: "header",
  text: plain(truncate(text, 150)),
});
export const divider = (): DividerBlock => ({ type: "divider" });

export function section(text: string, extra: Partial<SectionBlock> = {}): SectionBlock {
  return { type: "section", text: mrkdwn(truncate(text, 3000)), ...extra };
}

export function fields(pairs: readonly string[]): SectionBlock {
  return { type: "section", fields: pairs.slice(0, 10).map((f) => mrkdwn(truncate(f, 2000))) };
}

export const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts.slice(0, 10).map((text) => mrkdwn(text)),
});

export interface ButtonOptions {
  value?: string;
  style?: "primary" | "danger";
  url?: string;
}

export function button(text: string, actionId: string, options: ButtonOptions = {}): Button {
  const b: Button = { type: "button", text: plain(truncate(text, 75)), action_id: actionId };
  if (options.value !== undefined) b.value = options.value;
  if (options.style) b.style = options.style;
  if (options.url) b.url = options.url;
  return b;
}

export function actions(
  blockId: string | undefined,
  elements: ActionsBlock["elements"],
): ActionsBlock {
  const block: ActionsBlock = { type: "actions", elements };
  if (blockId) block.block_id = blockId;
  return block;
}

export const option = (text: string, value: string): PlainTextOption => ({
  text: plain(truncate(text, 75)),
  value,
});

export function input(
  blockId: string,
  label: string,
  element: InputBlock["element"],
  extra: Partial<InputBlock> = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(truncate(label, 2000)),
    element,
    ...extra,
  };
}

/** Slack rejects over-long texts; cut with an ellipsis rather than fail the whole message. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A user mention that Slack renders as the person's name. */
export const mention = (userId: string): string => `<@${userId}>`;
export const channelLink = (channelId: string): string => `<#${channelId}>`;

/**
 * A modal view, the one shape every feature's modals share: its callback, title, buttons' labels
 * (`submit` null: a read-only modal with only the close button), private_metadata and blocks.
 */
export function modalView(v: {
  callbackId: string;
  title: string;
  submit: string | null;
  close: string;
  metadata: string;
  blocks: KnownBlock[];
}): ModalView {
  return {
    type: "modal",
    callback_id: v.callbackId,
    title: plain(v.title),
    ...(v.submit ? { submit: plain(v.submit) } : {}),
    close: plain(v.close),
    private_metadata: v.metadata,
    blocks: v.blocks,
  };
}

/** A feature's modals: the same submit and close labels (catalog keys), the rest per modal. */
export const featureModal =
  (submitKey: MessageKey, closeKey: MessageKey) =>
  (
    callbackId: string,
    title: string,
    metadata: string,
    blocks: KnownBlock[],
    t: Translator,
  ): ModalView =>
    modalView({ callbackId, title, submit: t(submitKey), close: t(closeKey), metadata, blocks });
