import { errorWithMessages, missingArgument } from "./errors.ts";
import type { Json } from "./types.ts";

/** Arguments of one Web API call, as parsed from a form, JSON or multipart body. */
export type Args = Record<string, unknown>;

export function optString(args: Args, name: string): string | undefined {
  const v = args[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

export function reqString(args: Args, name: string): string {
  const v = optString(args, name);
  if (v === undefined || v === "") throw missingArgument(name);
  return v;
}

export function optBool(args: Args, name: string): boolean | undefined {
  const v = args[name];
  if (v === undefined || v === null || v === "") return undefined;
  return v === true || v === "true" || v === "1" || v === 1;
}

export function optInt(args: Args, name: string): number | undefined {
  const v = optString(args, name);
  if (v === undefined || v === "") return undefined;
  const n = Number.parseInt(v, 10);
  if (Number.isNaN(n)) {
    throw errorWithMessages("invalid_arguments", [
      `[ERROR] must be an integer [json-pointer:/${name}]`,
    ]);
  }
  return n;
}

/**
 * Objects (blocks, view, metadata, files) arrive as JSON strings in form bodies and as real
 * values in JSON bodies; accept both.
 */
export function optJson(args: Args, name: string, formatError: string): unknown {
  const v = args[name];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    throw errorWithMessages(formatError, [`[ERROR] invalid JSON [json-pointer:/${name}]`]);
  }
}

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Comma-separated list argument (users=U1,U2) or a JSON array. */
export function optList(args: Args, name: string): string[] | undefined {
  const v = args[name];
  if (Array.isArray(v)) return v.map(String);
  const s = optString(args, name);
  if (s === undefined || s === "") return undefined;
  return s
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}
