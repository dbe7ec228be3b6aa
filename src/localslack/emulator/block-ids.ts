import { randomBytes } from "node:crypto";
import type { Json } from "./types.ts";

function randomId(): string {
  return randomBytes(4).toString("base64url").slice(0, 5);
}

function withActionId(el: unknown): unknown {
  if (typeof el !== "object" || el === null || Array.isArray(el)) return el;
  const e = el as Json;
  if (typeof e.type !== "string" || ["plain_text", "mrkdwn", "image"].includes(e.type)) return e;
  return e.action_id === undefined ? { ...e, action_id: randomId() } : e;
}

/**
 * Slack stores every block with a block_id and every interactive element with an action_id,
 * generating random ones when the app gave none; payloads then carry those ids.
 */
export function assignIds(blocks: Json[]): Json[] {
  return blocks.map((b) => {
    const out: Json = { ...b, block_id: b.block_id ?? randomId() };
    if (Array.isArray(b.elements) && b.type === "actions")
      out.elements = b.elements.map(withActionId);
    if (b.accessory !== undefined) out.accessory = withActionId(b.accessory);
    if (b.element !== undefined) out.element = withActionId(b.element);
    return out;
  });
}
