/** Reading Block Kit JSON (stored as plain objects) without `any`. */
import type { Json } from "../../localslack/index.ts";

export type { Json };

export const isObj = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const obj = (v: unknown): Json | undefined => (isObj(v) ? v : undefined);

export const objs = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** A text object ({type: plain_text|mrkdwn, text}) or undefined. */
export interface TextObject {
  type: "plain_text" | "mrkdwn";
  text: string;
}

export function textObject(v: unknown): TextObject | undefined {
  const o = obj(v);
  const text = str(o?.text);
  if (!o || text === undefined) return undefined;
  return { type: o.type === "mrkdwn" ? "mrkdwn" : "plain_text", text };
}

/** The visible text of a text object (plain, as typed). */
export const plainOf = (v: unknown): string => textObject(v)?.text ?? "";
