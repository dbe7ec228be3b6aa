/** Slack's documented limits, checked over a whole message or modal. */
import type { KnownBlock, ModalView } from "@slack/types";
import { expect } from "vitest";

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

function walk(node: Json, visit: (obj: { [key: string]: Json }) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === "object") {
    visit(node);
    for (const child of Object.values(node)) walk(child, visit);
  }
}

const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

function checkBlocks(blocks: KnownBlock[]): void {
  for (const block of blocks) {
    if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === "section" && block.text)
      expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === "actions") expect(block.elements.length).toBeLessThanOrEqual(25);
    if (block.type === "context") expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  walk(asJson(blocks), (obj) => {
    if (typeof obj.action_id === "string") expect(obj.action_id.length).toBeLessThanOrEqual(255);
    if (typeof obj.block_id === "string") expect(obj.block_id.length).toBeLessThanOrEqual(255);
    if (obj.type === "button") {
      const text = obj.text as { text: string };
      expect(text.text.length).toBeLessThanOrEqual(75);
      // Button values carry ids only.
      if (obj.value !== undefined) expect(String(obj.value)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
    if (Array.isArray(obj.options)) {
      expect(obj.options.length).toBeLessThanOrEqual(100);
      for (const o of obj.options as { text: { text: string } }[])
        expect(o.text.text.length).toBeLessThanOrEqual(75);
    }
  });
}

export function expectValidMessage(m: { text: string; blocks: KnownBlock[] }): void {
  expect(m.text.trim().length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(4000);
  expect(m.blocks.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(50);
  checkBlocks(m.blocks);
}

export function expectValidModal(v: ModalView): void {
  expect(v.type).toBe("modal");
  expect(v.callback_id).toBeTruthy();
  expect([...v.title.text].length).toBeLessThanOrEqual(24);
  if (v.submit) expect([...v.submit.text].length).toBeLessThanOrEqual(24);
  if (v.close) expect([...v.close.text].length).toBeLessThanOrEqual(24);
  expect(v.blocks.length).toBeLessThanOrEqual(100);
  expect((v.private_metadata ?? "").length).toBeLessThanOrEqual(3000);
  checkBlocks(v.blocks as KnownBlock[]);
}

/** Every user mentioned anywhere in a message. */
export function mentionedUsers(m: unknown): string[] {
  return [...new Set([...JSON.stringify(m).matchAll(/<@([A-Z0-9]+)>/g)].map((x) => x[1]!))];
}
